package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JourneyExitRepository extends JpaRepository<JourneyExit, UUID> {

    @Query("select e from JourneyExit e where e.journeyId = :journeyId")
    Optional<JourneyExit> findByJourneyId(UUID journeyId);
}
