package se.stegvis.journey;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.application.domain.Reduction;
import se.stegvis.application.domain.ReductionRepository;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.ExitFollowUpRepository;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyPhase;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.MappingRepository;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionLetter;
import se.stegvis.journey.domain.SanctionLetterRepository;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.journey.domain.SanctionStatus;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.SfiRight;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;

/**
 * Reads a journey as a whole ({@link JourneyOverview}) from what is recorded, for the journey API and for the
 * caseworker's basis in "Utred ansökan". The phase is derived ({@link JourneyPhase}); the open tasks come from the
 * engine (the journey and its placements share the journey's id as business key).
 */
@Service
@Transactional(readOnly = true)
public class JourneyOverviewService {

    private final JourneyRepository journeys;
    private final MappingRepository mappings;
    private final IndividualPlanRepository plans;
    private final PlanVersionRepository versions;
    private final PlacementRepository placements;
    private final PlacementProviderRepository providers;
    private final StepAssessmentRepository assessments;
    private final SanctionRepository sanctions;
    private final SanctionLetterRepository sanctionLetters;
    private final ReductionRepository reductions;
    private final JourneyExitRepository exits;
    private final ExitFollowUpRepository exitFollowUps;
    private final TaskService taskService;
    private final ActivityRequirementService activityRequirement;
    private final SfiRights sfiRights;
    private final Clock clock;

    public JourneyOverviewService(JourneyRepository journeys, MappingRepository mappings, IndividualPlanRepository plans,
                                  PlanVersionRepository versions, PlacementRepository placements,
                                  PlacementProviderRepository providers, StepAssessmentRepository assessments,
                                  SanctionRepository sanctions, SanctionLetterRepository sanctionLetters,
                                  ReductionRepository reductions,
                                  JourneyExitRepository exits, ExitFollowUpRepository exitFollowUps,
                                  TaskService taskService, ActivityRequirementService activityRequirement,
                                  SfiRights sfiRights, Clock clock) {
        this.journeys = journeys;
        this.mappings = mappings;
        this.plans = plans;
        this.versions = versions;
        this.placements = placements;
        this.providers = providers;
        this.assessments = assessments;
        this.sanctions = sanctions;
        this.sanctionLetters = sanctionLetters;
        this.reductions = reductions;
        this.exits = exits;
        this.exitFollowUps = exitFollowUps;
        this.taskService = taskService;
        this.activityRequirement = activityRequirement;
        this.sfiRights = sfiRights;
        this.clock = clock;
    }

    public Journey journey(UUID journeyId) {
        return journeys.findById(journeyId).orElseThrow(() -> new NotFoundException("Klientresan finns inte."));
    }

    public JourneyOverview overview(UUID journeyId) {
        return overview(journey(journeyId));
    }

    /** The client's journeys, the latest first. */
    public List<Journey> journeysOf(UUID clientId) {
        return journeys.findByClientIdOrderByStartedAt(clientId).stream()
                .sorted(Comparator.comparing(Journey::getStartedAt).reversed()).toList();
    }

    /** The journey that counts for the client now: the active one, else the latest ended one. */
    public Optional<JourneyOverview> current(UUID clientId) {
        return journeys.findByClientIdAndStatus(clientId, se.stegvis.journey.domain.JourneyStatus.AKTIV)
                .or(() -> journeysOf(clientId).stream().findFirst())
                .map(this::overview);
    }

    /** Every sanction in any of the client's journeys, oldest first: the caseworker sees them all. */
    public List<JourneyOverview.SanctionSummary> sanctionsOf(UUID clientId) {
        return journeys.findByClientIdOrderByStartedAt(clientId).stream()
                .flatMap(j -> sanctions.findByJourneyIdOrderByProposedAt(j.getId()).stream())
                .map(this::sanction)
                .toList();
    }

    public JourneyOverview overview(Journey journey) {
        UUID id = journey.getId();
        Optional<Mapping> mapping = mappings.findFirstByJourneyIdOrderByMappedAtDesc(id);
        Optional<IndividualPlan> plan = plans.findByJourneyId(id);
        Optional<PlanVersion> version = plan.filter(p -> p.getCurrentVersion() > 0)
                .flatMap(p -> versions.findByPlanIdAndVersionNumber(p.getId(), p.getCurrentVersion()));
        List<Placement> all = placements.findByJourneyIdOrderByRequestedOn(id);
        List<StepAssessment> steps = assessments.findByJourneyIdOrderByAssessedOnAscCreatedAtAsc(id);
        List<Sanction> journeySanctions = sanctions.findByJourneyIdOrderByProposedAt(id);
        Optional<JourneyExit> exit = exits.findByJourneyId(id);
        JourneyPhase phase = phase(journey, mapping.isPresent(), version.isPresent(), all);

        return new JourneyOverview(id, journey.getClientId(), journey.getStatus().name(), journey.getStatus().label(),
                journey.getStartedAt(), journey.getStartedBy(), journey.getEndedAt().orElse(null),
                phase.name(), phase.label(), mapping.map(Mapping::getMappedAt).orElse(null),
                version.map(v -> plan(v)).orElse(null),
                all.stream().map(this::placement).toList(),
                steps.isEmpty() ? null : step(steps.get(steps.size() - 1)),
                journeySanctions.stream().filter(s -> s.getStatus() != SanctionStatus.BESLUTAD).map(this::sanction).toList(),
                journeySanctions.stream().filter(s -> s.getStatus() == SanctionStatus.BESLUTAD).map(this::sanction).toList(),
                exit.map(this::exit).orElse(null),
                openTasks(id),
                activityRequirement.status(journey.getClientId()),
                sfiRights.ofJourney(id).map(this::sfiRight).orElse(null));
    }

    private JourneyOverview.SfiRightSummary sfiRight(SfiRight right) {
        return new JourneyOverview.SfiRightSummary(right.firstAdmission(), right.clockStart(), right.endsOn(),
                right.coversDay(LocalDate.now(clock)), right.extensions(), right.nextExtensionLimit().orElse(null),
                right.latestPossibleEnd(), right.followUpOn());
    }

    /** See {@link JourneyPhase}: the ended status first, then what is recorded. */
    static JourneyPhase phase(Journey journey, boolean mapped, boolean planned, List<Placement> placements) {
        if (!journey.isActive()) {
            return JourneyPhase.AVSLUTAD;
        }
        if (!mapped) {
            return JourneyPhase.KARTLAGGNING;
        }
        if (!planned) {
            return JourneyPhase.PLANERING;
        }
        List<Placement> notEnded = placements.stream().filter(p -> p.getEndDate().isEmpty()).toList();
        if (notEnded.stream().anyMatch(p -> p.getStartDate().isPresent())) {
            return JourneyPhase.I_INSATS;
        }
        return notEnded.isEmpty() ? JourneyPhase.UPPFOLJNING : JourneyPhase.VANTAR_PA_INSATS;
    }

    private JourneyOverview.Plan plan(PlanVersion v) {
        return new JourneyOverview.Plan(v.getPlanId(), v.getVersionNumber(), v.getGoal().name(), v.getGoal().label(),
                v.getGoalOccupation().orElse(null),
                v.getInterventions().stream().map(PlacementType::name).toList(),
                v.getSteps().stream().map(s -> new JourneyOverview.Step(s.getDescription(), s.getDueDate().orElse(null)))
                        .toList(),
                v.getAgreedWithClientAt().orElse(null), v.getChangeReason().orElse(null),
                v.getActivities().stream().map(a -> new JourneyOverview.Activity(a.getCategory().name(),
                        a.getCategory().label(), a.getPlacementType().map(Enum::name).orElse(null),
                        a.getHoursPerWeek(), a.getProviderId().flatMap(providers::findById)
                                .map(pr -> new JourneyOverview.Provider(pr.getId(), pr.getName(), pr.getKind().name()))
                                .orElse(null))).toList(),
                v.getJobSearchHours().orElse(null), v.getRequiredHoursPerWeek().orElse(null),
                v.getPlannedHoursPerWeek().orElse(null), v.getDeviationReason().orElse(null));
    }

    private JourneyOverview.PlacementSummary placement(Placement p) {
        JourneyOverview.Provider provider = p.getProviderId().flatMap(providers::findById)
                .map(pr -> new JourneyOverview.Provider(pr.getId(), pr.getName(), pr.getKind().name()))
                .orElse(null);
        return new JourneyOverview.PlacementSummary(p.getId(), p.getType().name(), p.getType().label(),
                placementStatus(p), provider, p.getRequestedOn(), p.getMatchedOn().orElse(null),
                p.getStartDate().orElse(null), p.getEndDate().orElse(null),
                p.getOutcome().map(Enum::name).orElse(null), p.getOutcome().map(o -> o.label()).orElse(null),
                p.getSwitchedToFlexSfiOn().orElse(null), p.getSfiFirstAdmission().orElse(null),
                p.getInterruptionGround().map(Enum::name).orElse(null));
    }

    /** BEGARD, MATCHAD, PAGAR or AVSLUTAD, from the placement's dates. */
    public static String placementStatus(Placement p) {
        if (p.getEndDate().isPresent()) {
            return "AVSLUTAD";
        }
        if (p.getStartDate().isPresent()) {
            return "PAGAR";
        }
        return p.getMatchedOn().isPresent() ? "MATCHAD" : "BEGARD";
    }

    private JourneyOverview.StepSummary step(StepAssessment a) {
        return new JourneyOverview.StepSummary(a.getStep().level(), a.getStep().label(), a.getAssessedOn(), a.getCoach(),
                a.getReason());
    }

    private JourneyOverview.SanctionSummary sanction(Sanction s) {
        return new JourneyOverview.SanctionSummary(s.getId(), s.getPlacementId().orElse(null), s.getStatus().name(),
                s.getStatus().label(), s.getProposedAmount(), s.getResponseDue().orElse(null),
                s.getClientResponse().isPresent(), s.getDecision().map(Enum::name).orElse(null),
                s.getDecidedAmount().orElse(null),
                s.getReductionId().flatMap(reductions::findById).map(Reduction::getMonth).orElse(null),
                sanctionLetters.existsBySanctionIdAndKind(s.getId(), SanctionLetter.Kind.KOMMUNICERING)
                        ? JourneyOverview.SANCTIONS + "/" + s.getId() + "/kommunicering" : null,
                sanctionLetters.existsBySanctionIdAndKind(s.getId(), SanctionLetter.Kind.BESLUT)
                        ? JourneyOverview.SANCTIONS + "/" + s.getId() + "/brev" : null,
                s.isUnderActivityRequirement(), s.getExcuse().isPresent());
    }

    private JourneyOverview.Exit exit(JourneyExit e) {
        return new JourneyOverview.Exit(e.getReason().name(), e.getReason().label(), e.getExitDate(), e.followUpDue(),
                exitFollowUps.findByExitId(e.getId())
                        .map(f -> new JourneyOverview.ExitFollowUpSummary(f.getFollowedUpOn(), f.isInWorkOrStudies(),
                                f.hasReturnedToAssistance()))
                        .orElse(null));
    }

    private List<JourneyOverview.OpenTask> openTasks(UUID journeyId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(journeyId.toString())
                .orderByTaskCreateTime().asc().list().stream()
                .map(t -> new JourneyOverview.OpenTask(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getAssignee(),
                        t.getDueDate() == null ? null : t.getDueDate().toInstant()))
                .toList();
    }
}
