package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IndividualPlanRepository extends JpaRepository<IndividualPlan, UUID> {

    Optional<IndividualPlan> findByJourneyId(UUID journeyId);
}
