package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.ProviderFullException;
import se.stegvis.placement.domain.SfiRight;

/**
 * Completing "Matcha mot arbetsgivare/utbildning": a provider from the list that still has a free place, and dates in
 * order, and for SFI the client's first SFI admission (not in the future) and a start while the client's right to
 * SFI holds ({@link SfiRight}: three years from the first admission, with the huvudman's extensions). Tasklist shows
 * the refusal and the task stays open; the job after the task counts the places again.
 */
@Component
public class ValidateMatchListener implements TaskListener {

    private final PlacementService placements;
    private final SfiRights sfiRights;

    public ValidateMatchListener(PlacementService placements, SfiRights sfiRights) {
        this.placements = placements;
        this.sfiRights = sfiRights;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID providerId = providerId(task);
        if (providerId == null) {
            throw new InvalidRequestException(PROVIDER_ID, "Välj arbetsgivare eller skola i listan (fältet \"Anordnare\").");
        }
        LocalDate matchedOn = checkedDate(task, MATCHED_ON);
        LocalDate start = checkedDate(task, START_DATE);
        checkedDate(task, PLANNED_END);
        Placement placement = placements.get(placementId(task));
        if (matchedOn != null && matchedOn.isBefore(placement.getRequestedOn())) {
            throw new InvalidRequestException(MATCHED_ON, "Matchningen kan inte vara före beställningen " + placement.getRequestedOn() + ".");
        }
        if (matchedOn != null && start != null && start.isBefore(matchedOn)) {
            throw new InvalidRequestException(START_DATE, "Startdatum kan inte vara före matchningen.");
        }
        if (placement.getType().includesSfi()) {
            LocalDate firstAdmission = checkedDate(task, SFI_FIRST_ADMISSION);
            if (firstAdmission == null && placement.getType().isSfi()) {
                throw new InvalidRequestException(SFI_FIRST_ADMISSION, "Ange klientens första antagning till SFI, som"
                        + " den står i studieplanen (fältet \"Första antagning till SFI\").");
            }
            if (firstAdmission != null) {
                try {
                    sfiRights.checkFirstAdmission(placement.getId(), firstAdmission);
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException(SFI_FIRST_ADMISSION,
                            e.getMessage() + " (fältet \"Första antagning till SFI\").");
                }
                // An SFI placement cannot start once the client's right to SFI has ended without an extension.
                SfiRight right = sfiRights.withFirstAdmission(placement.getId(), firstAdmission);
                LocalDate startsOn = start != null ? start : placements.today();
                if (!right.coversDay(startsOn)) {
                    throw new InvalidRequestException(START_DATE, "Klientens rätt till SFI upphörde " + right.endsOn()
                            + " (tre år från den första antagningen " + right.firstAdmission()
                            + (right.extended() ? ", med förlängning" : "") + "): insatsen kan inte starta "
                            + startsOn + " utan att huvudmannen förlänger rätten (fältet \"Startdatum\").");
                }
            }
        }
        try {
            placements.checkCanTake(placement.getId(), providerId);
        } catch (ProviderFullException e) {
            throw new ConflictException(PROVIDER_ID, e.getMessage());
        }
    }

    private static LocalDate checkedDate(DelegateTask task, String field) {
        try {
            return date(task, field);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "Datumen anges ÅÅÅÅ-MM-DD.");
        }
    }
}
