package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.client.ClientJourney;
import se.stegvis.config.ModelerTemplate;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;

/**
 * "Spara slutdatum och utfall": end date, outcome and (for an interrupted placement) why on the placement, the outcome
 * for the journey ({@code placementOutcome}), whether it was work or studies ({@code arbeteEllerStudier}), which the
 * process then escalates to the journey, and whether the ending calls for a sanction proposal
 * ({@value PlacementProcess#MANDATORY_SANCTION}): declined or broken off without godtagbart skäl by a client covered by
 * the aktivitetskrav today (asked of the journey through {@link ClientJourney}). A client not covered gets none by
 * itself, as before the requirement.
 */
@Component
@ModelerTemplate(inputs = {"journeyId", "placementId"})
public class StorePlacementOutcomeDelegate implements JavaDelegate {

    private final PlacementService placements;
    private final ClientJourney clientJourney;

    public StorePlacementOutcomeDelegate(PlacementService placements, ClientJourney clientJourney) {
        this.placements = placements;
        this.clientJourney = clientJourney;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlacementOutcome outcome = outcome(execution);
        if (outcome == null) {
            throw new IllegalStateException("Utfallet saknas");
        }
        LocalDate endOn = date(execution, END_DATE);
        Placement placement = placements.end(placementId(execution), endOn == null ? placements.today() : endOn,
                outcome, interruptionGround(execution), string(execution, INTERRUPTION_REASON));
        PlacementOutcome stored = placement.getOutcome().orElse(outcome);
        execution.setVariable(PLACEMENT_OUTCOME, stored.name());
        execution.setVariable(WORK_OR_STUDIES, stored.workOrStudies());
        boolean withoutAcceptableReason = placement.getInterruptionGround()
                .map(InterruptionGround::withoutAcceptableReason).orElse(false);
        execution.setVariable(MANDATORY_SANCTION, withoutAcceptableReason
                && clientJourney.coveredByActivityRequirement(UUID.fromString(journeyId(execution))));
    }
}
