package se.stegvis.placement.process;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import se.stegvis.config.ProcessVariables;
import se.stegvis.config.TaskCompletionPlugin;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.PlacementOutcome;

/**
 * The process {@code arbetsforberedande-insats} (processes/arbetsforberedande-insats.bpmn): one placement, called by
 * the client journey with {@link #JOURNEY_ID} and {@link #PLACEMENT_ID} and returning {@link #PLACEMENT_OUTCOME}. The
 * placement itself (provider, dates, outcome, attendance) lives in the database; the process holds ids and form values.
 */
public final class PlacementProcess {

    public static final String PROCESS_KEY = "arbetsforberedande-insats";

    // Elements used by code and tests
    public static final String START = "StartEvent_PlacementRequested";
    public static final String TASK_MATCH = "UserTask_MatchPlacement";
    public static final String TASK_REGISTER_MATCH = "ServiceTask_RegisterMatch";
    public static final String TASK_START = "ServiceTask_StartPlacement";
    public static final String SUBPROCESS_ONGOING = "SubProcess_PlacementOngoing";
    public static final String TASK_MID_REVIEW = "UserTask_MidReview";
    public static final String TASK_END = "UserTask_EndPlacement";
    public static final String TIMER_ATTENDANCE = "BoundaryEvent_MonthlyAttendance";
    public static final String TASK_REPORT_ATTENDANCE = "UserTask_ReportAttendance";
    public static final String TASK_REGISTER_ATTENDANCE = "ServiceTask_RegisterAttendance";
    public static final String END_ATTENDANCE = "EndEvent_AttendanceRegistered";
    public static final String MESSAGE_BOUNDARY_PARENTAL_LEAVE = "BoundaryEvent_ParentalLeave";
    public static final String TASK_SWITCH_TO_FLEX_SFI = "ServiceTask_SwitchToFlexSfi";
    public static final String END_PARENTAL_LEAVE = "EndEvent_ParentalLeaveHandled";
    public static final String TASK_STORE_OUTCOME = "ServiceTask_StoreOutcome";
    public static final String END_PLACEMENT = "EndEvent_PlacementEnded";
    /** Gateway: declined or broken off without godtagbart skäl by a client covered by the aktivitetskrav? */
    public static final String GATEWAY_MANDATORY_SANCTION = "Gateway_MandatorySanction";
    /** "Föreslå nedsättning i klientresan": the declined placement goes to the journey as a sanction proposal. */
    public static final String TASK_REPORT_DECLINED = "ServiceTask_ReportDeclinedPlacement";
    public static final String BOUNDARY_PROVIDER_FULL = "BoundaryEvent_ProviderFull";
    public static final String GATEWAY_WORK_OR_STUDIES = "Gateway_WorkOrStudies";
    public static final String THROW_WORK_OR_STUDIES = "ThrowEvent_WorkOrStudies";
    public static final String GATEWAY_PLACEMENT_STARTED = "Gateway_PlacementStarted";
    public static final String GATEWAY_SFI_CLOCK = "Gateway_SfiClock";
    public static final String END_NO_SFI_CLOCK = "EndEvent_NoSfiClock";
    /** Timer: three months before the client's right to SFI ends ({@link #SFI_FOLLOW_UP}). */
    public static final String TIMER_SFI_RIGHT_ENDING = "CatchEvent_SfiRightEnding";
    public static final String TASK_SFI_RIGHT_ENDING = "UserTask_SfiRightEnding";
    public static final String GATEWAY_SFI_EXTENDED = "Gateway_SfiRightExtended";
    public static final String TASK_RECORD_SFI_EXTENSION = "ServiceTask_RecordSfiExtension";
    public static final String END_SFI_RIGHT_ENDS = "EndEvent_SfiRightEnds";

    // Errors and escalations
    /** BPMN error of "Registrera matchning" when the chosen provider has no free place: back to the matching. */
    public static final String ERROR_PROVIDER_FULL = "AnordnarenFull";
    /**
     * Escalation to the caller when the placement ended in work or studies (outcome ARBETE or STUDIER): the client
     * journey catches it and ends the journey with that exit.
     */
    public static final String ESCALATION_WORK_OR_STUDIES = "ArbeteEllerStudier";

    // Messages
    /** In: parental leave began; correlate with processInstanceVariableEquals(PLACEMENT_ID, id). */
    public static final String MESSAGE_PARENTAL_LEAVE = "ForaldraledighetPaborjad";
    /** Out, to the journey: absence without acceptable reason in a month's attendance (correlateAll on JOURNEY_ID). */
    public static final String MESSAGE_UNEXCUSED_ABSENCE = "FranvaroUtanGodtagbartSkal";

    // Variables: in and out of the call activity
    /** String (UUID): the client journey. */
    public static final String JOURNEY_ID = "journeyId";
    /** String (UUID): the placement row, which exists with its type before the process starts. */
    public static final String PLACEMENT_ID = "placementId";
    /** String: a {@link PlacementOutcome} name, set when the placement ends; the call activity's output. */
    public static final String PLACEMENT_OUTCOME = "placementOutcome";

    // Variables: set by the engine's delegates
    /** String: ISO 8601 repeating interval of the attendance reports (setting stegvis.placement.attendance-cycle). */
    public static final String ATTENDANCE_CYCLE = "narvaroCykel";
    /** Date: due date of the mid-review. */
    public static final String MID_REVIEW_DUE = "halvtidSenast";
    /** Boolean: whether the last parental-leave message switched the placement to flex-SFI. */
    public static final String SWITCHED_TO_FLEX_SFI = "bytteTillFlexSfi";
    /**
     * Boolean (set with the outcome): the placement was declined or broken off without godtagbart skäl by a client
     * covered by the aktivitetskrav today, so the journey gets a sanction proposal by itself.
     */
    public static final String MANDATORY_SANCTION = "obligatoriskSanktion";
    /** Boolean: the placement ended in work or studies (set with the outcome). */
    public static final String WORK_OR_STUDIES = "arbeteEllerStudier";
    /**
     * JSON (local to "Matcha mot arbetsgivare/utbildning"): the providers of the right kind with a free place, as the
     * form's select options [{"label": "...", "value": providerId}].
     */
    public static final String AVAILABLE_PROVIDERS = "ledigaAnordnare";
    /** String (local to the matching task): the intervention and the kind of provider it needs, shown in the form. */
    public static final String PLACEMENT_DESCRIPTION = "insatsBeskrivning";
    /** String: why the last matching was refused (the message of the BPMN error), shown when the task comes back. */
    public static final String MATCH_REFUSAL = "matchningAvbojd";
    /** String: user id of whoever reported the attendance (set by the attendance task's listener). */
    public static final String ATTENDANCE_REPORTED_BY = "narvaroRapporteradAv";

    /**
     * Date or null: when the coach is told that the client's right to SFI ends (three months before it does), set when
     * an SFI placement starts and after each extension; null when the placement has no SFI or no admission is known.
     */
    public static final String SFI_FOLLOW_UP = "sfiUppfoljning";
    /** String (local to a task): the client's right to SFI in words, shown read-only in the forms. */
    public static final String SFI_RIGHT_TEXT = "sfiRatt";
    /** Boolean (local to the matching task): the placement includes SFI, so the form asks for the first admission. */
    public static final String INCLUDES_SFI = "sfiInsats";

    // Variables: set by the forms
    /** String (UUID): the provider chosen in the matching form's list. */
    public static final String PROVIDER_ID = "anordnareId";
    public static final String MATCHED_ON = "matchadDatum";
    public static final String START_DATE = "startdatum";
    public static final String PLANNED_END = "planeratSlutdatum";
    public static final String ATTENDANCE_MONTH = "narvaroManad";
    public static final String DAYS_PLANNED = "dagarPlanerade";
    public static final String DAYS_PRESENT = "dagarNarvarande";
    public static final String DAYS_ABSENT_UNEXCUSED = "dagarFranvaroUtanSkal";
    public static final String HOURS_PLANNED = "timmarPlanerade";
    public static final String HOURS_PRESENT = "timmarNarvarande";
    public static final String HOURS_ABSENT_UNEXCUSED = "timmarFranvaroUtanSkal";
    public static final String MID_REVIEW_NOTE = "halvtidAnteckning";
    public static final String OUTCOME = "utfall";
    public static final String INTERRUPTION_REASON = "avbrottsorsak";
    /** String: an {@link InterruptionGround} name, asked in "Avsluta insats" when the outcome is AVBRUTEN. */
    public static final String INTERRUPTION_GROUND = "avbrottsgrund";
    public static final String END_DATE = "slutdatum";
    /** Date "YYYY-MM-DD": the client's first admission to SFI, from the study plan (matching form). */
    public static final String SFI_FIRST_ADMISSION = "sfiForstaAntagning";
    /** String JA or NEJ: the huvudman has extended the right to SFI ("Följ upp rätten till SFI"). */
    public static final String SFI_EXTENDED = "sfiForlangning";
    /** Date "YYYY-MM-DD": the last day of the extended right. */
    public static final String SFI_EXTENDED_UNTIL = "sfiForlangdTill";
    /** String: user id of whoever completed the last task (set for every task, see TaskCompletionPlugin). */
    public static final String COMPLETED_BY = TaskCompletionPlugin.COMPLETED_BY;

    // Local variables of the absence message to the journey
    public static final String ABSENCE_MONTH = "franvaroManad";
    public static final String ABSENCE_DAYS = "franvaroDagar";
    /** String: a readable description of the absence (month and days, no personal data), kept on the sanction. */
    public static final String ABSENCE_DESCRIPTION = "franvaroBeskrivning";
    /** String: the user who reported the attendance; the proposal's reporter. */
    public static final String ABSENCE_REPORTED_BY = "rapporteradAv";
    /**
     * String (a declined or broken-off placement, instead of days): the {@link InterruptionGround}; the journey's
     * proposal then takes its amount from the setting for a declined activity.
     */
    public static final String DECLINED_PLACEMENT = "avbojdInsats";

    public static UUID placementId(VariableScope scope) {
        return UUID.fromString(requiredString(scope, PLACEMENT_ID));
    }

    public static String journeyId(VariableScope scope) {
        return requiredString(scope, JOURNEY_ID);
    }

    /** The provider chosen in the matching form, or null when none or not an id. */
    public static UUID providerId(VariableScope scope) {
        String value = string(scope, PROVIDER_ID);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The outcome chosen in "Avsluta insats", or null when none or unknown. */
    public static PlacementOutcome outcome(VariableScope scope) {
        String value = string(scope, OUTCOME);
        if (value == null) {
            return null;
        }
        try {
            return PlacementOutcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Why an interrupted placement ended, as chosen in "Avsluta insats"; null when not given.
     *
     * @throws IllegalArgumentException when the value is not an {@link InterruptionGround}
     */
    public static InterruptionGround interruptionGround(VariableScope scope) {
        String value = string(scope, INTERRUPTION_GROUND);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return InterruptionGround.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(INTERRUPTION_GROUND + " ska vara en av "
                    + java.util.Arrays.toString(InterruptionGround.values()));
        }
    }

    /** Whether the ending needs a sanction proposal in the journey (set by "Spara slutdatum och utfall"). */
    public static boolean mandatorySanction(VariableScope scope) {
        return ProcessVariables.flag(scope, MANDATORY_SANCTION);
    }

    /** Whether "Följ upp rätten till SFI" says the right was extended; null when not answered. */
    public static Boolean sfiExtended(VariableScope scope) {
        String value = string(scope, SFI_EXTENDED);
        return value == null ? null : "JA".equals(value);
    }

    public static String string(VariableScope scope, String name) {
        return ProcessVariables.string(scope, name);
    }

    public static String requiredString(VariableScope scope, String name) {
        return ProcessVariables.requiredString(scope, name);
    }

    /** A day: form-js date fields arrive as "YYYY-MM-DD"; null when not given. */
    public static LocalDate date(VariableScope scope, String name) {
        return ProcessVariables.date(scope, name, ZoneId.of("Europe/Stockholm"));
    }

    /** A month "YYYY-MM"; null when not given. */
    public static YearMonth month(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " ska vara en månad (ÅÅÅÅ-MM)");
        }
    }

    /** A whole number of days, 0 or more; form-js number fields arrive as Long, Integer or Double. Null when empty. */
    public static Integer days(VariableScope scope, String name) {
        Long days;
        try {
            days = ProcessVariables.wholeNumber(scope, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " ska vara ett helt antal dagar, 0–31");
        }
        if (days != null && (days < 0 || days > 31)) {
            throw new IllegalArgumentException(name + " ska vara ett helt antal dagar, 0–31");
        }
        return days == null ? null : days.intValue();
    }

    /** A whole number of hours in a month, 0–744; null when empty. */
    public static Integer hours(VariableScope scope, String name) {
        Long hours;
        try {
            hours = ProcessVariables.wholeNumber(scope, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " ska vara ett helt antal timmar, 0–744");
        }
        if (hours != null && (hours < 0 || hours > 744)) {
            throw new IllegalArgumentException(name + " ska vara ett helt antal timmar, 0–744");
        }
        return hours == null ? null : hours.intValue();
    }

    /** The month's hours, or null when none of them was given (days only, as before hours were reported). */
    public static se.stegvis.placement.PlacementService.Hours attendanceHours(VariableScope scope) {
        Integer planned = hours(scope, HOURS_PLANNED);
        Integer present = hours(scope, HOURS_PRESENT);
        Integer absent = hours(scope, HOURS_ABSENT_UNEXCUSED);
        if (planned == null && present == null && absent == null) {
            return null;
        }
        return new se.stegvis.placement.PlacementService.Hours(planned == null ? 0 : planned,
                present == null ? 0 : present, absent == null ? 0 : absent);
    }

    private PlacementProcess() {}
}
