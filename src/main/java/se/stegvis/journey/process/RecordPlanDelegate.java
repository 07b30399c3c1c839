package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.activity.ActivityExtent;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.integration.arbetsformedlingen.ArbetsformedlingenNotices;
import se.stegvis.journey.PlanActivityProviders;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.OwnGoal;
import se.stegvis.journey.domain.PlanStep;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera individuell planering" and "Registrera reviderad planering": stores the form as the plan's next version,
 * agreed with the client. The first version also creates one placement per chosen intervention, whose ids the
 * placement call activities run over. A revision keeps earlier versions and the running placements, and creates a
 * placement for each intervention it adds to the previous version ({@code nyaInsatser}, local to the follow-up), which
 * the follow-up starts at once.
 *
 * <p>Each version holds the aktivitetskrav ({@link PlanActivityForm}): the chosen interventions' hours and categories,
 * the job-search time, what the requirement was computed from and came to, and why it deviates; those form variables
 * are removed from the process once the version holds them, as are the plan's texts ({@link JourneyProcess#PLAN_TEXTS}:
 * a revision is pre-filled from the version). When the client is covered and the activities differ from the previous
 * version (or the first version has any), a notice to Arbetsförmedlingen is queued, once per version.
 */
@Component
@ModelerTemplate(inputs = "journeyId")
public class RecordPlanDelegate implements JavaDelegate {

    /** A step line: an optional date first ("2026-12-01 Börja SFI kurs C"), then the description. */

    private final IndividualPlanRepository plans;
    private final PlanVersionRepository versions;
    private final PlacementRepository placements;
    private final JourneyRepository journeys;
    private final ActivityRequirementService activityRequirement;
    private final ArbetsformedlingenNotices afNotices;
    private final PlanActivityProviders providers;
    private final Clock clock;

    public RecordPlanDelegate(IndividualPlanRepository plans, PlanVersionRepository versions,
                              PlacementRepository placements, JourneyRepository journeys,
                              ActivityRequirementService activityRequirement, ArbetsformedlingenNotices afNotices,
                              PlanActivityProviders providers, Clock clock) {
        this.providers = providers;
        this.plans = plans;
        this.versions = versions;
        this.placements = placements;
        this.journeys = journeys;
        this.activityRequirement = activityRequirement;
        this.afNotices = afNotices;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID journeyId = journeyId(execution);
        if (!flag(execution, AGREED_WITH_CLIENT)) {
            throw new IllegalArgumentException("Planeringen ska vara överenskommen med klienten");
        }
        List<PlacementType> interventions = texts(execution, CHOSEN_INTERVENTIONS).stream().map(PlacementType::valueOf).toList();
        IndividualPlan plan = plans.findByJourneyId(journeyId).orElseGet(() -> new IndividualPlan(journeyId, clock.instant()));
        PlanVersion version = plan.revise(OwnGoal.valueOf(requiredString(execution, PLAN_GOAL)), string(execution, PLAN_OCCUPATION),
                steps(string(execution, PLAN_STEPS)), interventions, string(execution, PLAN_CHANGE_REASON),
                requiredString(execution, COMPLETED_BY), clock.instant());
        UUID clientId = journeys.findById(journeyId).orElseThrow().getClientId();
        boolean covered = activityRequirement.status(clientId).covered();
        PlanActivityForm.Content form = PlanActivityForm.read(execution, interventions, clock.getZone());
        ActivityExtent.Requirement requirement = activityRequirement.extent().required(form.facts(), LocalDate.now(clock));
        // A plan without any hours for a client not covered (a form from before the plan held hours) records none.
        if (covered || form.anyHoursGiven()) {
            // An activity from a placement already matched keeps its provider; the others get theirs at the matching.
            version.recordActivityRequirement(providers.withProviders(journeyId, form.activities()),
                    form.jobSearchHours(), covered,
                    requirement.fullTimeHours(), requirement.partTimeWorkHours(), requirement.otherInsatserHours(),
                    requirement.capacityPercent(),
                    requirement.capacityReason() == null ? null : requirement.capacityReason().name(),
                    requirement.medicalCertificateDate(), requirement.requiredHours(), form.deviationReason());
        }
        version.agreedWithClient(clock.instant());
        plans.save(plan);
        versions.save(version);
        PlanActivityForm.VARIABLES.forEach(execution::removeVariable);
        // The version holds the texts; a revision is pre-filled from it (StartFollowUpListener), not from the process.
        JourneyProcess.removePlanTexts(execution);
        if (covered) {
            Optional<PlanVersion> previous = versions.findByPlanIdAndVersionNumber(plan.getId(),
                    version.getVersionNumber() - 1);
            // What AF is told (categories, interventions, hours), not who carries them out.
            boolean changed = previous.map(p -> !described(p).equals(described(version))
                            || !p.getJobSearchHours().equals(version.getJobSearchHours()))
                    .orElse(true);
            // Stegvis must tell AF about a covered client's activities: once per plan version (the outbox's key).
            if (changed) {
                afNotices.planActivitiesChanged(plan.getId(), version.getVersionNumber(), clientId, form.describe(),
                        execution.getProcessInstanceId());
            }
        }
        execution.setVariable(PLAN_ID, plan.getId().toString());
        execution.setVariable(PLAN_VERSION, version.getVersionNumber());
        // A later revision starts from an unticked agreement and a new reason; the next follow-up from "no revision".
        execution.removeVariable(PLAN_CHANGE_REASON);
        execution.removeVariable(AGREED_WITH_CLIENT);
        execution.removeVariable(REVISE_PLAN);
        LocalDate today = LocalDate.now(clock);
        if (version.getVersionNumber() == 1) {
            execution.setVariable(PLACEMENT_IDS, placementsFor(journeyId, interventions, today));
        } else {
            // A revision: the interventions it adds to the previous version start now, beside what runs.
            List<PlacementType> before = versions.findByPlanIdAndVersionNumber(plan.getId(), version.getVersionNumber() - 1)
                    .map(PlanVersion::getInterventions).orElse(List.of());
            List<PlacementType> added = interventions.stream().filter(t -> !before.contains(t)).toList();
            execution.setVariable(NEW_PLACEMENT_IDS, placementsFor(journeyId, added, today));
        }
    }

    private List<String> placementsFor(UUID journeyId, List<PlacementType> types, LocalDate requestedOn) {
        List<String> ids = new ArrayList<>();
        for (PlacementType type : types) {
            ids.add(placements.save(new Placement(journeyId, type, requestedOn)).getId().toString());
        }
        return ids;
    }

    private static List<String> described(PlanVersion version) {
        return version.getActivities().stream().map(se.stegvis.journey.domain.PlanActivity::describe).toList();
    }

    static List<PlanStep> steps(String text) {
        return PlanSteps.parse(text);
    }
}
