package se.stegvis.journey.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.ConflictException;
import se.stegvis.config.TaskCompleter;
import se.stegvis.config.TaskCompletionPlugin;

/**
 * On completing a journey task: refuses the completion when nobody is known to complete it (claim the task first),
 * because the step after it records the coach by name. The name itself is recorded by {@link TaskCompletionPlugin}
 * for every task ({@link JourneyProcess#COMPLETED_BY}).
 */
@Component
public class ClaimRequiredListener implements TaskListener {

    private final IdentityService identityService;

    public ClaimRequiredListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskCompleter.of(task, identityService) == null) {
            throw ConflictException.taskNotClaimed();
        }
    }
}
