package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionRecords;
import se.stegvis.config.ModelerTemplate;

/**
 * "Skicka beslut till den sökande": publishes the letter to the client; the appeal time starts. The granted amount
 * routes the rest: a payment to plan, and then the journey to start ({@link StartJourneyDelegate}).
 */
@Component
@ModelerTemplate(inputs = {"applicationId", "decisionId"})
public class SendDecisionDelegate implements JavaDelegate {

    private final DecisionRecords decisions;

    public SendDecisionDelegate(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The granted amount is the registered decision's, not a variable's.
        long granted = decisions.notifyClient(decisionId(execution)).getAmount();
        execution.setVariable(GRANTED_AMOUNT, granted);
    }
}
