package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyExitRepository extends JpaRepository<JourneyExit, UUID> {

    Optional<JourneyExit> findByJourneyId(UUID journeyId);
}
