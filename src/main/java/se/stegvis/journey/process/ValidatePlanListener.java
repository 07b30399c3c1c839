package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.PLAN_STEPS;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.TaskCompleter;

/**
 * On completing "Upprätta individuell planering" and "Revidera individuell planering": refuses the completion, with a
 * message Tasklist shows, when nobody is known to complete it or a step's date does not exist (2026-02-30) — instead
 * of an incident after the coach has finished. Validates only; "Registrera planering" records the plan.
 */
@Component
public class ValidatePlanListener implements TaskListener {

    private final IdentityService identityService;

    public ValidatePlanListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskCompleter.of(task, identityService) == null) {
            throw ConflictException.taskNotClaimed();
        }
        try {
            PlanSteps.parse(JourneyProcess.string(task, PLAN_STEPS));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(PLAN_STEPS, e.getMessage());
        }
    }
}
