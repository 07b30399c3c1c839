package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.applicationId;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.process.JourneyStartMessage;
import se.stegvis.config.ModelerTemplate;

/**
 * "Starta klientresan": a grant sends the message {@value JourneyStartMessage#NAME} with the household's id to the
 * client journey (klientresa), which the client's running journey catches, or which starts a new one. Its own step
 * after the payment is planned (issue #16): a failure is an incident here, and the payment has gone its way.
 *
 * <p>The message is sent in this step's transaction: a retried job has sent nothing before. Whether a journey runs is
 * the journey's concern (its start "Registrera klientresan" starts nothing while one is active); application/ knows
 * nothing of journey/.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class StartJourneyDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(StartJourneyDelegate.class);

    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;

    public StartJourneyDelegate(ApplicationRepository applications, RuntimeService runtimeService) {
        this.applications = applications;
        this.runtimeService = runtimeService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var application = applications.findById(applicationId(execution)).orElseThrow(() ->
                new IllegalStateException("Ansökan " + applicationId(execution) + " finns inte"));
        var result = JourneyStartMessage.send(runtimeService, application.getClient().getId());
        log.info("Application {}: the grant reached the client journey ({})", application.getId(),
                result.getResultType());
    }
}
