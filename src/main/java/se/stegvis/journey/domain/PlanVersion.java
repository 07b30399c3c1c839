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
import java.time.LocalDate;
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

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "plan_activity", joinColumns = @JoinColumn(name = "plan_version_id"))
    @OrderColumn(name = "position")
    private List<PlanActivity> activities = new ArrayList<>();

    /** Whether the client was covered by the aktivitetskrav when the version was made; null for older versions. */
    @Column(name = "activity_covered")
    private Boolean activityCovered;

    @Column(name = "full_time_hours")
    private Integer fullTimeHours;

    @Column(name = "part_time_work_hours")
    private Integer partTimeWorkHours;

    @Column(name = "other_insatser_hours")
    private Integer otherInsatserHours;

    @Column(name = "capacity_percent")
    private Integer capacityPercent;

    @Column(name = "capacity_reason", length = 30)
    private String capacityReason;

    @Column(name = "medical_certificate_date")
    private LocalDate medicalCertificateDate;

    @Column(name = "job_search_hours")
    private Integer jobSearchHours;

    @Column(name = "required_hours_per_week")
    private Integer requiredHoursPerWeek;

    @Column(name = "planned_hours_per_week")
    private Integer plannedHoursPerWeek;

    @Column(name = "deviation_reason", length = 1000)
    private String deviationReason;

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

    /**
     * Records the plan's extent under the aktivitetskrav: the activities with hours, the job-search time, what the
     * requirement was computed from and came to, and why the plan deviates from it (null when it does not). The planned
     * hours are the activities' hours plus the job-search time. Only before the client agreed.
     */
    public void recordActivityRequirement(List<PlanActivity> activities, int jobSearchHours, boolean covered,
                                          int fullTimeHours, int partTimeWorkHours, int otherInsatserHours,
                                          int capacityPercent, String capacityReason, LocalDate medicalCertificateDate,
                                          int requiredHoursPerWeek, String deviationReason) {
        if (agreedWithClientAt != null) {
            throw new IllegalStateException("version " + versionNumber + " was already agreed");
        }
        if (jobSearchHours < 0 || jobSearchHours > PlanActivity.MAX_HOURS) {
            throw new IllegalArgumentException("job-search hours 0.." + PlanActivity.MAX_HOURS);
        }
        this.activities = new ArrayList<>(activities);
        this.jobSearchHours = jobSearchHours;
        this.activityCovered = covered;
        this.fullTimeHours = fullTimeHours;
        this.partTimeWorkHours = partTimeWorkHours;
        this.otherInsatserHours = otherInsatserHours;
        this.capacityPercent = capacityPercent;
        this.capacityReason = capacityReason;
        this.medicalCertificateDate = medicalCertificateDate;
        this.requiredHoursPerWeek = requiredHoursPerWeek;
        this.plannedHoursPerWeek = activities.stream().mapToInt(PlanActivity::getHoursPerWeek).sum() + jobSearchHours;
        this.deviationReason = deviationReason;
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

    /**
     * The matching chose a provider for the placement an activity of this version comes from: the activities of that
     * intervention without a provider get it. The one change to a version after the client agreed: which provider
     * carries out an agreed activity is known only at the matching, and changes neither hours nor category.
     *
     * @return whether an activity got the provider
     */
    public boolean providerChosen(PlacementType type, UUID providerId) {
        boolean changed = false;
        for (int i = 0; i < activities.size(); i++) {
            PlanActivity activity = activities.get(i);
            if (activity.getPlacementType().map(type::equals).orElse(false) && activity.getProviderId().isEmpty()) {
                activities.set(i, activity.withProvider(providerId));
                changed = true;
            }
        }
        return changed;
    }

    public List<PlanActivity> getActivities() {
        return List.copyOf(activities);
    }

    /** Whether the version records hours (versions from before the aktivitetskrav do not). */
    public boolean recordsHours() {
        return plannedHoursPerWeek != null;
    }

    public Optional<Boolean> getActivityCovered() {
        return Optional.ofNullable(activityCovered);
    }

    public Optional<Integer> getFullTimeHours() {
        return Optional.ofNullable(fullTimeHours);
    }

    public Optional<Integer> getPartTimeWorkHours() {
        return Optional.ofNullable(partTimeWorkHours);
    }

    public Optional<Integer> getOtherInsatserHours() {
        return Optional.ofNullable(otherInsatserHours);
    }

    public Optional<Integer> getCapacityPercent() {
        return Optional.ofNullable(capacityPercent);
    }

    public Optional<String> getCapacityReason() {
        return Optional.ofNullable(capacityReason);
    }

    public Optional<LocalDate> getMedicalCertificateDate() {
        return Optional.ofNullable(medicalCertificateDate);
    }

    public Optional<Integer> getJobSearchHours() {
        return Optional.ofNullable(jobSearchHours);
    }

    public Optional<Integer> getRequiredHoursPerWeek() {
        return Optional.ofNullable(requiredHoursPerWeek);
    }

    public Optional<Integer> getPlannedHoursPerWeek() {
        return Optional.ofNullable(plannedHoursPerWeek);
    }

    public Optional<String> getDeviationReason() {
        return Optional.ofNullable(deviationReason);
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

    public Instant getCreatedAt() {
        return createdAt;
    }
}
