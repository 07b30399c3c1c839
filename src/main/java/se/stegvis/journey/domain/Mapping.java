package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The mapping (kartläggning) of a person's situation, done by the coach with the client. A new mapping is made when
 * the situation changes; the latest is the one that counts. Its answers are the inputs of the decision
 * {@code insatsval} (see {@link #insatsvalInputs()}).
 */
@Entity
@Table(name = "journey_mapping")
public class Mapping {

    /** The input variable names of processes/insatsval.dmn. */
    public static final String IN_OWN_GOAL = "egetMal";
    public static final String IN_SWEDISH_LEVEL = "svenskniva";
    public static final String IN_READY_FOR_COMPANY_PLACEMENT = "redoForArbetsplats";
    public static final String IN_HEALTH_LIMITS = "halsohinder";
    public static final String IN_PARENTAL_LEAVE = "foraldraledig";
    public static final String IN_MONTHS_SINCE_LAST_JOB = "manaderSedanSenasteArbete";
    public static final String IN_EDUCATION_LEVEL = "utbildningsniva";

    /** Stands for "never had a job" in the decision input, so that the table compares numbers only. */
    public static final int NEVER_WORKED_MONTHS = 999;

    @Id
    private UUID id;

    @Column(name = "journey_id", nullable = false)
    private UUID journeyId;

    @Enumerated(EnumType.STRING)
    @Column(name = "education_level", nullable = false, length = 30)
    private EducationLevel educationLevel;

    @Column(name = "work_history", length = 2000)
    private String workHistory;

    @Enumerated(EnumType.STRING)
    @Column(name = "swedish_level", nullable = false, length = 20)
    private SwedishLevel swedishLevel;

    @Column(name = "health_limits", nullable = false)
    private boolean healthLimits;

    @Column(name = "health_limits_description", length = 1000)
    private String healthLimitsDescription;

    @Column(name = "childcare_need", nullable = false)
    private boolean childcareNeed;

    @Column(name = "parental_leave", nullable = false)
    private boolean parentalLeave;

    @Column(name = "driving_licence", nullable = false)
    private boolean drivingLicence;

    @Column(name = "months_since_last_job")
    private Integer monthsSinceLastJob;

    @Enumerated(EnumType.STRING)
    @Column(name = "own_goal", nullable = false, length = 20)
    private OwnGoal ownGoal;

    @Column(name = "goal_occupation", length = 200)
    private String goalOccupation;

    @Column(name = "ready_for_company_placement", nullable = false)
    private boolean readyForCompanyPlacement;

    @Column(name = "mapped_by", nullable = false, length = 64)
    private String mappedBy;

    @Column(name = "mapped_at", nullable = false)
    private Instant mappedAt;

    protected Mapping() {}

    private Mapping(Builder b) {
        this.id = UUID.randomUUID();
        this.journeyId = b.journeyId;
        this.educationLevel = b.educationLevel;
        this.workHistory = b.workHistory;
        this.swedishLevel = b.swedishLevel;
        this.healthLimits = b.healthLimits;
        this.healthLimitsDescription = b.healthLimitsDescription;
        this.childcareNeed = b.childcareNeed;
        this.parentalLeave = b.parentalLeave;
        this.drivingLicence = b.drivingLicence;
        this.monthsSinceLastJob = b.monthsSinceLastJob;
        this.ownGoal = b.ownGoal;
        this.goalOccupation = b.goalOccupation;
        this.readyForCompanyPlacement = b.readyForCompanyPlacement;
        this.mappedBy = b.mappedBy;
        this.mappedAt = b.mappedAt;
    }

    public static Builder forJourney(UUID journeyId) {
        return new Builder(journeyId);
    }

    /** The variables the decision {@code insatsval} reads, under its input names. */
    public Map<String, Object> insatsvalInputs() {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(IN_OWN_GOAL, ownGoal.name());
        inputs.put(IN_SWEDISH_LEVEL, swedishLevel.name());
        inputs.put(IN_READY_FOR_COMPANY_PLACEMENT, readyForCompanyPlacement);
        inputs.put(IN_HEALTH_LIMITS, healthLimits);
        inputs.put(IN_PARENTAL_LEAVE, parentalLeave);
        inputs.put(IN_MONTHS_SINCE_LAST_JOB, monthsSinceLastJob == null ? NEVER_WORKED_MONTHS : monthsSinceLastJob);
        inputs.put(IN_EDUCATION_LEVEL, educationLevel.name());
        return inputs;
    }

    public UUID getId() {
        return id;
    }

    public UUID getJourneyId() {
        return journeyId;
    }

    public EducationLevel getEducationLevel() {
        return educationLevel;
    }

    public Optional<String> getWorkHistory() {
        return Optional.ofNullable(workHistory);
    }

    public SwedishLevel getSwedishLevel() {
        return swedishLevel;
    }

    public boolean hasHealthLimits() {
        return healthLimits;
    }

    public Optional<String> getHealthLimitsDescription() {
        return Optional.ofNullable(healthLimitsDescription);
    }

    public boolean needsChildcare() {
        return childcareNeed;
    }

    public boolean isOnParentalLeave() {
        return parentalLeave;
    }

    public boolean hasDrivingLicence() {
        return drivingLicence;
    }

    /** Empty: the person has never had a job. */
    public Optional<Integer> getMonthsSinceLastJob() {
        return Optional.ofNullable(monthsSinceLastJob);
    }

    public OwnGoal getOwnGoal() {
        return ownGoal;
    }

    public Optional<String> getGoalOccupation() {
        return Optional.ofNullable(goalOccupation);
    }

    public boolean isReadyForCompanyPlacement() {
        return readyForCompanyPlacement;
    }

    public String getMappedBy() {
        return mappedBy;
    }

    public Instant getMappedAt() {
        return mappedAt;
    }

    /** The answers of the Kartläggning form; education, Swedish level, goal and who mapped when are required. */
    public static final class Builder {
        private final UUID journeyId;
        private EducationLevel educationLevel;
        private String workHistory;
        private SwedishLevel swedishLevel;
        private boolean healthLimits;
        private String healthLimitsDescription;
        private boolean childcareNeed;
        private boolean parentalLeave;
        private boolean drivingLicence;
        private Integer monthsSinceLastJob;
        private OwnGoal ownGoal;
        private String goalOccupation;
        private boolean readyForCompanyPlacement;
        private String mappedBy;
        private Instant mappedAt;

        private Builder(UUID journeyId) {
            this.journeyId = journeyId;
        }

        public Builder education(EducationLevel level) {
            this.educationLevel = level;
            return this;
        }

        public Builder workHistory(String text) {
            this.workHistory = text;
            return this;
        }

        public Builder swedish(SwedishLevel level) {
            this.swedishLevel = level;
            return this;
        }

        public Builder healthLimits(String description) {
            this.healthLimits = true;
            this.healthLimitsDescription = description;
            return this;
        }

        public Builder childcareNeed(boolean need) {
            this.childcareNeed = need;
            return this;
        }

        public Builder parentalLeave(boolean onLeave) {
            this.parentalLeave = onLeave;
            return this;
        }

        public Builder drivingLicence(boolean licence) {
            this.drivingLicence = licence;
            return this;
        }

        /** Null: has never had a job. */
        public Builder monthsSinceLastJob(Integer months) {
            if (months != null && months < 0) {
                throw new IllegalArgumentException("months since last job cannot be negative, was " + months);
            }
            this.monthsSinceLastJob = months;
            return this;
        }

        public Builder goal(OwnGoal goal, String occupation) {
            this.ownGoal = goal;
            this.goalOccupation = occupation;
            return this;
        }

        public Builder readyForCompanyPlacement(boolean ready) {
            this.readyForCompanyPlacement = ready;
            return this;
        }

        public Mapping mappedBy(String coach, Instant at) {
            this.mappedBy = coach;
            this.mappedAt = at;
            if (educationLevel == null || swedishLevel == null || ownGoal == null) {
                throw new IllegalStateException("a mapping needs education, Swedish level and the person's own goal");
            }
            return new Mapping(this);
        }
    }
}
