package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;

/**
 * "Avslut från insatsen": a placement ended in work or studies and escalated it. The exit takes the placement's outcome
 * as its reason (ARBETE or STUDIER) and the placement's end date as its date; "Registrera avslut" then records it.
 */
@Component
public class ExitFromPlacementDelegate implements JavaDelegate {

    /** Who registers an exit that a placement's outcome brought about. */
    static final String REGISTERED_BY = "arbetsforberedande-insats";

    private final PlacementService placements;

    public ExitFromPlacementDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID placementId = UUID.fromString(requiredString(execution, LAST_ENDED_PLACEMENT));
        Placement placement = placements.get(placementId);
        PlacementOutcome outcome = placement.getOutcome()
                .filter(PlacementOutcome::workOrStudies)
                .orElseThrow(() -> new IllegalStateException("Insatsen " + placementId + " slutade inte i arbete eller studier"));
        execution.setVariable(EXIT_REASON, outcome == PlacementOutcome.ARBETE ? ExitReason.ARBETE.name() : ExitReason.STUDIER.name());
        execution.setVariable(EXIT_DATE, placement.getEndDate().orElseThrow().toString());
        execution.setVariable(EXIT_NOTE, placement.getType().label() + " slutade med utfallet " + outcome.label().toLowerCase(java.util.Locale.ROOT) + ".");
        execution.setVariable(COMPLETED_BY, REGISTERED_BY);
    }
}
