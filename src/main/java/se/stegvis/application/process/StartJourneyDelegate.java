package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.applicationId;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.ClientJourney;
import se.stegvis.config.ModelerTemplate;

/**
 * "Starta klientresan": a grant makes the household a client of the journey (klientresa) through the client
 * package's port, unless a journey is already running — so running it again (a retry) starts nothing twice. Its own
 * step after the payment is planned (issue #16): a journey that cannot start is an incident here, and the payment
 * has already gone its way.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class StartJourneyDelegate implements JavaDelegate {

    private final ApplicationRepository applications;
    private final ClientJourney journeys;

    public StartJourneyDelegate(ApplicationRepository applications, ClientJourney journeys) {
        this.applications = applications;
        this.journeys = journeys;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var application = applications.findById(applicationId(execution)).orElseThrow(() ->
                new IllegalStateException("Ansökan " + applicationId(execution) + " finns inte"));
        journeys.startOnGrant(application.getClient().getId());
    }
}
