package se.stegvis.journey.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StepAssessmentRepository extends JpaRepository<StepAssessment, UUID> {

    @Query("select a from StepAssessment a where a.journeyId = :journeyId order by a.assessedOn, a.createdAt")
    List<StepAssessment> findByJourneyIdOrderByAssessedOnAscCreatedAtAsc(UUID journeyId);
}
