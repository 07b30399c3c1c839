package se.stegvis.application.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import se.stegvis.config.ProcessVariables;
import se.stegvis.norm.process.RiksnormUpdateProcess;

/**
 * The process {@code ekonomiskt-bistand} (processes/ekonomiskt-bistand.bpmn): its ids, messages and variables, named
 * in one place. The process holds ids and decision flags; the application itself lives in the database.
 */
public final class EkonomisktBistandProcess {

    public static final String PROCESS_KEY = "ekonomiskt-bistand";

    // Elements used by code and tests
    public static final String START = "StartEvent_ApplicationReceived";
    /** "Registrera ansökan": stores the start form's application, synchronously in the start's transaction. */
    public static final String TASK_REGISTER_APPLICATION = "ServiceTask_RegisterApplication";
    public static final String TASK_CHECK_INCOMES = "ServiceTask_CheckIncomes";
    public static final String TASK_MARK_UNCHECKED = "ServiceTask_MarkUnchecked";
    /** The rules on lawful residence (laglig-vistelse): sets {@link #ASSISTANCE_FORM}. */
    public static final String TASK_CHECK_RESIDENCE = "ServiceTask_CheckLawfulResidence";
    /** On the rules' answer: nödbistånd only, or the ordinary calculation. */
    public static final String GATEWAY_ASSISTANCE_FORM = "Gateway_AssistanceForm";
    /** Nödbistånd only: no calculation by the riksnorm; "Utred ansökan" decides on the acute need. */
    public static final String TASK_PREPARE_EMERGENCY_AID = "ServiceTask_PrepareEmergencyAidDecision";
    public static final String FLOW_EMERGENCY_AID_ONLY = "SequenceFlow_EmergencyAidOnly";
    public static final String TASK_CALCULATE = "ServiceTask_CalculateAssistance";
    /** Error boundary of the calculation: the riksnorm lacks the application's year (or an amount it needs). */
    public static final String BOUNDARY_NORM_MISSING = "BoundaryEvent_NormMissing";
    public static final String TASK_REQUEST_NORM = "ServiceTask_RequestNorm";
    /** The caseworkers see the waiting application here; completing it tries the calculation again. */
    public static final String TASK_AWAIT_NORM = "UserTask_AwaitNorm";
    public static final String BOUNDARY_NORM_AVAILABLE = "BoundaryEvent_NormAvailable";
    public static final String TASK_INVESTIGATE = "UserTask_InvestigateApplication";
    public static final String TIMER_INVESTIGATION_OVERDUE = "BoundaryEvent_InvestigationOverdue";
    public static final String TASK_FOLLOW_UP_OVERDUE = "UserTask_FollowUpOverdueInvestigation";
    public static final String TASK_REQUEST_SUPPLEMENT = "ServiceTask_RequestSupplement";
    public static final String GATEWAY_AWAIT_SUPPLEMENT = "Gateway_AwaitSupplement";
    public static final String GATEWAY_AWAIT_AFTER_REMINDER = "Gateway_AwaitSupplementAfterReminder";
    public static final String GATEWAY_AWAIT_PAYMENT_CONFIRMATION = "Gateway_AwaitPaymentConfirmation";
    public static final String CATCH_SUPPLEMENT_RECEIVED = "CatchEvent_SupplementReceived";
    public static final String CATCH_SUPPLEMENT_OVERDUE = "CatchEvent_SupplementOverdue";
    public static final String TASK_SEND_REMINDER = "ServiceTask_SendReminder";
    public static final String CATCH_SUPPLEMENT_AFTER_REMINDER = "CatchEvent_SupplementReceivedAfterReminder";
    public static final String CATCH_NO_SUPPLEMENT = "CatchEvent_NoSupplement";
    public static final String TASK_CHECK_DELEGATION = "BusinessRuleTask_CheckDelegation";
    /** "Registrera utredningen": records what "Utred ansökan" answered (synchronous, in its completion). */
    public static final String TASK_RECORD_INVESTIGATION = "ServiceTask_RecordInvestigation";
    /** "Registrera om beslutet kräver attest": records the delegation table's answer on the proposal. */
    public static final String TASK_RECORD_DELEGATION_ANSWER = "ServiceTask_RecordDelegationAnswer";
    /** "Registrera attesten": records the approver's answer on the proposal (synchronous, in its completion). */
    public static final String TASK_RECORD_ATTEST = "ServiceTask_RecordAttest";
    public static final String TASK_ATTEST = "UserTask_AttestDecision";
    public static final String TASK_REGISTER_DECISION = "ServiceTask_RegisterDecision";
    public static final String TASK_CREATE_LETTER = "ServiceTask_CreateLetter";
    public static final String TASK_SEND_DECISION = "ServiceTask_SendDecision";
    public static final String TASK_SCHEDULE_PAYMENT = "ServiceTask_SchedulePayment";
    /** "Starta klientresan": the grant's message to the client journey (an intermediate message throw event). */
    public static final String EVENT_START_JOURNEY = "Event_StartJourney";
    public static final String CATCH_PAYMENT_CONFIRMED = "CatchEvent_PaymentConfirmed";
    public static final String CATCH_CONFIRMATION_OVERDUE = "CatchEvent_ConfirmationOverdue";
    public static final String TASK_INVESTIGATE_PAYMENT = "UserTask_InvestigatePayment";
    public static final String END_PAID = "EndEvent_Paid";
    public static final String END_NOTHING_TO_PAY = "EndEvent_NothingToPay";
    public static final String END_PAYMENT_INVESTIGATED = "EndEvent_PaymentInvestigated";
    public static final String END_OVERDUE_FOLLOWED_UP = "EndEvent_OverdueFollowedUp";

    // Messages
    public static final String MESSAGE_CONTINUE_WITHOUT_REGISTER = "FortsattUtanRegisterkontroll";
    /** The deployed riksnorm now has the year the application waits for (sent by riksnorm-uppdatering). */
    public static final String MESSAGE_NORM_AVAILABLE = RiksnormUpdateProcess.MESSAGE_NORM_AVAILABLE;

    // Errors
    /** Thrown by the calculation when the riksnorm cannot answer for the application's month. */
    public static final String ERROR_NORM_MISSING = "RiksnormSaknas";
    public static final String MESSAGE_SUPPLEMENT_RECEIVED = "KompletteringInkommen";
    public static final String MESSAGE_PAYMENT_CONFIRMED = "UtbetalningBekraftad";

    // Variables: ids
    /** String: the application's id (also the business key). */
    public static final String APPLICATION_ID = "applicationId";
    /** String: the decision's id, once registered. */
    public static final String DECISION_ID = "decisionId";
    /** String: the payment's id, once scheduled. */
    public static final String PAYMENT_ID = "paymentId";

    // Variables: set by the engine's delegates
    /** Long: what the calculation gives, whole kronor. */
    public static final String CALCULATED_AMOUNT = "beraknatBelopp";
    /** String: NYANSOKAN, ATERANSOKAN, TILLAGGSANSOKAN (input of the delegation table). */
    public static final String APPLICATION_KIND = "ansokningstyp";
    /** Date: when the decision is promised (the investigation's due date). */
    public static final String INVESTIGATION_DUE = "utredningSenast";
    /** String: the investigation's basis shown read-only in the form (amounts and warnings, no personal data). */
    public static final String BASIS_TEXT = "underlag";
    /** Text, from "Följ upp försenad utredning": what the team leader did. Leaves the engine as a note (TaskNotePlugin). */
    public static final String OVERDUE_ACTION = "forseningAtgard";
    /** Text, from "Utred obekräftad utbetalning": what the check showed. Leaves the engine as a note (TaskNotePlugin). */
    public static final String PAYMENT_CHECK_NOTE = "utbetalningUtredning";
    /** Boolean: the application has warnings that must be acknowledged. */
    public static final String HAS_WARNINGS = "harVarningar";
    /** Date: the supplement's due date; then the reminder's. */
    public static final String SUPPLEMENT_DUE = "kompletteringSenast";
    public static final String REMINDER_DUE = "paminnelseSenast";
    /** Boolean: the result of the delegation table. */
    public static final String NEEDS_APPROVAL = "kraverAttest";
    /** Date: when the bank's confirmation of the payment is expected at the latest. */
    public static final String CONFIRMATION_DUE = "bekraftelseSenast";
    /** String: user id of the caseworker who investigated (four eyes). */
    public static final String INVESTIGATOR = "utredare";
    /** String: the id of the completed "Utred ansökan", recorded with its proposal by "Registrera utredningen". */
    public static final String INVESTIGATION_TASK = "utredningsuppgift";
    /** String: user id of the team leader who attested. */
    public static final String APPROVER = "attestant";

    /** Integer: the year whose riksnorm the application waits for; removed once the calculation is made. */
    public static final String NORM_YEAR_AWAITED = RiksnormUpdateProcess.VAR_WAITING_FOR_YEAR;
    /** String: why the application waits, shown in the caseworkers' task (no personal data). */
    public static final String WAITING_REASON = "vantarOrsak";

    /**
     * String: what the rules on lawful residence give the application, {@code FULLT}, {@code NODBISTAND} or
     * {@code UTRED} (decision laglig-vistelse); a decision flag, not the residence itself.
     */
    public static final String ASSISTANCE_FORM = "bistandsform";
    public static final String ASSISTANCE_EMERGENCY_AID_ONLY = "NODBISTAND";

    // Variables: set by the forms
    public static final String WARNINGS_ACKNOWLEDGED = "varningarKvitterade";
    /**
     * String JA / NEJ: the residence as the caseworker found it in "Utred ansökan" (shown for UTRED); recorded on the
     * application and kept out of the engine (ApplicationFormFields).
     */
    public static final String RESIDENCE_INVESTIGATED = "vistelseUtredd";
    public static final String SUPPLEMENT_NEEDED = "kompletteringBehovs";
    public static final String SUPPLEMENT_TEXT = "kompletteringText";
    public static final String PROPOSED_DECISION = "beslutsforslag";
    public static final String GRANTED_AMOUNT = "beviljatBelopp";
    public static final String REASONS = "beslutsmotivering";
    public static final String APPROVAL = "attestBeslut";
    public static final String APPROVAL_COMMENT = "attestKommentar";

    public static final String APPROVAL_APPROVED = "GODKANN";
    public static final String APPROVAL_SENT_BACK = "ATERVISA";

    public static UUID applicationId(VariableScope scope) {
        return UUID.fromString(requiredString(scope, APPLICATION_ID));
    }

    /** Whether the application is registered already (the start form's listener registers it once). */
    public static boolean hasApplicationId(VariableScope scope) {
        return string(scope, APPLICATION_ID) != null;
    }

    /** A start-form field as text, whatever form-js sent (text, number, yes/no); null when empty. */
    public static String formText(VariableScope scope, String name) {
        return ProcessVariables.text(scope, name);
    }

    public static UUID decisionId(VariableScope scope) {
        String id = string(scope, DECISION_ID);
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

    /** The year whose riksnorm the application waits for ({@link #NORM_YEAR_AWAITED}), or null when it does not wait. */
    public static Integer normYearAwaited(VariableScope scope) {
        Long year = ProcessVariables.wholeNumber(scope, NORM_YEAR_AWAITED);
        return year == null ? null : Math.toIntExact(year);
    }

    /** A whole-kronor amount; form-js number fields arrive as Long, Integer or Double. */
    public static Long amount(VariableScope scope, String name) {
        Long amount;
        try {
            amount = ProcessVariables.wholeNumber(scope, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Beloppet ska vara hela kronor, 0 eller mer");
        }
        if (amount != null && amount < 0) {
            throw new IllegalArgumentException("Beloppet ska vara hela kronor, 0 eller mer");
        }
        return amount;
    }

    /**
     * The free texts of "Utred ansökan" and "Attestera beslut" — the reasons, the approver's comment, what the
     * applicant was asked to supplement — and the basis text with the incomes: the attest form still shows them, but
     * once "Registrera beslut" has registered the decision (reasons in the table decision, the supplement request in
     * its own table) they leave the engine.
     */
    public static final java.util.List<String> DECISION_FREE_TEXTS =
            java.util.List.of(REASONS, APPROVAL_COMMENT, SUPPLEMENT_TEXT, BASIS_TEXT);

    /** Removes the decision's free texts from the process (wherever in its scopes they were set). */
    public static void removeDecisionFreeTexts(VariableScope scope) {
        for (String name : DECISION_FREE_TEXTS) {
            scope.removeVariable(name);
        }
    }

    /** A timer's moment for "by the end of {@code day}": the start of the next day, in the given zone. */
    public static java.util.Date endOf(java.time.LocalDate day, java.time.ZoneId zone) {
        return java.util.Date.from(day.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private EkonomisktBistandProcess() {}
}
