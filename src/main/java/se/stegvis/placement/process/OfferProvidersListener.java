package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.Placement;

/**
 * When "Matcha mot arbetsgivare/utbildning" is created (also when it comes back after a refusal) and whenever it is
 * claimed: the providers of the kind the intervention needs that have a free place, as the options of the form's
 * list, local to the task so that every matching shows the places free at its own moment (a coach who finds the
 * list out of date claims the task again). For a placement with SFI also the client's right to SFI, and the first
 * admission when one is known.
 */
@Component
public class OfferProvidersListener implements TaskListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlacementService placements;
    private final SfiRights sfiRights;

    public OfferProvidersListener(PlacementService placements, SfiRights sfiRights) {
        this.placements = placements;
        this.sfiRights = sfiRights;
    }

    @Override
    public void notify(DelegateTask task) {
        Placement placement = placements.get(placementId(task));
        List<Map<String, String>> options = placements.offers(placement.getId()).stream()
                .map(o -> Map.of("label", o.label(), "value", o.providerId().toString()))
                .toList();
        try {
            task.setVariableLocal(AVAILABLE_PROVIDERS, SpinValues.jsonValue(JSON.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        task.setVariableLocal(PLACEMENT_DESCRIPTION, placement.getType().label() + " – anordnare: "
                + placement.getType().providerKind().label().toLowerCase(java.util.Locale.ROOT));
        // SFI: the form asks for the first admission (pre-filled when the client has one) and shows the right.
        boolean sfi = placement.getType().includesSfi();
        task.setVariableLocal(INCLUDES_SFI, sfi);
        if (sfi) {
            task.setVariableLocal(SFI_RIGHT_TEXT, sfiRights.describe(placement.getJourneyId()));
            if (string(task, SFI_FIRST_ADMISSION) == null) {
                sfiRights.ofJourney(placement.getJourneyId()).ifPresent(right ->
                        task.setVariable(SFI_FIRST_ADMISSION, right.firstAdmission().toString()));
            }
        }
    }
}
