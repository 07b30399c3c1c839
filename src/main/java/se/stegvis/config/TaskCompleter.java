package se.stegvis.config;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * The one rule for who completes a task: the logged-in user of the request (Tasklist, REST), else the task's assignee
 * (a task completed by the application on someone's behalf); null when neither is known.
 */
public final class TaskCompleter {

    public static String of(DelegateTask task, IdentityService identityService) {
        var authentication = identityService == null ? null : identityService.getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee();
    }

    private TaskCompleter() {}
}
