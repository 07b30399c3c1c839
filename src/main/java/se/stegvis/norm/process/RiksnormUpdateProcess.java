package se.stegvis.norm.process;

import org.camunda.bpm.engine.delegate.VariableScope;
import se.stegvis.config.ProcessVariables;

/**
 * The process {@code riksnorm-uppdatering} (processes/riksnorm-uppdatering.bpmn): every December the process owner
 * is reminded to enter next year's riksnorm, and the engine checks that the table answers for that year; a process
 * that needs a year which is missing asks for it here; when a new version of the riksnorm is deployed, every process
 * waiting for a year the table now has goes on. Its ids, messages and variables, named in one place.
 * <p>
 * <b>Waiting for a year</b> (the contract with a waiting process, e.g. {@code ekonomiskt-bistand}): the process sets
 * {@link #VAR_WAITING_FOR_YEAR} on its instance and waits for the message {@link #MESSAGE_NORM_AVAILABLE}, which this
 * process correlates to every instance waiting for a year that the deployed table answers for.
 */
public final class RiksnormUpdateProcess {

    public static final String PROCESS_KEY = "riksnorm-uppdatering";

    public static final String START_YEARLY = "StartEvent_YearlyReminder";
    public static final String START_MANUAL = "StartEvent_ManualCheck";
    /** Message that starts a check on demand, optionally with {@link #VAR_NORM_YEAR}. */
    public static final String MESSAGE_CHECK_REQUESTED = "RiksnormKontrollBegard";
    public static final String TASK_CHECK_NORM_YEAR = "ServiceTask_CheckNormYear";
    public static final String GATEWAY_NORM_PRESENT = "Gateway_NormPresent";
    public static final String TASK_ENTER_NORM = "UserTask_EnterNorm";
    public static final String END_NORM_PRESENT = "EndEvent_NormPresent";
    public static final String START_NORM_VERSION_DEPLOYED = "StartEvent_NormVersionDeployed";
    /** Message that starts the process when a new version of the riksnorm tables has been deployed. */
    public static final String MESSAGE_NORM_VERSION_DEPLOYED = "RiksnormVersionDriftsatt";
    public static final String TASK_RESUME_WAITING = "ServiceTask_ResumeWaitingApplications";

    /** Message to a process waiting for a year's riksnorm: the deployed table now has the year. */
    public static final String MESSAGE_NORM_AVAILABLE = "RiksnormForAretFinns";
    /** Integer, on a process instance that waits for a year's riksnorm: the year. */
    public static final String VAR_WAITING_FOR_YEAR = "vantarPaRiksnormAr";

    /** Integer: the year whose norm is checked. */
    public static final String VAR_NORM_YEAR = "normAr";
    /** Boolean: whether the riksnorm table answers for that year. */
    public static final String VAR_NORM_PRESENT = "normFinns";
    /** Boolean, set by the form of {@link #TASK_ENTER_NORM}: the process owner says the new rows are deployed. */
    public static final String VAR_NORM_DEPLOYED = "normDriftsatt";

    public static Integer normYear(VariableScope scope) {
        Long year;
        try {
            year = ProcessVariables.wholeNumber(scope, VAR_NORM_YEAR);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(VAR_NORM_YEAR + " must be a whole year");
        }
        if (year != null && (year < 1 || year > 9999)) {
            throw new IllegalArgumentException(VAR_NORM_YEAR + " must be a whole year");
        }
        return year == null ? null : year.intValue();
    }

    public static void setNormYear(VariableScope scope, int year) {
        scope.setVariable(VAR_NORM_YEAR, year);
    }

    public static void setNormPresent(VariableScope scope, boolean present) {
        scope.setVariable(VAR_NORM_PRESENT, present);
    }

    private RiksnormUpdateProcess() {}
}
