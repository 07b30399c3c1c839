package se.stegvis.activity;

import java.time.LocalDate;
import java.util.Optional;
import se.stegvis.config.InvalidRequestException;

/**
 * The extent of the aktivitetskrav for one plan (pure; no database): what is required in hours per week, and whether
 * a plan reaches it.
 *
 * <p>The rule (the law: normally full time, reduced for part-time work and other insatser, adapted to the person's
 * capacity): the hours the client can take part at their capacity, {@code floor(full time × capacity % / 100)}, minus
 * the hours of part-time work and of other state, municipal or regional insatser; never below 0. Full time is the
 * setting {@code stegvis.aktivitetskrav.full-time-hours-per-week} (40; unverified in law). Capacity applies to the
 * whole week: someone at 50 % who works 20 hours has reached their capacity. Rounding down never asks more than the
 * capacity allows.
 *
 * <p>Refusals name the plan form's field (400): hours outside 0..full time, a capacity outside 0..100, a capacity below
 * 100 % without a reason, illness without a läkarintyg date or with one in the future; and, for a covered client, a
 * plan below the requirement or without job-search time unless a reason to deviate is recorded.
 */
public final class ActivityExtent {

    /** The plan form's fields (Camunda Forms keys), named in refusals. */
    public static final String FIELD_PART_TIME_WORK = "deltidsarbeteTimmar";
    public static final String FIELD_OTHER_INSATSER = "andraInsatserTimmar";
    public static final String FIELD_CAPACITY = "formagaProcent";
    public static final String FIELD_CAPACITY_REASON = "formagaSkal";
    public static final String FIELD_MEDICAL_CERTIFICATE = "lakarintygDatum";
    public static final String FIELD_JOB_SEARCH = "jobbsokTimmar";
    public static final String FIELD_DEVIATION_REASON = "avvikelseorsak";
    public static final int MAX_DEVIATION_REASON = 1000;

    /** What the required extent is computed from; nulls are 0 hours and 100 %. */
    public record Facts(Integer partTimeWorkHours, Integer otherInsatserHours, Integer capacityPercent,
                        CapacityReason capacityReason, LocalDate medicalCertificateDate) {}

    /** The computed requirement with the figures it came from. */
    public record Requirement(int fullTimeHours, int partTimeWorkHours, int otherInsatserHours, int capacityPercent,
                              CapacityReason capacityReason, LocalDate medicalCertificateDate, int requiredHours) {

        /** The computation in words, for the form and the refusals. */
        public String explain() {
            StringBuilder text = new StringBuilder("heltid ").append(fullTimeHours).append(" tim");
            if (capacityPercent < 100) {
                text.append(" × förmåga ").append(capacityPercent).append(" %");
            }
            if (partTimeWorkHours > 0) {
                text.append(" − deltidsarbete ").append(partTimeWorkHours).append(" tim");
            }
            if (otherInsatserHours > 0) {
                text.append(" − andra insatser ").append(otherInsatserHours).append(" tim");
            }
            return text.append(" = ").append(requiredHours).append(" timmar i veckan").toString();
        }
    }

    private final ActivityRequirementSettings settings;

    public ActivityExtent(ActivityRequirementSettings settings) {
        this.settings = settings;
    }

    /** The required hours per week; throws InvalidRequestException naming the field of a fact that cannot be. */
    public Requirement required(Facts facts, LocalDate today) {
        int fullTime = settings.fullTimeHoursPerWeek();
        int partTime = hours(facts.partTimeWorkHours(), FIELD_PART_TIME_WORK, "Deltidsarbete", fullTime);
        int other = hours(facts.otherInsatserHours(), FIELD_OTHER_INSATSER, "Andra insatser", fullTime);
        int capacity = facts.capacityPercent() == null ? 100 : facts.capacityPercent();
        if (capacity < 0 || capacity > 100) {
            throw new InvalidRequestException(FIELD_CAPACITY, "Förmågan anges i procent av heltid, 0–100"
                    + " (fältet \"Förmåga\").");
        }
        CapacityReason reason = facts.capacityReason();
        LocalDate certificate = facts.medicalCertificateDate();
        if (capacity < 100) {
            if (reason == null) {
                throw new InvalidRequestException(FIELD_CAPACITY_REASON, "Ange skälet till att förmågan är lägre än"
                        + " heltid (fältet \"Skäl till nedsatt förmåga\").");
            }
            if (reason.needsMedicalCertificate() && certificate == null) {
                throw new InvalidRequestException(FIELD_MEDICAL_CERTIFICATE, "Sjukdom som skäl kräver läkarintyg:"
                        + " ange intygets datum (fältet \"Läkarintygets datum\").");
            }
        } else {
            reason = null;
            certificate = null;
        }
        if (certificate != null && certificate.isAfter(today)) {
            throw new InvalidRequestException(FIELD_MEDICAL_CERTIFICATE, "Läkarintygets datum kan inte vara senare än"
                    + " i dag (fältet \"Läkarintygets datum\").");
        }
        int atCapacity = fullTime * capacity / 100;
        int required = Math.max(0, atCapacity - partTime - other);
        return new Requirement(fullTime, partTime, other, capacity, reason, certificate, required);
    }

    /**
     * Why a covered client's plan may not be agreed as it is: below the requirement, or no job-search time; empty when
     * it reaches the requirement with job search, when the client is not covered, or when a reason to deviate is given.
     * The message names the field to fill in.
     */
    public Optional<String> shortfall(boolean covered, Requirement requirement, int plannedHours, int jobSearchHours,
                                      String deviationReason) {
        if (!covered || (deviationReason != null && !deviationReason.isBlank())) {
            return Optional.empty();
        }
        if (plannedHours < requirement.requiredHours()) {
            return Optional.of("Klienten omfattas av aktivitetskravet: planen har " + plannedHours
                    + " timmar i veckan men kravet är " + requirement.requiredHours() + " (" + requirement.explain()
                    + "). Planera fler timmar eller ange varför planen avviker (fältet \"Skäl att avvika från"
                    + " aktivitetskravet\").");
        }
        if (jobSearchHours <= 0) {
            return Optional.of("Klienten omfattas av aktivitetskravet: planen ska ge skälig tid för jobbsökande."
                    + " Ange timmar i fältet \"Jobbsökande, timmar i veckan\" eller varför planen avviker (fältet"
                    + " \"Skäl att avvika från aktivitetskravet\").");
        }
        return Optional.empty();
    }

    /** Checks a deviation reason's length; the stripped reason or null. */
    public static String deviationReason(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.strip().length() > MAX_DEVIATION_REASON) {
            throw new InvalidRequestException(FIELD_DEVIATION_REASON, "Skälet att avvika får vara högst "
                    + MAX_DEVIATION_REASON + " tecken (fältet \"Skäl att avvika från aktivitetskravet\").");
        }
        return text.strip();
    }

    private static int hours(Integer value, String field, String label, int fullTime) {
        int h = value == null ? 0 : value;
        if (h < 0 || h > fullTime) {
            throw new InvalidRequestException(field, label + ": timmar i veckan ska vara 0–" + fullTime
                    + " (fältet \"" + label + ", timmar i veckan\").");
        }
        return h;
    }
}
