package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface IndividualPlanRepository extends JpaRepository<IndividualPlan, UUID> {

    @Query("select p from IndividualPlan p where p.journeyId = :journeyId")
    Optional<IndividualPlan> findByJourneyId(UUID journeyId);
}
