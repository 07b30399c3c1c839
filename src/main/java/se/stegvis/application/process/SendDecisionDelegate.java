package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionRecords;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.ClientJourney;
import se.stegvis.config.ModelerTemplate;

/**
 * "Skicka beslut till den sökande": publishes the letter to the client; the appeal time starts. A decision that grants
 * money makes the household a client of the journey (klientresa), unless a journey is already running.
 */
@Component
@ModelerTemplate(inputs = {"applicationId", "decisionId"})
public class SendDecisionDelegate implements JavaDelegate {

    private final DecisionRecords decisions;
    private final ApplicationRepository applications;
    private final ClientJourney journeys;

    public SendDecisionDelegate(DecisionRecords decisions, ApplicationRepository applications, ClientJourney journeys) {
        this.decisions = decisions;
        this.applications = applications;
        this.journeys = journeys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The granted amount is the registered decision's, not a variable's.
        long granted = decisions.notifyClient(decisionId(execution)).getAmount();
        execution.setVariable(GRANTED_AMOUNT, granted);
        if (granted > 0) {
            var application = applications.findById(applicationId(execution)).orElseThrow();
            journeys.startOnGrant(application.getClient().getId());
        }
    }
}
