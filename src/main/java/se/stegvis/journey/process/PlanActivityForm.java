package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.VariableScope;
import se.stegvis.activity.ActivityExtent;
import se.stegvis.activity.CapacityReason;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.journey.domain.PlanActivity;
import se.stegvis.placement.domain.PlacementType;

/**
 * The aktivitetskrav part of the plan form (forms/individuell-planering.form): hours per week for each chosen
 * intervention ({@link #hoursField}), job-search hours, part-time work, other insatser, capacity with its reason and
 * läkarintyg date, and the reason to deviate. Read the same way when the task is completed (refusals name the field)
 * and when the plan is recorded; the variables are removed once the plan version holds them ({@link #VARIABLES}).
 */
public final class PlanActivityForm {

    /** Every variable of this part of the form, removed from the process once recorded in the plan version. */
    public static final List<String> VARIABLES;

    static {
        List<String> names = new ArrayList<>(Arrays.stream(PlacementType.values()).map(PlanActivityForm::hoursField).toList());
        names.addAll(List.of(JOB_SEARCH_HOURS, PART_TIME_WORK_HOURS, OTHER_INSATSER_HOURS, CAPACITY_PERCENT, CAPACITY_REASON,
                MEDICAL_CERTIFICATE_DATE, DEVIATION_REASON));
        VARIABLES = List.copyOf(names);
    }

    /** What the form says. */
    public record Content(List<PlanActivity> activities, int jobSearchHours, ActivityExtent.Facts facts,
                          String deviationReason, boolean anyHoursGiven) {

        /** The activities' hours plus the job-search time. */
        public int plannedHours() {
            return activities.stream().mapToInt(PlanActivity::getHoursPerWeek).sum() + jobSearchHours;
        }

        /** The activities for the notice to Arbetsförmedlingen: category/type:hours, and job search. */
        public List<String> describe() {
            List<String> lines = new ArrayList<>(activities.stream().map(PlanActivity::describe).toList());
            lines.add("JOBBSOKANDE/EGET:" + jobSearchHours);
            return lines;
        }
    }

    /** The form key of an intervention's hours: timmarPraktik, timmarAnstallningMedStodLonebidrag, ... */
    public static String hoursField(PlacementType type) {
        StringBuilder key = new StringBuilder("timmar");
        for (String word : type.name().toLowerCase(Locale.ROOT).split("_")) {
            key.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return key.toString();
    }

    /** Reads the form; refuses (400 naming the field) hours that are not whole numbers 0–60 and an unknown reason. */
    public static Content read(VariableScope scope, List<PlacementType> chosen, ZoneId zone) {
        List<PlanActivity> activities = new ArrayList<>();
        boolean anyHours = false;
        for (PlacementType type : chosen) {
            Integer hours = optionalHours(scope, hoursField(type), type.label());
            anyHours |= hours != null;
            activities.add(PlanActivity.of(type, hours == null ? 0 : hours));
        }
        int jobSearch = hours(scope, JOB_SEARCH_HOURS, "Jobbsökande");
        Integer partTime = optionalHours(scope, PART_TIME_WORK_HOURS, "Deltidsarbete");
        Integer other = optionalHours(scope, OTHER_INSATSER_HOURS, "Andra insatser");
        Integer capacity = number(scope, CAPACITY_PERCENT, "Förmåga");
        CapacityReason reason = null;
        String reasonText = string(scope, CAPACITY_REASON);
        if (reasonText != null && !reasonText.isBlank()) {
            try {
                reason = CapacityReason.valueOf(reasonText.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(CAPACITY_REASON, "Okänt skäl till nedsatt förmåga (fältet \"Skäl till"
                        + " nedsatt förmåga\").");
            }
        }
        LocalDate certificate;
        try {
            certificate = date(scope, MEDICAL_CERTIFICATE_DATE, zone);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(MEDICAL_CERTIFICATE_DATE, "Läkarintygets datum ska vara ett datum"
                    + " (ÅÅÅÅ-MM-DD).");
        }
        anyHours |= number(scope, JOB_SEARCH_HOURS, "Jobbsökande") != null || partTime != null || other != null
                || capacity != null;
        return new Content(activities, jobSearch, new ActivityExtent.Facts(partTime, other, capacity, reason, certificate),
                ActivityExtent.deviationReason(string(scope, DEVIATION_REASON)), anyHours);
    }

    private static int hours(VariableScope scope, String field, String label) {
        Integer value = optionalHours(scope, field, label);
        return value == null ? 0 : value;
    }

    private static Integer optionalHours(VariableScope scope, String field, String label) {
        Integer value = number(scope, field, label);
        if (value != null && (value < 0 || value > PlanActivity.MAX_HOURS)) {
            throw new InvalidRequestException(field, label + ": timmar i veckan ska vara 0–" + PlanActivity.MAX_HOURS
                    + " (fältet \"" + label + ", timmar i veckan\").");
        }
        return value;
    }

    private static Integer number(VariableScope scope, String field, String label) {
        try {
            return wholeNumber(scope, field);
        } catch (RuntimeException e) {
            throw new InvalidRequestException(field, label + " ska vara ett heltal (fältet \"" + label + "\").");
        }
    }

    private PlanActivityForm() {}
}
