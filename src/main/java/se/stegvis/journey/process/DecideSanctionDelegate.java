package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.journey.SanctionService;
import se.stegvis.journey.domain.SanctionDecision;

/**
 * "Registrera beslut om nedsättning": the caseworker's written, appealable decision. An upheld reduction becomes a
 * reduction of the next month, which that month's calculation applies and its letter shows.
 */
@Component
public class DecideSanctionDelegate implements JavaDelegate {

    private final SanctionService sanctionService;

    public DecideSanctionDelegate(SanctionService sanctionService) {
        this.sanctionService = sanctionService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SanctionDecision decision = SanctionDecision.valueOf(requiredString(execution, SANCTION_DECISION));
        Integer amount = wholeNumber(execution, SANCTION_AMOUNT);
        long decided = decision == SanctionDecision.UPHELD ? (amount == null ? 0 : amount) : 0;
        sanctionService.decide(optionalId(execution, SANCTION_ID), decision, decided,
                requiredString(execution, SANCTION_REASONS), requiredString(execution, COMPLETED_BY));
    }
}
