package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.activity.ActivityExtent;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.TaskCompleter;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.PlanReads;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.SfiRight;

/**
 * On completing "Upprätta individuell planering" and "Revidera individuell planering": refuses the completion, with a
 * message Tasklist shows, when nobody is known to complete it, a step's date does not exist (2026-02-30), or a new
 * placement with SFI (SFI, flex-SFI, kombinationsutbildning) is planned once the client's right to SFI has ended
 * without an extension ({@link SfiRight}: three years from the first admission) — instead of an incident after the
 * coach has finished. Interventions a revision keeps from the previous version are not new placements and pass.
 * And the aktivitetskrav ({@link ActivityExtent}): hours, capacity and läkarintyg must be possible, and the plan of a
 * client covered by the requirement must reach the required hours and hold job-search time unless the coach records
 * why it deviates ("Skäl att avvika från aktivitetskravet"). Validates only; "Registrera planering" records the plan.
 */
@Component
public class ValidatePlanListener implements TaskListener {

    private final IdentityService identityService;
    private final SfiRights sfiRights;
    private final PlanReads plans;
    private final ActivityRequirementService activityRequirement;
    private final Clock clock;

    public ValidatePlanListener(IdentityService identityService, SfiRights sfiRights, PlanReads plans,
                                ActivityRequirementService activityRequirement, Clock clock) {
        this.identityService = identityService;
        this.sfiRights = sfiRights;
        this.plans = plans;
        this.activityRequirement = activityRequirement;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskCompleter.of(task, identityService) == null) {
            throw ConflictException.taskNotClaimed();
        }
        try {
            PlanSteps.parse(JourneyProcess.string(task, PLAN_STEPS));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(PLAN_STEPS, e.getMessage());
        }
        checkSfiRight(task);
        checkActivityRequirement(task);
        // A revision's hours were prefilled local to the task, so the form's values landed there: hand them to the
        // process for "Registrera planering" (which removes them once the plan version holds them).
        handLocalsToProcess(task, PlanActivityForm.VARIABLES);
    }

    private void checkActivityRequirement(DelegateTask task) {
        List<PlacementType> chosen = texts(task, CHOSEN_INTERVENTIONS).stream().map(PlacementType::valueOf).toList();
        PlanActivityForm.Content form = PlanActivityForm.read(task, chosen, clock.getZone());
        ActivityExtent extent = activityRequirement.extent();
        ActivityExtent.Requirement requirement = extent.required(form.facts(), LocalDate.now(clock));
        UUID clientId = plans.clientOf(journeyId(task));
        boolean covered = activityRequirement.status(clientId).covered();
        extent.shortfall(covered, requirement, form.plannedHours(), form.jobSearchHours(), form.deviationReason())
                .ifPresent(message -> {
                    throw new InvalidRequestException(DEVIATION_REASON, message);
                });
    }

    private void checkSfiRight(DelegateTask task) {
        List<PlacementType> chosen;
        try {
            chosen = texts(task, CHOSEN_INTERVENTIONS).stream().map(PlacementType::valueOf).toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(CHOSEN_INTERVENTIONS, "Okänd insats bland de valda (fältet \"Valda insatser\").");
        }
        List<PlacementType> previous = previousInterventions(task);
        List<PlacementType> newSfi = chosen.stream().filter(PlacementType::includesSfi)
                .filter(t -> !previous.contains(t)).toList();
        if (newSfi.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        sfiRights.ofJourney(journeyId(task)).filter(right -> !right.coversDay(today)).ifPresent(right -> {
            throw new InvalidRequestException(CHOSEN_INTERVENTIONS, "Klientens rätt till SFI upphörde "
                    + right.endsOn() + " (tre år från den första antagningen " + right.firstAdmission()
                    + (right.extended() ? ", med förlängning" : "") + "). " + newSfi.get(0).label()
                    + " kan inte planeras utan att huvudmannen förlänger rätten (fältet \"Valda insatser\").");
        });
    }

    /** The interventions of the plan's current version; none for the first plan. */
    private List<PlacementType> previousInterventions(DelegateTask task) {
        String planId = string(task, PLAN_ID);
        Integer version = wholeNumber(task, PLAN_VERSION);
        if (planId == null || version == null) {
            return List.of();
        }
        return plans.version(UUID.fromString(planId), version)
                .map(PlanVersion::getInterventions).orElse(List.of());
    }
}
