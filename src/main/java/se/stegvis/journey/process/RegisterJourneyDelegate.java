package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.config.ModelerTemplate;
import se.stegvis.journey.JourneyService;
import se.stegvis.journey.domain.Journey;

/**
 * "Registrera klientresan": a journey the grant's message started ("Bistånd beviljat") is recorded for the client,
 * with this instance, its id as business key and the start variables the coach's start sets; unless the client has
 * an active journey already, and then {@value JourneyProcess#NEW_JOURNEY} is false and the instance ends after
 * checking the aktivitetskrav. Run again after a failure it records nothing twice (one transaction with the job).
 */
@Component
@ModelerTemplate(inputs = "clientId")
public class RegisterJourneyDelegate implements JavaDelegate {

    private final JourneyService journeys;

    public RegisterJourneyDelegate(JourneyService journeys) {
        this.journeys = journeys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID clientId = clientId(execution);
        var journey = journeys.registerOnGrant(clientId, execution.getProcessInstanceId());
        execution.setVariable(NEW_JOURNEY, journey.isPresent());
        if (journey.isPresent()) {
            UUID journeyId = journey.map(Journey::getId).orElseThrow();
            execution.setProcessBusinessKey(journeyId.toString());
            execution.setVariables(journeys.vars(journeyId, clientId));
        }
    }
}
