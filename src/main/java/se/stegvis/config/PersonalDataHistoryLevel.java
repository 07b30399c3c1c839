package se.stegvis.config;

import java.util.Collection;
import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * History level FULL, except
 * <ul>
 *   <li>the fields of forms that carry personal data (a start form's personnummer) never reach the history tables:
 *       the process removes them at once, and this keeps them from being recorded on the way;</li>
 *   <li>what nobody reads is not written (issue #14): every value a variable has had ({@code ACT_HI_DETAIL}; the
 *       variable's latest value stays in {@code ACT_HI_VARINST}), and the log lines of jobs and external tasks that
 *       were created, succeeded or were deleted ({@code ACT_HI_JOB_LOG}, {@code ACT_HI_EXT_TASK_LOG}) — their
 *       failures, with the stack trace an operator reads, are still logged. Neither Stegvis, Tasklist nor the
 *       community edition's Cockpit reads them, and they were a sixth of the rows the monthly application wrote
 *       (BENCHMARKS.md).</li>
 * </ul>
 * Activity, task, process and variable instances, incidents, decisions, identity links and the user operation log
 * (who did what) are kept as FULL keeps them.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

    public static final String NAME = "full-utan-personuppgifter";
    public static final int ID = 30;

    /** Written by FULL, read by nobody. */
    static final Set<HistoryEventType> UNREAD = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_SUCCESS, HistoryEventTypes.JOB_DELETE,
            HistoryEventTypes.EXTERNAL_TASK_CREATE, HistoryEventTypes.EXTERNAL_TASK_SUCCESS,
            HistoryEventTypes.EXTERNAL_TASK_DELETE);

    /** Variables never written to history. */
    private final Set<String> personalVariables;

    public PersonalDataHistoryLevel(Collection<String> personalVariables) {
        this.personalVariables = Set.copyOf(personalVariables);
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity instanceof VariableInstance variable && personalVariables.contains(variable.getName())) {
            return false;
        }
        if (UNREAD.contains(eventType)) {
            return false;
        }
        return HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
