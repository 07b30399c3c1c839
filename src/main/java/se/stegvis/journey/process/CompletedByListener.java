package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.COMPLETED_BY;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.ConflictException;

/** On completing a journey task: records who did it, for the delegate that stores what the form recorded. */
@Component
public class CompletedByListener implements TaskListener {

    private final IdentityService identityService;

    public CompletedByListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        var authentication = identityService.getCurrentAuthentication();
        String user = authentication != null && authentication.getUserId() != null ? authentication.getUserId() : task.getAssignee();
        if (user == null) {
            throw ConflictException.taskNotClaimed();
        }
        task.setVariable(COMPLETED_BY, user);
    }
}
