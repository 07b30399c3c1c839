package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.journey.SanctionService;

/**
 * "Registrera beslut om nedsättning": the caseworker's written, appealable decision. An upheld reduction becomes a
 * reduction of the next month, which that month's calculation applies and its letter shows. Under the aktivitetskrav
 * a dropped reduction records the godtagbart skäl it was dropped for.
 */
@Component
public class DecideSanctionDelegate implements JavaDelegate {

    private final SanctionService sanctionService;
    private final Clock clock;

    public DecideSanctionDelegate(SanctionService sanctionService, Clock clock) {
        this.sanctionService = sanctionService;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The same rules as on completion (ValidateSanctionDecisionListener): a refusal here is an incident.
        sanctionService.decide(optionalId(execution, SANCTION_ID), sanctionDecision(execution, clock.getZone()),
                requiredString(execution, COMPLETED_BY));
    }
}
