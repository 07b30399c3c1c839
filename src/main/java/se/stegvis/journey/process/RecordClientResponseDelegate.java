package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionRepository;

/**
 * "Registrera klientens svar", after "Klienten har svarat": records the client's response in the kommunicering on the
 * sanction (with the moment), where the overview and the decision read it. A step of its own (issue #16): the catch
 * event only receives the message.
 */
@Component
public class RecordClientResponseDelegate implements JavaDelegate {

    private final SanctionRepository sanctions;
    private final Clock clock;

    public RecordClientResponseDelegate(SanctionRepository sanctions, Clock clock) {
        this.sanctions = sanctions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Sanction sanction = sanctions.findById(optionalId(execution, SANCTION_ID))
                .orElseThrow(() -> new NotFoundException("Sanktionen finns inte."));
        String response = string(execution, CLIENT_RESPONSE);
        sanction.clientResponded(response == null ? "(inget svar angivet)" : response, clock.instant());
        sanctions.save(sanction);
    }
}
