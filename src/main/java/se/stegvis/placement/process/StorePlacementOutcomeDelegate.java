package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.config.ModelerTemplate;

/**
 * "Spara slutdatum och utfall": end date and outcome on the placement, the outcome for the journey
 * ({@code placementOutcome}) and whether it was work or studies ({@code arbeteEllerStudier}), which the process then
 * escalates to the journey.
 */
@Component
@ModelerTemplate(inputs = "placementId")
public class StorePlacementOutcomeDelegate implements JavaDelegate {

    private final PlacementService placements;

    public StorePlacementOutcomeDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PlacementOutcome outcome = outcome(execution);
        if (outcome == null) {
            throw new IllegalStateException("Utfallet saknas");
        }
        LocalDate endOn = date(execution, END_DATE);
        Placement placement = placements.end(placementId(execution), endOn == null ? placements.today() : endOn,
                outcome, string(execution, INTERRUPTION_REASON));
        PlacementOutcome stored = placement.getOutcome().orElse(outcome);
        execution.setVariable(PLACEMENT_OUTCOME, stored.name());
        execution.setVariable(WORK_OR_STUDIES, stored.workOrStudies());
    }
}
