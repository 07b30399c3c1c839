package se.stegvis.config;

import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level FULL, except
 * <ul>
 *   <li>personal data: form-field history ({@code ACT_HI_DETAIL} rows of type FormProperty, what
 *       {@code history/detail?formFields=true} answers) is never written — a submitted form's values are variables,
 *       and those follow the next rule; the variables that carry personal data never reach the history tables: those
 *       the features name ({@link PersonalFormFields}, e.g. the start form's personnummer and incomes) and every text
 *       field of every form ({@link FormCatalog}: free text and the texts a form shows, such as the income basis or
 *       the decision's reasons);</li>
 *   <li>what nobody reads is not written (issue #14): every value a variable has had ({@code ACT_HI_DETAIL}; the
 *       variable's latest value stays in {@code ACT_HI_VARINST}), and the log lines of jobs and external tasks that
 *       were created, succeeded or were deleted ({@code ACT_HI_JOB_LOG}, {@code ACT_HI_EXT_TASK_LOG}) — their
 *       failures, with the stack trace an operator reads, are still logged. Neither Stegvis, Tasklist nor the
 *       community edition's Cockpit reads them, and they were a sixth of the rows the monthly application wrote
 *       (BENCHMARKS.md).</li>
 *   <li>tasks outside every process (Tasklist's "create task", which only administrators may use): their history
 *       rows — the task, its variables, its identity links — would have no process definition, and the engine skips
 *       the authorization check for such rows, so everyone with a login could read them through
 *       {@code /engine-rest/history/*}. Stegvis' work is in its processes; such a task leaves no history.</li>
 * </ul>
 * Activity, task, process and (other) variable instances, incidents, decisions, identity links and the user operation
 * log (who did what) are kept as FULL keeps them.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

    public static final String NAME = "full-utan-personuppgifter";
    public static final int ID = 30;

    /** Written by FULL, read by nobody. */
    static final Set<HistoryEventType> UNREAD = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE,
            HistoryEventTypes.EXTERNAL_TASK_CREATE, HistoryEventTypes.EXTERNAL_TASK_SUCCESS,
            HistoryEventTypes.EXTERNAL_TASK_DELETE);

    /** Variables never written to history, named by the features. */
    private final Set<String> personalVariables;
    /** Text fields of the forms (the catalogue grows when a deployment brings a form). */
    private final Predicate<String> formText;

    public PersonalDataHistoryLevel(Collection<String> personalVariables) {
        this(personalVariables, name -> false);
    }

    public PersonalDataHistoryLevel(Collection<String> personalVariables, Predicate<String> formText) {
        this.personalVariables = Set.copyOf(personalVariables);
        this.formText = formText;
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Whether a variable of this name is kept out of history. */
    public boolean isPersonal(String variableName) {
        return variableName != null && (personalVariables.contains(variableName) || formText.test(variableName));
    }

    /** Whether the entity is a task outside every process (and case), or a variable or identity link of one. */
    static boolean ofTaskOutsideEveryProcess(Object entity) {
        if (entity instanceof TaskEntity task) {
            return task.getProcessDefinitionId() == null && task.getCaseDefinitionId() == null;
        }
        if (entity instanceof VariableInstanceEntity variable) {
            return variable.getTaskId() != null && variable.getExecutionId() == null
                    && variable.getCaseExecutionId() == null;
        }
        if (entity instanceof IdentityLinkEntity link && link.getTaskId() != null) {
            TaskEntity task = link.getTask();
            return task != null && ofTaskOutsideEveryProcess(task);
        }
        return false;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false;
        }
        if (entity instanceof VariableInstance variable && isPersonal(variable.getName())) {
            return false;
        }
        if (UNREAD.contains(eventType)) {
            return false;
        }
        if (ofTaskOutsideEveryProcess(entity)) {
            return false;
        }
        return HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
