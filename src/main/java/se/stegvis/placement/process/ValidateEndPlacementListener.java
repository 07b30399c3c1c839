package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.placement.domain.PlacementOutcome;

/** Completing "Avsluta insats": an outcome, and a reason when the placement was interrupted (AVBRUTEN). */
@Component
public class ValidateEndPlacementListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        PlacementOutcome outcome = outcome(task);
        if (outcome == null) {
            throw new InvalidRequestException(OUTCOME, "Välj hur insatsen slutade (fältet \"Utfall\").");
        }
        if (outcome == PlacementOutcome.AVBRUTEN && string(task, INTERRUPTION_REASON) == null) {
            throw new InvalidRequestException(INTERRUPTION_REASON, "En avbruten insats ska ha en orsak (fältet \"Orsak till avbrottet\").");
        }
        try {
            date(task, END_DATE);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(END_DATE, "Slutdatum ska vara ett datum (ÅÅÅÅ-MM-DD).");
        }
    }
}
