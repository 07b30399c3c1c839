package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The coach's assessment at a follow-up conversation of where the client stands on the step scale, and why. */
@Entity
@Table(name = "step_assessment")
public class StepAssessment {

    @Id
    private UUID id;

    @Column(name = "journey_id", nullable = false)
    private UUID journeyId;

    @Column(name = "assessed_on", nullable = false)
    private LocalDate assessedOn;

    @Column(nullable = false, length = 64)
    private String coach;

    @Convert(converter = StepConverter.class)
    @Column(nullable = false)
    private Step step;

    @Column(nullable = false, length = 1000)
    private String reason;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StepAssessment() {}

    public StepAssessment(UUID journeyId, LocalDate assessedOn, String coach, Step step, String reason, Instant createdAt) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a step assessment says why");
        }
        this.id = UUID.randomUUID();
        this.journeyId = journeyId;
        this.assessedOn = assessedOn;
        this.coach = coach;
        this.step = step;
        this.reason = reason;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getJourneyId() {
        return journeyId;
    }

    public LocalDate getAssessedOn() {
        return assessedOn;
    }

    public String getCoach() {
        return coach;
    }

    public Step getStep() {
        return step;
    }

    public String getReason() {
        return reason;
    }
}
