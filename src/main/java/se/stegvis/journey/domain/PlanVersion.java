package se.stegvis.journey.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.stegvis.placement.domain.PlacementType;

/**
 * One version of an individual plan: the goal, the steps with dates, the chosen interventions and when the client
 * agreed to it. A version is never changed after the client agreed; a revision is a new version
 * ({@link IndividualPlan#revise}).
 */
@Entity
@Table(name = "plan_version")
public class PlanVersion {

    @Id
    private UUID id;

    @Column(name = "plan_id", nullable = false)
    private UUID planId;

    @Column(name = "version_number", nullable = false)
    private int versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OwnGoal goal;

    @Column(name = "goal_occupation", length = 200)
    private String goalOccupation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_step", joinColumns = @JoinColumn(name = "plan_version_id"))
    @OrderColumn(name = "position")
    private List<PlanStep> steps = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_intervention", joinColumns = @JoinColumn(name = "plan_version_id"))
    @OrderColumn(name = "position")
    @Enumerated(EnumType.STRING)
    @Column(name = "placement_type", nullable = false, length = 40)
    private List<PlacementType> interventions = new ArrayList<>();

    @Column(name = "change_reason", length = 1000)
    private String changeReason;

    @Column(name = "agreed_with_client_at")
    private Instant agreedWithClientAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PlanVersion() {}

    PlanVersion(UUID planId, int versionNumber, OwnGoal goal, String goalOccupation, List<PlanStep> steps,
                List<PlacementType> interventions, String changeReason, String createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.planId = planId;
        this.versionNumber = versionNumber;
        this.goal = goal;
        this.goalOccupation = goalOccupation;
        this.steps = new ArrayList<>(steps);
        this.interventions = new ArrayList<>(interventions);
        this.changeReason = changeReason;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** Records that the client agreed to this version (individuell planering is drawn up together with the client). */
    public void agreedWithClient(Instant at) {
        if (agreedWithClientAt != null) {
            throw new IllegalStateException("version " + versionNumber + " was already agreed");
        }
        this.agreedWithClientAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPlanId() {
        return planId;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public OwnGoal getGoal() {
        return goal;
    }

    public Optional<String> getGoalOccupation() {
        return Optional.ofNullable(goalOccupation);
    }

    public List<PlanStep> getSteps() {
        return List.copyOf(steps);
    }

    public List<PlacementType> getInterventions() {
        return List.copyOf(interventions);
    }

    public Optional<String> getChangeReason() {
        return Optional.ofNullable(changeReason);
    }

    public Optional<Instant> getAgreedWithClientAt() {
        return Optional.ofNullable(agreedWithClientAt);
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
