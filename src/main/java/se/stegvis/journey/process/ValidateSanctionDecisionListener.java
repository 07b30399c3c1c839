package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.journey.SanctionDecisionRules;
import se.stegvis.journey.SanctionService;

/**
 * On completing "Besluta om nedsättning": refuses the completion (400 naming the form field, shown in Tasklist) when
 * the decision breaks {@link SanctionDecisionRules} — no decision or reasons, a reduction without an amount or above
 * the one communicated, and under the aktivitetskrav a dropped reduction without a godtagbart skäl, its text, or (for
 * illness longer than the setting) the date of the läkarintyg. Validates only; "Registrera beslut om nedsättning"
 * records the decision.
 */
@Component
public class ValidateSanctionDecisionListener implements TaskListener {

    private final SanctionService sanctionService;
    private final Clock clock;

    public ValidateSanctionDecisionListener(SanctionService sanctionService, Clock clock) {
        this.sanctionService = sanctionService;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID sanctionId = optionalId(task, SANCTION_ID);
        if (sanctionId == null) {
            throw new IllegalStateException("Uppgiften hör inte till någon sanktion (" + SANCTION_ID + ")");
        }
        sanctionService.check(sanctionId, sanctionDecision(task, clock.getZone()));
    }
}
