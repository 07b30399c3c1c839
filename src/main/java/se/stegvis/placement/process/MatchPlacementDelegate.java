package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.placement.PlacementService;

/** "Registrera matchning": the provider from "Matcha mot arbetsgivare/utbildning" and the day it was agreed. */
@Component
public class MatchPlacementDelegate implements JavaDelegate {

    private final PlacementService placements;

    public MatchPlacementDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate matchedOn = date(execution, MATCHED_ON);
        placements.match(placementId(execution), requiredString(execution, PROVIDER_NAME), providerKind(execution),
                matchedOn == null ? placements.today() : matchedOn, execution.getProcessInstanceId());
    }
}
