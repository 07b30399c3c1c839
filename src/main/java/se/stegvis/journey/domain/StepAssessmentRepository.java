package se.stegvis.journey.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StepAssessmentRepository extends JpaRepository<StepAssessment, UUID> {

    List<StepAssessment> findByJourneyIdOrderByAssessedOnAscCreatedAtAsc(UUID journeyId);
}
