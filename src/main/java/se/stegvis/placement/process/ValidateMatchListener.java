package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.ProviderFullException;

/**
 * Completing "Matcha mot arbetsgivare/utbildning": a provider from the list that still has a free place, and dates in
 * order. Tasklist shows the refusal and the task stays open; the job after the task counts the places again.
 */
@Component
public class ValidateMatchListener implements TaskListener {

    private final PlacementService placements;

    public ValidateMatchListener(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID providerId = providerId(task);
        if (providerId == null) {
            throw new ProcessEngineException("Välj arbetsgivare eller skola i listan (fältet \"Anordnare\").");
        }
        LocalDate matchedOn;
        LocalDate start;
        try {
            matchedOn = date(task, MATCHED_ON);
            start = date(task, START_DATE);
            date(task, PLANNED_END);
        } catch (IllegalArgumentException e) {
            throw new ProcessEngineException("Datumen anges ÅÅÅÅ-MM-DD.");
        }
        Placement placement = placements.get(placementId(task));
        if (matchedOn != null && matchedOn.isBefore(placement.getRequestedOn())) {
            throw new ProcessEngineException("Matchningen kan inte vara före beställningen " + placement.getRequestedOn() + ".");
        }
        if (matchedOn != null && start != null && start.isBefore(matchedOn)) {
            throw new ProcessEngineException("Startdatum kan inte vara före matchningen.");
        }
        try {
            placements.checkCanTake(placement.getId(), providerId);
        } catch (ProviderFullException e) {
            throw new ProcessEngineException(e.getMessage());
        }
    }
}
