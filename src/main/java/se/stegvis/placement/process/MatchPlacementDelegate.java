package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.ProviderFullException;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera matchning": the provider chosen in "Matcha mot arbetsgivare/utbildning" takes the client, and the day it
 * was agreed. The provider's places are counted again under a lock: when the last place went to someone else since
 * the form was filled in, the BPMN error {@value PlacementProcess#ERROR_PROVIDER_FULL} sends the matching back to the
 * coach with the reason, and nobody is overbooked. A placement with SFI records the client's first SFI admission.
 */
@Component
@ModelerTemplate(inputs = "placementId")
public class MatchPlacementDelegate implements JavaDelegate {

    private final PlacementService placements;
    private final SfiRights sfiRights;

    public MatchPlacementDelegate(PlacementService placements, SfiRights sfiRights) {
        this.placements = placements;
        this.sfiRights = sfiRights;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate matchedOn = date(execution, MATCHED_ON);
        UUID providerId = providerId(execution);
        if (providerId == null) {
            throw new BpmnError(ERROR_PROVIDER_FULL, "Ingen anordnare vald. Välj en anordnare i listan.");
        }
        try {
            placements.match(placementId(execution), providerId, matchedOn == null ? placements.today() : matchedOn,
                    execution.getProcessInstanceId());
        } catch (ProviderFullException e) {
            throw new BpmnError(ERROR_PROVIDER_FULL, e.getMessage());
        }
        // The study plan's first admission to SFI: what the client's SFI three-year clock counts from.
        LocalDate firstAdmission = date(execution, SFI_FIRST_ADMISSION);
        if (firstAdmission != null) {
            sfiRights.recordFirstAdmission(placementId(execution), firstAdmission);
        }
        execution.removeVariable(MATCH_REFUSAL);
    }
}
