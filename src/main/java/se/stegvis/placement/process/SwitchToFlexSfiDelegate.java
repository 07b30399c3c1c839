package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.placement.PlacementService;
import se.stegvis.config.ModelerTemplate;

/**
 * "Byt till flex-SFI" after the message {@value PlacementProcess#MESSAGE_PARENTAL_LEAVE}: an SFI placement goes on
 * as flex-SFI. For any other type nothing is recorded and the placement continues unchanged (the coach handles the
 * leave in the journey); {@value PlacementProcess#SWITCHED_TO_FLEX_SFI} says which happened.
 */
@Component
@ModelerTemplate(inputs = "placementId")
public class SwitchToFlexSfiDelegate implements JavaDelegate {

    private final PlacementService placements;

    public SwitchToFlexSfiDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean switched = placements.parentalLeave(placementId(execution), placements.today());
        execution.setVariable(SWITCHED_TO_FLEX_SFI, switched);
    }
}
