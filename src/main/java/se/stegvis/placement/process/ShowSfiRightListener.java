package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.placement.SfiRights;

/**
 * When a task that plans or follows up SFI is created (the plan in the client journey, "Följ upp rätten till SFI" in a
 * placement): the client's right to SFI in words — until when it lasts, how far it can still be extended — local to
 * the task, shown read-only in its form ({@value PlacementProcess#SFI_RIGHT_TEXT}).
 */
@Component
public class ShowSfiRightListener implements TaskListener {

    private final SfiRights sfiRights;

    public ShowSfiRightListener(SfiRights sfiRights) {
        this.sfiRights = sfiRights;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal(SFI_RIGHT_TEXT, sfiRights.describe(UUID.fromString(journeyId(task))));
    }
}
