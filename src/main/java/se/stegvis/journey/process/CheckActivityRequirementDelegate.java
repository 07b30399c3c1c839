package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.clientId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.config.ModelerTemplate;
import se.stegvis.journey.ClientJourneyService;

/**
 * "Pröva aktivitetskravet" after a grant (a new journey, or "Nytt beviljat bistånd" in a running one): a client who
 * has now been granted försörjningsstöd long enough becomes covered by the aktivitetskrav, recorded once per client
 * and month, and the coach gets "Revidera planering enligt aktivitetskravet" when the plan applies.
 */
@Component
@ModelerTemplate(inputs = "clientId")
public class CheckActivityRequirementDelegate implements JavaDelegate {

    private final ClientJourneyService journeys;

    public CheckActivityRequirementDelegate(ClientJourneyService journeys) {
        this.journeys = journeys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        journeys.checkActivityRequirement(clientId(execution));
    }
}
