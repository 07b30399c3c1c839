package se.stegvis.journey.process;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import se.stegvis.config.ProcessVariables;

/**
 * The process {@code klientresa} (processes/klientresa.bpmn): its ids, messages and variables, named in one place.
 * The process holds ids and flags; the mapping, plan, assessments, placements, sanctions and exit live in the database.
 */
public final class JourneyProcess {

    public static final String PROCESS_KEY = "klientresa";
    /** The placement process each chosen intervention runs as (processes/arbetsforberedande-insats.bpmn). */
    public static final String PLACEMENT_PROCESS_KEY = "arbetsforberedande-insats";

    // Elements used by code and tests
    /** The coach's start (POST /api/klientresor): the journey is recorded before the instance starts. */
    public static final String START_BY_COACH = "StartEvent_JourneyStarted";
    /** The grant's start: the message {@link #MESSAGE_START_JOURNEY} when the client has no running journey. */
    public static final String START_ON_GRANT = "StartEvent_GrantReceived";
    public static final String TASK_REGISTER_JOURNEY = "ServiceTask_RegisterJourney";
    public static final String TASK_CHECK_ACTIVITY_REQUIREMENT = "ServiceTask_CheckActivityRequirement";
    public static final String GATEWAY_NEW_JOURNEY = "Gateway_NewJourney";
    public static final String END_JOURNEY_ALREADY_ACTIVE = "EndEvent_JourneyAlreadyActive";
    /** A grant while the journey runs (before the exit): the running journey catches the message. */
    public static final String SUBPROCESS_NEW_GRANT = "SubProcess_NewGrant";
    public static final String TASK_CHECK_ACTIVITY_REQUIREMENT_ON_GRANT = "ServiceTask_CheckActivityRequirementOnGrant";
    public static final String END_NEW_GRANT_CHECKED = "EndEvent_NewGrantChecked";
    public static final String TASK_MAPPING = "UserTask_Mapping";
    public static final String TASK_RECORD_MAPPING = "ServiceTask_RecordMapping";
    public static final String TASK_INSATSVAL = "BusinessRuleTask_Insatsval";
    public static final String TASK_PLAN = "UserTask_Plan";
    public static final String TASK_RECORD_PLAN = "ServiceTask_RecordPlan";
    public static final String ACTIVE_JOURNEY = "SubProcess_ActiveJourney";
    public static final String CALL_PLACEMENTS_IN_SEQUENCE = "CallActivity_PlacementsInSequence";
    public static final String CALL_PLACEMENTS_SIDE_BY_SIDE = "CallActivity_PlacementsSideBySide";
    public static final String END_PLACEMENTS_DONE = "EndEvent_PlacementsDone";
    public static final String TASK_CLOSE_CASE = "UserTask_CloseCase";
    public static final String TIMER_FOLLOW_UP_DUE = "BoundaryEvent_FollowUpDue";
    public static final String TASK_FOLLOW_UP = "UserTask_FollowUp";
    public static final String TIMER_FOLLOW_UP_MISSED = "BoundaryEvent_FollowUpMissed";
    public static final String TASK_MISSED_FOLLOW_UP = "UserTask_MissedFollowUp";
    public static final String TASK_RECORD_STEP_ASSESSMENT = "ServiceTask_RecordStepAssessment";
    public static final String TASK_REVISE_PLAN = "UserTask_RevisePlan";
    public static final String TASK_RECORD_REVISION = "ServiceTask_RecordRevision";
    public static final String END_FOLLOWED_UP = "EndEvent_FollowedUp";
    public static final String END_PLAN_REVISED = "EndEvent_PlanRevised";
    public static final String END_MISSED_FOLLOWED_UP = "EndEvent_MissedFollowedUp";
    public static final String END_CASE_CLOSED = "EndEvent_CaseClosed";
    public static final String TASK_PROPOSE_SANCTION = "ServiceTask_ProposeSanction";
    public static final String GATEWAY_AWAIT_CLIENT_RESPONSE = "Gateway_AwaitClientResponse";
    public static final String CATCH_CLIENT_RESPONSE = "CatchEvent_ClientResponse";
    /** "Registrera klientens svar": records the response on the sanction, after the message. */
    public static final String TASK_RECORD_CLIENT_RESPONSE = "ServiceTask_RecordClientResponse";
    public static final String CATCH_RESPONSE_TIME_OVER = "CatchEvent_ResponseTimeOver";
    public static final String TASK_DECIDE_SANCTION = "UserTask_DecideSanction";
    public static final String TASK_RECORD_SANCTION_DECISION = "ServiceTask_DecideSanction";
    public static final String TASK_CREATE_REDUCTION_LETTER = "ServiceTask_CreateReductionLetter";
    public static final String END_SANCTION_DECIDED = "EndEvent_SanctionDecided";
    public static final String BOUNDARY_CLOSE_REQUESTED = "BoundaryEvent_CloseRequested";
    public static final String TASK_RECORD_EXIT = "ServiceTask_RecordExit";
    public static final String CATCH_SIX_MONTHS_AFTER_EXIT = "CatchEvent_SixMonthsAfterExit";
    public static final String TASK_EXIT_FOLLOW_UP = "UserTask_ExitFollowUp";
    public static final String TASK_RECORD_EXIT_FOLLOW_UP = "ServiceTask_RecordExitFollowUp";
    public static final String END_JOURNEY_ENDED = "EndEvent_JourneyEnded";
    public static final String SUBPROCESS_FOLLOW_UP = "SubProcess_FollowUp";
    public static final String GATEWAY_NEW_PLACEMENTS = "Gateway_NewPlacements";
    public static final String CALL_NEW_PLACEMENTS = "CallActivity_NewPlacements";
    public static final String END_FOLLOW_UP_DONE = "EndEvent_FollowUpDone";
    public static final String BOUNDARY_WORK_OR_STUDIES = "BoundaryEvent_WorkOrStudies";
    public static final String TASK_EXIT_FROM_PLACEMENT = "ServiceTask_ExitFromPlacement";
    public static final String TASK_CHECK_RETURN = "ServiceTask_CheckReturnToAssistance";
    public static final String SUBPROCESS_ACTIVITY_REQUIREMENT = "SubProcess_ActivityRequirement";
    public static final String TASK_ACTIVITY_REQUIREMENT_PLAN = "UserTask_ActivityRequirementPlan";
    public static final String TASK_RECORD_ACTIVITY_REQUIREMENT_PLAN = "ServiceTask_RecordActivityRequirementPlan";
    public static final String CALL_ACTIVITY_REQUIREMENT_PLACEMENTS = "CallActivity_ActivityRequirementPlacements";
    public static final String END_ACTIVITY_REQUIREMENT_PLANNED = "EndEvent_ActivityRequirementPlanned";
    public static final String SUBPROCESS_AF_NOTICE = "SubProcess_ArbetsformedlingenNotice";
    public static final String TASK_FOLLOW_UP_AF_NOTICE = "UserTask_FollowUpArbetsformedlingenNotice";
    public static final String TASK_RECORD_AF_FOLLOW_UP = "ServiceTask_RecordArbetsformedlingenFollowUp";
    public static final String END_AF_NOTICE_FOLLOWED_UP = "EndEvent_ArbetsformedlingenNoticeFollowedUp";

    // Escalations
    /** From a placement that ended in work or studies (arbetsforberedande-insats): ends the active journey. */
    public static final String ESCALATION_WORK_OR_STUDIES = "ArbeteEllerStudier";

    // Messages
    /**
     * A grant (ekonomiskt-bistand, "Starta klientresan"): caught by the client's running journey, else it starts one.
     * Carries {@link #CLIENT_ID}. Named in the client package, which both features may use.
     */
    public static final String MESSAGE_START_JOURNEY = se.stegvis.client.process.JourneyStartMessage.NAME;
    /** Absence without acceptable reason, from the placement or a coach; starts a sanction proposal. */
    public static final String MESSAGE_ABSENCE = "FranvaroUtanGodtagbartSkal";
    /** The client's response in the kommunicering; correlate on the local variable {@link #SANCTION_ID}. */
    public static final String MESSAGE_CLIENT_RESPONSE = "KlientensSvar";
    /** Ends the journey from outside (e.g. a placement ended in work); carries {@link #EXIT_REASON} and {@link #EXIT_DATE}. */
    public static final String MESSAGE_CLOSE_CASE = "AvslutaArende";
    /**
     * The client has become covered by the aktivitetskrav (activity/): while the plan applies, the coach gets
     * "Revidera planering enligt aktivitetskravet". Carries nothing; the status is read from the database.
     */
    public static final String MESSAGE_ACTIVITY_REQUIREMENT = "AktivitetskravGaller";
    /**
     * Arbetsförmedlingen's notice that a programme participant risks too little occupation (integration/arbetsformedlingen):
     * the coach gets "Följ upp besked från Arbetsförmedlingen". Carries {@link #AF_NOTICE_ID} and
     * {@link #AF_NOTICE_DESCRIPTION}, local to the follow-up.
     */
    public static final String MESSAGE_AF_NOTICE = "BeskedFranArbetsformedlingen";
    /** String (local to an AF notice's follow-up): the notice's id in af_inbound_notice. */
    public static final String AF_NOTICE_ID = "afBeskedId";
    /** String (local): what AF said, without personal data, shown in the coach's form. */
    public static final String AF_NOTICE_DESCRIPTION = "afBesked";
    /** String (the coach's form): InboundNotice.Action. */
    public static final String AF_NOTICE_ACTION = "afBeskedAtgard";

    // Variables: ids and settings, set at the start
    /** String: the journey's id (also the business key). */
    public static final String JOURNEY_ID = "journeyId";
    /** String: the client's id, by which a grant's message finds the running journey. */
    public static final String CLIENT_ID = se.stegvis.client.process.JourneyStartMessage.CLIENT_ID;
    /** Boolean ("Registrera klientresan"): the grant's message started a new journey (false: one was active). */
    public static final String NEW_JOURNEY = "nyKlientresa";
    /** String: ISO 8601 repeating interval of the follow-up conversations, default R/P28D. */
    public static final String FOLLOW_UP_CYCLE = "followUpCycle";
    /** String: ISO 8601 duration within which a follow-up must be done before it counts as missed, default P7D. */
    public static final String FOLLOW_UP_GRACE = "followUpGrace";
    /** String: ISO 8601 duration the client has to respond in the kommunicering, default P14D. */
    public static final String COMMUNICATION_TIME = "kommuniceringstid";

    // Variables: set by the delegates
    public static final String MAPPING_ID = "mappingId";
    /** List of maps: the raw result of the decision insatsval; replaced by {@link #PROPOSALS} at once. */
    public static final String DECISION_RESULT = "insatsvalResultat";
    /** String: the proposals of insatsval, one per line with the motivation, shown read-only in the planning form. */
    public static final String PROPOSALS = "insatsforslag";
    /** String: the proposed PlacementType names, comma separated, in the table's order. */
    public static final String PROPOSED_TYPES = "foreslagnaInsatser";
    public static final String PLAN_ID = "planId";
    /** Integer: the plan's current version. */
    public static final String PLAN_VERSION = "planVersion";
    /** List of String: the placements the plan created; the collection of the placement call activities. */
    public static final String PLACEMENT_IDS = "placementIds";
    /** String: one placement's id, the element variable of the call activities and passed to the placement. */
    public static final String PLACEMENT_ID = "placementId";
    /** String: PlacementOutcome, returned by the placement process (local to each call). */
    public static final String PLACEMENT_OUTCOME = "placementOutcome";
    /**
     * String (UUID): the placement that ended last, returned by every placement call. When a placement escalates
     * work or studies, this is the one, and the exit takes its outcome and end date.
     */
    public static final String LAST_ENDED_PLACEMENT = "senastAvslutadInsats";
    /** List of String (local to a follow-up): placements created by a plan revision for newly chosen interventions. */
    public static final String NEW_PLACEMENT_IDS = "nyaInsatser";
    /** String: user id of whoever completed the last task of the scope (set by the engine plugin on completion). */
    public static final String COMPLETED_BY = se.stegvis.config.TaskCompletionPlugin.COMPLETED_BY;
    public static final String STEP_ASSESSMENT_ID = "stegbedomningId";
    public static final String EXIT_ID = "exitId";
    /** Date: the moment of the six-month follow-up (the exit date plus six months). */
    public static final String EXIT_FOLLOW_UP_DUE = "uppfoljningEfterAvslut";
    /** String (local to the absence sub-process): the sanction's id. */
    public static final String SANCTION_ID = "sanctionId";

    // Variables: set by the forms (and messages)
    public static final String WORK_HISTORY = "arbetslivserfarenhet";
    public static final String HEALTH_LIMITS_DESCRIPTION = "halsohinderBeskrivning";
    public static final String CHILDCARE_NEED = "barnomsorgBehovs";
    public static final String DRIVING_LICENCE = "korkort";
    public static final String GOAL_OCCUPATION = "malYrke";
    public static final String PLAN_GOAL = "planMal";
    public static final String PLAN_OCCUPATION = "planYrke";
    public static final String PLAN_STEPS = "planSteg";
    public static final String CHOSEN_INTERVENTIONS = "valdaInsatser";
    /** String: I_FOLJD (one placement after another) or SAMTIDIGT (side by side). */
    public static final String PLACEMENT_ORDER = "genomforande";
    public static final String ORDER_IN_SEQUENCE = "I_FOLJD";
    public static final String ORDER_SIDE_BY_SIDE = "SAMTIDIGT";
    public static final String PLAN_CHANGE_REASON = "andringsorsak";
    public static final String AGREED_WITH_CLIENT = "overenskommenMedKlient";
    /** The plan form's aktivitetskrav (issue #11): the status in words and full time, local to the plan task. */
    public static final String ACTIVITY_REQUIREMENT_TEXT = "aktivitetskrav";
    public static final String FULL_TIME_HOURS = "aktivitetskravHeltid";
    public static final String JOB_SEARCH_HOURS = se.stegvis.activity.ActivityExtent.FIELD_JOB_SEARCH;
    public static final String PART_TIME_WORK_HOURS = se.stegvis.activity.ActivityExtent.FIELD_PART_TIME_WORK;
    public static final String OTHER_INSATSER_HOURS = se.stegvis.activity.ActivityExtent.FIELD_OTHER_INSATSER;
    public static final String CAPACITY_PERCENT = se.stegvis.activity.ActivityExtent.FIELD_CAPACITY;
    public static final String CAPACITY_REASON = se.stegvis.activity.ActivityExtent.FIELD_CAPACITY_REASON;
    public static final String MEDICAL_CERTIFICATE_DATE = se.stegvis.activity.ActivityExtent.FIELD_MEDICAL_CERTIFICATE;
    public static final String DEVIATION_REASON = se.stegvis.activity.ActivityExtent.FIELD_DEVIATION_REASON;
    /** String "1".."6": the step on the scale of journey/domain/Step. */
    public static final String STEP = "stegbedomning";
    public static final String STEP_REASON = "stegMotivering";
    public static final String REVISE_PLAN = "revideraPlanen";
    public static final String MISSED_ACTION = "missatAtgard";
    /** String: ExitReason. */
    public static final String EXIT_REASON = "avslutsorsak";
    /** String yyyy-MM-dd (form date) or Date. */
    public static final String EXIT_DATE = "avslutsdatum";
    public static final String EXIT_NOTE = "avslutsanteckning";
    public static final String IN_WORK_OR_STUDIES = "iArbeteEllerStudier";
    /** Boolean, derived (never typed in): a granted application of the household for a month after the exit month. */
    public static final String RETURNED_TO_ASSISTANCE = "aterkommitTillBistand";
    /** String, derived: the months after the exit with granted assistance, shown in the six-month follow-up. */
    public static final String RETURN_MONTHS = "aterkomstManader";
    public static final String EXIT_FOLLOW_UP_NOTE = "uppfoljningAnteckning";
    public static final String ABSENCE_DESCRIPTION = "franvaroBeskrivning";
    public static final String PROPOSED_AMOUNT = "foreslagetBelopp";
    /** Integer (absence from a placement's attendance report): days absent without acceptable reason. */
    public static final String ABSENCE_DAYS = "franvaroDagar";
    /** String yyyy-MM (absence from a placement's attendance report): the month reported. */
    public static final String ABSENCE_MONTH = "franvaroManad";
    /** Long: the proposed reduction per day of unexcused absence when the absence names no amount (a setting). */
    public static final String REDUCTION_PER_DAY = "nedsattningPerDag";
    public static final long DEFAULT_REDUCTION_PER_DAY = 100;
    /**
     * String (a placement declined or broken off without godtagbart skäl, from the placement's "Föreslå nedsättning i
     * klientresan"): the placement's interruption ground; the proposal is then the setting
     * {@code stegvis.journey.reduction-for-declined-placement}.
     */
    public static final String DECLINED_PLACEMENT = "avbojdInsats";
    public static final long DEFAULT_REDUCTION_FOR_DECLINED_PLACEMENT = 1_000;
    public static final String REPORTED_BY = "rapporteradAv";
    /** Date (local to the absence sub-process): the kommunicering is over at this moment (the day after the due day). */
    public static final String RESPONSE_DUE = "svarSenast";
    public static final String CLIENT_RESPONSE = "klientensSvar";
    /** String: SanctionDecision (UPHELD or DROPPED). */
    public static final String SANCTION_DECISION = "nedsattningBeslut";
    public static final String SANCTION_AMOUNT = "nedsattningBelopp";
    public static final String SANCTION_REASONS = "nedsattningMotivering";
    /**
     * Boolean (local to the absence): the client was covered by the aktivitetskrav when the reduction was proposed;
     * then "Besluta om nedsättning" may drop it only with a godtagbart skäl.
     */
    public static final String UNDER_ACTIVITY_REQUIREMENT = "underAktivitetskrav";
    /** String: AcceptableReason, the godtagbart skäl a reduction is dropped for. */
    public static final String ACCEPTABLE_REASON = "godtagbartSkal";
    public static final String ACCEPTABLE_REASON_TEXT = "godtagbartSkalBeskrivning";
    /** Integer: days of absence through illness, when the attendance report did not give them. */
    public static final String ILLNESS_DAYS = "sjukdagar";
    /** String yyyy-MM-dd: the date of the läkarintyg for illness as the godtagbart skäl (not the plan's capacity). */
    public static final String EXCUSE_CERTIFICATE_DATE = "skalLakarintygDatum";
    /** Integer: the setting stegvis.aktivitetskrav.dagar-utan-lakarintyg, shown in the decision form. */
    public static final String DAYS_WITHOUT_CERTIFICATE = "dagarUtanLakarintyg";
    /** The decision's form fields and what the proposal set: local to each absence. */
    public static final java.util.List<String> SANCTION_DECISION_LOCALS = java.util.List.of(CLIENT_RESPONSE,
            SANCTION_DECISION, SANCTION_AMOUNT, SANCTION_REASONS, ACCEPTABLE_REASON, ACCEPTABLE_REASON_TEXT,
            ILLNESS_DAYS, EXCUSE_CERTIFICATE_DATE, COMPLETED_BY);

    /**
     * The form fields of a follow-up conversation ("Uppföljningssamtal", "Följ upp missat uppföljningssamtal",
     * "Revidera individuell planering") and what its steps set: local to each follow-up, so that two conversations
     * handled at the same time never mix their answers.
     */
    public static final java.util.List<String> FOLLOW_UP_LOCALS = java.util.List.of(STEP, STEP_REASON, REVISE_PLAN,
            MISSED_ACTION, COMPLETED_BY, STEP_ASSESSMENT_ID, PLAN_GOAL, PLAN_OCCUPATION, PLAN_STEPS,
            CHOSEN_INTERVENTIONS, PLACEMENT_ORDER, PLAN_CHANGE_REASON, AGREED_WITH_CLIENT, NEW_PLACEMENT_IDS);

    public static final String DEFAULT_FOLLOW_UP_CYCLE = "R/P28D";
    public static final String DEFAULT_FOLLOW_UP_GRACE = "P7D";
    public static final String DEFAULT_COMMUNICATION_TIME = "P14D";

    public static UUID journeyId(VariableScope scope) {
        return UUID.fromString(requiredString(scope, JOURNEY_ID));
    }

    public static UUID clientId(VariableScope scope) {
        return UUID.fromString(requiredString(scope, CLIENT_ID));
    }

    public static UUID optionalId(VariableScope scope, String name) {
        String id = string(scope, name);
        return id == null ? null : UUID.fromString(id);
    }

    public static String string(VariableScope scope, String name) {
        return ProcessVariables.string(scope, name);
    }

    public static String requiredString(VariableScope scope, String name) {
        return ProcessVariables.requiredString(scope, name);
    }

    public static boolean flag(VariableScope scope, String name) {
        return ProcessVariables.flag(scope, name);
    }

    /** A whole number from a form (form-js numbers arrive as Long, Integer or Double) or a text; null when empty. */
    public static Integer wholeNumber(VariableScope scope, String name) {
        Long value = ProcessVariables.wholeNumber(scope, name);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException(name + " ska vara ett heltal");
        }
        return value == null ? null : value.intValue();
    }

    /** A date from a form (yyyy-MM-dd text) or a Date; null when empty. */
    public static LocalDate date(VariableScope scope, String name, ZoneId zone) {
        return ProcessVariables.date(scope, name, zone);
    }

    /**
     * A list of texts: a Java collection, a form-js checklist (a JSON array, which Tasklist stores as a JSON variable)
     * or a comma-separated text.
     */
    public static List<String> texts(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(v -> result.add(String.valueOf(v).strip()));
        } else if (value instanceof SpinJsonNode json) {
            addElements(json, name, result);
        } else if (value.toString().strip().startsWith("[")) {
            try {
                addElements(Spin.JSON(value.toString().strip()), name, result);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(name + " ska vara en lista");
            }
        } else {
            for (String part : value.toString().split(",")) {
                result.add(part.strip());
            }
        }
        result.removeIf(String::isBlank);
        return result;
    }

    private static void addElements(SpinJsonNode json, String name, List<String> result) {
        if (!json.isArray()) {
            throw new IllegalArgumentException(name + " ska vara en lista");
        }
        for (SpinJsonNode element : json.elements()) {
            result.add(element.isString() ? element.stringValue().strip() : element.toString().strip());
        }
    }

    /** The rows of the decision insatsval's result ({@link #DECISION_RESULT}); empty when there is none. */
    public static List<java.util.Map<?, ?>> decisionResult(VariableScope scope) {
        List<java.util.Map<?, ?>> rows = new ArrayList<>();
        if (scope.getVariable(DECISION_RESULT) instanceof Collection<?> list) {
            for (Object row : list) {
                if (row instanceof java.util.Map<?, ?> entries) {
                    rows.add(entries);
                }
            }
        }
        return rows;
    }

    /** The sanction an execution waiting in a kommunicering belongs to ({@link #SANCTION_ID}); null when none. */
    public static String sanctionIdAt(org.camunda.bpm.engine.RuntimeService runtime, String executionId) {
        return runtime.getVariable(executionId, SANCTION_ID) instanceof String id ? id : null;
    }

    /**
     * The kartläggning's free texts and health note ({@link #WORK_HISTORY}, {@link #HEALTH_LIMITS_DESCRIPTION},
     * {@link #GOAL_OCCUPATION}): once "Registrera kartläggning" has stored them in the mapping they leave the engine.
     */
    public static final List<String> MAPPING_FREE_TEXTS = List.of(WORK_HISTORY, HEALTH_LIMITS_DESCRIPTION, GOAL_OCCUPATION);

    /** Removes the kartläggning's free texts from the process (wherever in its scopes they were set). */
    public static void removeMappingFreeTexts(VariableScope scope) {
        for (String name : MAPPING_FREE_TEXTS) {
            scope.removeVariable(name);
        }
    }

    /** Removes the exit's note ({@link #EXIT_NOTE}) once the exit holds it: the journey still waits six months. */
    public static void removeExitNote(VariableScope scope) {
        scope.removeVariable(EXIT_NOTE);
    }

    /** The plan's texts as its form submits them: goal, goal occupation and steps. */
    public static final List<String> PLAN_TEXTS = List.of(PLAN_GOAL, PLAN_OCCUPATION, PLAN_STEPS);

    /**
     * Removes the plan's texts from the process once its version holds them (plan_version): the journey runs
     * for months, and a revision's form is pre-filled from the current version, task-locally
     * ({@link StartFollowUpListener}).
     */
    public static void removePlanTexts(VariableScope scope) {
        for (String name : PLAN_TEXTS) {
            scope.removeVariable(name);
        }
    }

    /**
     * The fields of "Besluta om nedsättning" as submitted; a value that cannot be read is refused naming its field
     * (400). The rules are {@link se.stegvis.journey.SanctionDecisionRules}.
     */
    public static se.stegvis.journey.SanctionDecisionRules.Input sanctionDecision(VariableScope scope, ZoneId zone) {
        return new se.stegvis.journey.SanctionDecisionRules.Input(string(scope, SANCTION_DECISION),
                readable(() -> wholeNumber(scope, SANCTION_AMOUNT), SANCTION_AMOUNT), string(scope, SANCTION_REASONS),
                string(scope, ACCEPTABLE_REASON), string(scope, ACCEPTABLE_REASON_TEXT),
                readable(() -> wholeNumber(scope, ILLNESS_DAYS), ILLNESS_DAYS),
                readable(() -> date(scope, EXCUSE_CERTIFICATE_DATE, zone), EXCUSE_CERTIFICATE_DATE));
    }

    private static <T> T readable(java.util.function.Supplier<T> read, String field) {
        try {
            return read.get();
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new se.stegvis.config.InvalidRequestException(field, "Värdet i fältet " + field + " kan inte läsas: "
                    + e.getMessage());
        }
    }

    /** Moves those of the variables that are local to the task to its execution (a prefilled form's answers). */
    public static void handLocalsToProcess(org.camunda.bpm.engine.delegate.DelegateTask task, List<String> names) {
        for (String name : names) {
            if (task.hasVariableLocal(name)) {
                task.getExecution().setVariable(name, task.getVariableLocal(name));
                task.removeVariableLocal(name);
            }
        }
    }

    /** A timer's moment for "at the start of {@code day}" in the given zone. */
    public static Date startOf(LocalDate day, ZoneId zone) {
        return Date.from(day.atStartOfDay(zone).toInstant());
    }

    private JourneyProcess() {}
}
