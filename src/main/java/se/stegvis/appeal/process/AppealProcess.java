package se.stegvis.appeal.process;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import se.stegvis.config.ProcessVariables;
import se.stegvis.appeal.domain.CourtOutcome;
import se.stegvis.letter.DecisionKind;
import se.stegvis.payment.PaymentService;

/**
 * The process {@code overklagande} (processes/overklagande.bpmn): an appeal in time is reconsidered (omprövning) and
 * either changes the decision or goes to förvaltningsrätten, whose ruling is recorded; a late appeal is dismissed.
 * Its element ids and variables, named in one place. The process holds ids and the caseworker's choices; the appeal
 * and the decisions live in their tables.
 */
public final class AppealProcess {

    public static final String PROCESS_KEY = "overklagande";

    public static final String START_APPEAL_REGISTERED = "StartEvent_AppealRegistered";
    public static final String GATEWAY_IN_TIME = "Gateway_AppealInTime";
    public static final String TASK_PREPARE_RECONSIDERATION = "Task_PrepareReconsideration";
    public static final String TASK_RECONSIDER_DECISION = "Task_ReconsiderDecision";
    public static final String GATEWAY_DECISION_CHANGED = "Gateway_DecisionChanged";
    public static final String TASK_REGISTER_NEW_DECISION = "Task_RegisterNewDecision";
    public static final String END_DECISION_CHANGED = "EndEvent_DecisionChanged";
    public static final String TASK_FORWARD_TO_COURT = "Task_ForwardToCourt";
    public static final String TASK_REGISTER_COURT_RULING = "Task_RegisterCourtRuling";
    public static final String TASK_STORE_COURT_RULING = "Task_StoreCourtRuling";
    public static final String END_RULING_REGISTERED = "EndEvent_RulingRegistered";
    public static final String TASK_DISMISS_LATE_APPEAL = "Task_DismissLateAppeal";
    public static final String END_APPEAL_DISMISSED = "EndEvent_AppealDismissed";

    public static final String FORM_RECONSIDER = "omprova-beslut";
    public static final String FORM_COURT_RULING = "registrera-dom";

    /** String: the appeal's id (also the business key). */
    public static final String VAR_APPEAL_ID = "appealId";
    /** Boolean: received within the time for appeal; set at the start. */
    public static final String VAR_IN_TIME = "inTime";
    /** Strings shown read-only in the form {@value #FORM_RECONSIDER}, prepared by {@link PrepareReconsiderationDelegate}. */
    public static final String VAR_DECISION_KIND_TEXT = "decisionKindText";
    public static final String VAR_DECISION_AMOUNT_TEXT = "decisionAmountText";
    public static final String VAR_DECISION_REASONS_TEXT = "decisionReasonsText";
    public static final String VAR_APPEAL_DATES_TEXT = "appealDatesText";
    /** String from the form: {@value #RECONSIDERATION_CHANGE} or {@value #RECONSIDERATION_UPHOLD}. */
    public static final String VAR_RECONSIDERATION = "reconsideration";
    public static final String RECONSIDERATION_CHANGE = "ANDRA";
    public static final String RECONSIDERATION_UPHOLD = "STA_FAST";
    /** From the form when changing: the new decision's kind (BIFALL, DELVIS_BIFALL, AVSLAG), amount and reasons. */
    public static final String VAR_NEW_DECISION_KIND = "newDecisionKind";
    public static final String VAR_NEW_AMOUNT = "newAmount";
    public static final String VAR_NEW_REASONS = "newReasons";
    /** String: the id of the decision that replaced the appealed one. */
    public static final String VAR_NEW_DECISION_ID = "newDecisionId";
    /** String: the payment of the difference, when the new decision grants more. */
    public static final String VAR_PAYMENT_ID = PaymentService.VAR_PAYMENT_ID;
    /** From the form {@value #FORM_COURT_RULING}: the court's outcome (BIFALL, AVSLAG, AVVISAT) and the ruling. */
    public static final String VAR_COURT_OUTCOME = "courtOutcome";
    public static final String VAR_COURT_RULING = "courtRuling";

    private AppealProcess() {}

    public static UUID appealId(VariableScope scope) {
        return UUID.fromString(requiredString(scope, VAR_APPEAL_ID));
    }

    public static void setDecisionTexts(VariableScope scope, String kind, String amount, String reasons, String dates) {
        scope.setVariable(VAR_DECISION_KIND_TEXT, kind);
        scope.setVariable(VAR_DECISION_AMOUNT_TEXT, amount);
        scope.setVariable(VAR_DECISION_REASONS_TEXT, reasons);
        scope.setVariable(VAR_APPEAL_DATES_TEXT, dates);
    }

    /**
     * Removes the appealed decision's texts shown in "Ompröva beslut" (the reasons among them, a copy of Stegvis'
     * table): once the decision is upheld and the appeal waits for the court, the process holds only ids.
     */
    public static void removeDecisionTexts(VariableScope scope) {
        for (String name : new String[] {VAR_DECISION_KIND_TEXT, VAR_DECISION_AMOUNT_TEXT, VAR_DECISION_REASONS_TEXT,
                VAR_APPEAL_DATES_TEXT}) {
            scope.removeVariable(name);
        }
    }

    public static DecisionKind newDecisionKind(VariableScope scope) {
        String kind = requiredString(scope, VAR_NEW_DECISION_KIND);
        try {
            return DecisionKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VAR_NEW_DECISION_KIND + " must be BIFALL, DELVIS_BIFALL or AVSLAG, was " + kind);
        }
    }

    /** Whole kronor; the form's number field may arrive as Integer, Long or Double. */
    public static long newAmount(VariableScope scope) {
        Long amount;
        try {
            amount = ProcessVariables.wholeNumber(scope, VAR_NEW_AMOUNT);
        } catch (IllegalArgumentException e) {
            amount = null;
        }
        if (amount == null) {
            throw new IllegalArgumentException(VAR_NEW_AMOUNT + " must be whole kronor");
        }
        return amount;
    }

    public static String newReasons(VariableScope scope) {
        return requiredString(scope, VAR_NEW_REASONS);
    }

    public static void setNewDecisionId(VariableScope scope, UUID decisionId) {
        scope.setVariable(VAR_NEW_DECISION_ID, decisionId.toString());
    }

    public static void setPaymentId(VariableScope scope, UUID paymentId) {
        scope.setVariable(VAR_PAYMENT_ID, paymentId.toString());
    }

    public static CourtOutcome courtOutcome(VariableScope scope) {
        String outcome = requiredString(scope, VAR_COURT_OUTCOME);
        try {
            return CourtOutcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VAR_COURT_OUTCOME + " must be BIFALL, AVSLAG or AVVISAT, was " + outcome);
        }
    }

    public static String courtRuling(VariableScope scope) {
        return requiredString(scope, VAR_COURT_RULING);
    }

    private static String requiredString(VariableScope scope, String name) {
        String value = ProcessVariables.string(scope, name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }
}
