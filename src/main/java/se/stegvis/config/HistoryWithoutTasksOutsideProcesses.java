package se.stegvis.config;

import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's history writer, without the operation log of tasks outside every process (Tasklist's "create task",
 * administrators only). Their entries carry what was typed — the task's name and description as new values — and
 * have no process definition, so a grant of {@code READ_HISTORY} on every process definition (process owners') reads
 * them. {@link PersonalDataHistoryLevel} keeps the task itself, its variables and identity links out of the history;
 * this keeps out its operation log, which the engine produces without asking the history level per entry.
 */
public class HistoryWithoutTasksOutsideProcesses extends DbHistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof UserOperationLogEntryEventEntity entry && ofTaskOutsideEveryProcess(entry)) {
            return;
        }
        super.handleEvent(event);
    }

    /** An operation on a task that belongs to no process instance and no case. */
    static boolean ofTaskOutsideEveryProcess(UserOperationLogEntryEventEntity entry) {
        return entry.getTaskId() != null && entry.getProcessInstanceId() == null
                && entry.getProcessDefinitionId() == null && entry.getProcessDefinitionKey() == null
                && entry.getCaseInstanceId() == null && entry.getCaseDefinitionId() == null;
    }
}
