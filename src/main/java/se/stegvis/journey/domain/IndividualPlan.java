package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import se.stegvis.placement.domain.PlacementType;

/**
 * The individual plan (individuell planering) of a journey. Its content lives in {@link PlanVersion}s: every revision
 * is a new version and every earlier one is kept, so that what was agreed with the client when stays on record.
 */
@Entity
@Table(name = "individual_plan")
public class IndividualPlan {

    @Id
    private UUID id;

    @Column(name = "journey_id", nullable = false, unique = true)
    private UUID journeyId;

    @Column(name = "current_version", nullable = false)
    private int currentVersion;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected IndividualPlan() {}

    public IndividualPlan(UUID journeyId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.journeyId = journeyId;
        this.currentVersion = 0;
        this.createdAt = createdAt;
    }

    /** The next version of the plan (1 for the first); save it together with this plan. */
    public PlanVersion revise(OwnGoal goal, String occupation, List<PlanStep> steps, List<PlacementType> interventions,
                              String changeReason, String coach, Instant at) {
        if (currentVersion > 0 && (changeReason == null || changeReason.isBlank())) {
            throw new IllegalArgumentException("a revision of the plan says why it was revised");
        }
        currentVersion++;
        return new PlanVersion(id, currentVersion, goal, occupation, steps, interventions, changeReason, coach, at);
    }

    public UUID getId() {
        return id;
    }

    public UUID getJourneyId() {
        return journeyId;
    }

    /** 0 before the first version. */
    public int getCurrentVersion() {
        return currentVersion;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
