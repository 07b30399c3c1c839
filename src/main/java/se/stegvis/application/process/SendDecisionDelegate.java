package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionRecords;

/** "Skicka beslut till den sökande": publishes the letter to the client; the appeal time starts. */
@Component
public class SendDecisionDelegate implements JavaDelegate {

    private final DecisionRecords decisions;

    public SendDecisionDelegate(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.notifyClient(decisionId(execution));
    }
}
