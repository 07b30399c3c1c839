package se.stegvis.journey.process;

import org.camunda.bpm.engine.variable.value.StringValue;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.journey.ReturnToAssistance;
import se.stegvis.journey.SanctionLetters;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.SfiRight;
import se.stegvis.placement.process.ShowSfiRightListener;
import se.stegvis.journey.SanctionDecisionRules;
import se.stegvis.journey.SanctionService;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.ExitFollowUpRepository;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.FollowUpConversation;
import se.stegvis.journey.domain.FollowUpConversationRepository;
import se.stegvis.journey.domain.IndividualPlan;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.MappingRepository;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionDecision;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.journey.domain.Step;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.client.process.JourneyStartMessage;
import se.stegvis.journey.ClientJourneyService;
import se.stegvis.journey.JourneyService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResultType;

/**
 * The client journey, path by path, with the real delegates and the real decision insatsval; the repositories and
 * the sanction service are mocks. The placement process (arbetsforberedande-insats) is a test-only stand-in that
 * honours the contract: in journeyId and placementId, out placementOutcome.
 */
@Deployment(resources = {"processes/klientresa.bpmn", "processes/insatsval.dmn", "forms/kartlaggning.form",
        "forms/individuell-planering.form", "forms/uppfoljningssamtal.form", "forms/missat-uppfoljningssamtal.form",
        "forms/avsluta-arende.form", "forms/uppfoljning-efter-avslut.form", "forms/besluta-nedsattning.form",
        "forms/folj-upp-af-besked.form"})
class JourneyProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(0.95)
            .build();

    static final String PLACEMENT_TASK = "UserTask_PlacementStandIn";

    ProcessEngine processEngine;
    final UUID journeyId = UUID.randomUUID();
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    final MappingRepository mappings = mock(MappingRepository.class);
    final IndividualPlanRepository plans = mock(IndividualPlanRepository.class);
    final PlanVersionRepository versions = mock(PlanVersionRepository.class);
    final PlacementRepository placements = mock(PlacementRepository.class);
    final StepAssessmentRepository assessments = mock(StepAssessmentRepository.class);
    final JourneyRepository journeys = mock(JourneyRepository.class);
    final JourneyExitRepository exits = mock(JourneyExitRepository.class);
    final ExitFollowUpRepository exitFollowUps = mock(ExitFollowUpRepository.class);
    final FollowUpConversationRepository conversations = mock(FollowUpConversationRepository.class);
    final Map<String, FollowUpConversation> recordedConversations = new java.util.LinkedHashMap<>();
    final SanctionService sanctionService = mock(SanctionService.class);
    final SanctionRepository sanctions = mock(SanctionRepository.class);
    final SanctionLetters sanctionLetters = mock(SanctionLetters.class);
    final SfiRights sfiRights = mock(SfiRights.class);
    final ReturnToAssistance returnToAssistance = mock(ReturnToAssistance.class);
    final se.stegvis.activity.ActivityRequirementService activityRequirement =
            mock(se.stegvis.activity.ActivityRequirementService.class);
    final se.stegvis.integration.arbetsformedlingen.ArbetsformedlingenNotices afNotices =
            mock(se.stegvis.integration.arbetsformedlingen.ArbetsformedlingenNotices.class);
    final List<PlanVersion> savedVersions = new ArrayList<>();
    final Journey journey = new Journey(UUID.randomUUID(), Instant.parse("2026-10-01T08:00:00Z"), "coach1");
    final List<Placement> createdPlacements = new ArrayList<>();
    final List<Sanction> proposed = new ArrayList<>();
    /** Whether the client is covered by the aktivitetskrav when a reduction is proposed (SanctionService decides). */
    boolean covered;
    final SanctionDecisionRules decisionRules = new SanctionDecisionRules(7, clock);
    final se.stegvis.integration.arbetsformedlingen.InboundNotices afInbound =
            mock(se.stegvis.integration.arbetsformedlingen.InboundNotices.class);
    final JourneyService journeyService = mock(JourneyService.class);
    final ClientJourneyService clientJourneys = mock(ClientJourneyService.class);
    IndividualPlan plan;
    JourneyExit exit;
    String placementDeployment;

    @BeforeEach
    void setUp() {
        init(processEngine);
        // The placement's contract: journeyId and placementId in, placementOutcome out, and the escalation
        // ArbeteEllerStudier when it ended in work or studies.
        BpmnModelInstance standIn = Bpmn.createExecutableProcess(PLACEMENT_PROCESS_KEY).name("Insats (testets ersättare)")
                .camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_PlacementStandIn").name("Insats begärd")
                .userTask(PLACEMENT_TASK).name("Insatsen pågår").camundaCandidateGroups(StegvisGroups.COACH)
                .exclusiveGateway("Gateway_StandInWorkOrStudies").name("Arbete eller studier?")
                .condition("nej", "${placementOutcome != 'ARBETE' && placementOutcome != 'STUDIER'}")
                .endEvent("EndEvent_PlacementStandIn").name("Insats avslutad")
                .moveToNode("Gateway_StandInWorkOrStudies")
                .condition("ja", "${placementOutcome == 'ARBETE' || placementOutcome == 'STUDIER'}")
                .intermediateThrowEvent("ThrowEvent_StandInWorkOrStudies").escalation(ESCALATION_WORK_OR_STUDIES)
                .endEvent("EndEvent_StandInWorkOrStudies")
                .done();
        placementDeployment = repositoryService().createDeployment().addModelInstance("arbetsforberedande-insats.bpmn", standIn)
                .deploy().getId();

        when(mappings.save(any())).thenAnswer(i -> i.getArgument(0));
        when(plans.findByJourneyId(journeyId)).thenAnswer(i -> Optional.ofNullable(plan));
        when(plans.save(any())).thenAnswer(i -> plan = i.getArgument(0));
        when(versions.save(any())).thenAnswer(i -> {
            savedVersions.add(i.getArgument(0));
            return i.getArgument(0);
        });
        when(versions.findByPlanIdAndVersionNumber(any(), org.mockito.ArgumentMatchers.anyInt())).thenAnswer(i ->
                savedVersions.stream().filter(v -> v.getVersionNumber() == (int) i.getArgument(1)).findFirst());
        when(placements.save(any())).thenAnswer(i -> {
            createdPlacements.add(i.getArgument(0));
            return i.getArgument(0);
        });
        when(placements.findById(any())).thenAnswer(i ->
                createdPlacements.stream().filter(pl -> pl.getId().equals(i.getArgument(0))).findFirst());
        when(placements.findByJourneyIdAndEndDateIsNull(journeyId)).thenAnswer(i ->
                createdPlacements.stream().filter(pl -> pl.getEndDate().isEmpty()).toList());
        when(returnToAssistance.grantedMonthsAfter(any())).thenReturn(List.of());
        when(assessments.save(any())).thenAnswer(i -> i.getArgument(0));
        when(journeys.findById(journeyId)).thenReturn(Optional.of(journey));
        when(exits.save(any())).thenAnswer(i -> exit = i.getArgument(0));
        when(exits.findById(any())).thenAnswer(i -> Optional.ofNullable(exit));
        when(exitFollowUps.save(any())).thenAnswer(i -> i.getArgument(0));
        when(sanctionService.propose(eq(journeyId), any(), anyString(), anyLong(), any(), anyString())).thenAnswer(i -> {
            Sanction s = new Sanction(journeyId, i.getArgument(1), i.getArgument(2), i.getArgument(3), i.getArgument(5),
                    clock.instant(), covered, i.getArgument(4));
            proposed.add(s);
            return s;
        });
        when(sanctions.findById(any())).thenAnswer(i -> proposed.stream().filter(s -> s.getId().equals(i.getArgument(0))).findFirst());
        when(sanctionService.receivesAssistance(any())).thenReturn(true);
        when(sanctionService.find(any())).thenAnswer(i -> proposed.stream().filter(s -> s.getId().equals(i.getArgument(0))).findFirst());
        when(placements.findById(any())).thenAnswer(i -> createdPlacements.stream().filter(p -> p.getId().equals(i.getArgument(0))).findFirst());

        when(conversations.save(any())).thenAnswer(i -> {
            FollowUpConversation c = i.getArgument(0);
            recordedConversations.put(c.getTaskId(), c);
            return c;
        });
        when(conversations.findById(any())).thenAnswer(i -> Optional.ofNullable(recordedConversations.get(i.getArgument(0))));

        Mocks.register("claimRequiredListener", new ClaimRequiredListener(processEngine.getIdentityService()));
        Mocks.register("followUpConversationRecorder", new FollowUpConversationRecorder(conversations, clock));
        Mocks.register("recordMappingDelegate", new RecordMappingDelegate(mappings, clock));
        Mocks.register("summarizeProposalsListener", new SummarizeProposalsListener());
        // Not covered by the aktivitetskrav: the plan records hours, nothing is refused for them (see ActivityPlanFlowTest).
        when(activityRequirement.status(any())).thenReturn(new se.stegvis.activity.ActivityRequirementStatus(false, null,
                null, null, null, true, "Har inte fått försörjningsstöd 3 månader i följd fram till nu."));
        when(activityRequirement.extent()).thenReturn(new se.stegvis.activity.ActivityExtent(
                se.stegvis.activity.ActivityRequirementSettings.defaults()));
        when(activityRequirement.fullTimeHoursPerWeek()).thenReturn(40);
        Mocks.register("showActivityRequirementListener", new ShowActivityRequirementListener(activityRequirement,
                new se.stegvis.journey.PlanReads(journeys, plans, versions)));
        Mocks.register("recordPlanDelegate", new RecordPlanDelegate(plans, versions, placements, journeys,
                activityRequirement, afNotices, new se.stegvis.journey.PlanActivityProviders(plans, versions, placements),
                clock));
        Mocks.register("recordStepAssessmentDelegate", new RecordStepAssessmentDelegate(assessments, clock));
        PlacementService placementService = new PlacementService(placements, mock(PlacementProviderRepository.class),
                mock(AttendanceRepository.class), clock);
        Mocks.register("recordExitDelegate", new RecordExitDelegate(journeys, exits, placementService, assessments, clock));
        Mocks.register("exitFromPlacementDelegate", new ExitFromPlacementDelegate(placementService));
        Mocks.register("checkReturnToAssistanceDelegate", new CheckReturnToAssistanceDelegate(exits, returnToAssistance));
        Mocks.register("recordExitFollowUpDelegate", new RecordExitFollowUpDelegate(exits, exitFollowUps, returnToAssistance, clock));
        Mocks.register("startFollowUpListener", new StartFollowUpListener(new se.stegvis.journey.PlanReads(journeys, plans, versions)));
        Mocks.register("proposeSanctionDelegate", new ProposeSanctionDelegate(sanctionService, sanctions, sanctionLetters,
                decisionRules, clock, 100, 1_000));
        Mocks.register("recordClientResponseDelegate", new RecordClientResponseDelegate(sanctions, clock));
        Mocks.register("decideSanctionDelegate", new DecideSanctionDelegate(sanctionService, clock));
        // The decision's rules run for real against the proposed sanctions; recording is the mock's.
        when(sanctionService.check(any(), any())).thenAnswer(i -> decisionRules.check(
                proposed.stream().filter(s -> s.getId().equals(i.getArgument(0))).findFirst().orElseThrow(),
                i.getArgument(1)));
        when(sanctionService.decide(any(), any(SanctionDecisionRules.Input.class), anyString())).thenAnswer(i -> {
            Sanction s = proposed.stream().filter(x -> x.getId().equals(i.getArgument(0))).findFirst().orElseThrow();
            SanctionDecisionRules.Checked c = decisionRules.check(s, i.getArgument(1));
            s.decide(c.decision(), c.amount(), c.reasons(), c.excuse(), i.getArgument(2), clock.instant(),
                    LocalDate.now(clock).plusYears(1));
            return s;
        });
        Mocks.register("validateSanctionDecisionListener", new ValidateSanctionDecisionListener(sanctionService, clock));
        Mocks.register("validateArbetsformedlingenFollowUpListener", new ValidateArbetsformedlingenFollowUpListener());
        Mocks.register("recordArbetsformedlingenFollowUpDelegate", new RecordArbetsformedlingenFollowUpDelegate(afInbound));
        Mocks.register("createReductionLetterDelegate", new CreateReductionLetterDelegate(sanctionLetters));
        when(sfiRights.describe(any())).thenReturn("Ingen antagning till SFI är registrerad för klienten.");
        Mocks.register("showSfiRightListener", new ShowSfiRightListener(sfiRights));
        Mocks.register("validatePlanListener", new ValidatePlanListener(processEngine.getIdentityService(), sfiRights,
                new se.stegvis.journey.PlanReads(journeys, plans, versions), activityRequirement, clock));
        Mocks.register("registerJourneyDelegate", new RegisterJourneyDelegate(journeyService));
        Mocks.register("checkActivityRequirementDelegate", new CheckActivityRequirementDelegate(clientJourneys));
    }

    // ------------------------------------------------------------------ a grant reaches the journey by message

    @Test
    void aGrantWithoutARunningJourneyStartsOneByMessage() {
        UUID clientId = UUID.randomUUID();
        Journey registered = mock(Journey.class);
        when(registered.getId()).thenReturn(journeyId);
        when(journeyService.registerOnGrant(eq(clientId), anyString())).thenReturn(Optional.of(registered));
        when(journeyService.vars(journeyId, clientId)).thenReturn(Map.of(JOURNEY_ID, journeyId.toString(),
                CLIENT_ID, clientId.toString(), FOLLOW_UP_CYCLE, DEFAULT_FOLLOW_UP_CYCLE,
                FOLLOW_UP_GRACE, DEFAULT_FOLLOW_UP_GRACE, COMMUNICATION_TIME, DEFAULT_COMMUNICATION_TIME));

        var result = JourneyStartMessage.send(runtimeService(), clientId);

        Assertions.assertThat(result.getResultType()).isEqualTo(MessageCorrelationResultType.ProcessDefinition);
        ProcessInstance pi = result.getProcessInstance();
        // The message carries the client's id; the journey is recorded in the message's own transaction (the job of
        // "Starta klientresan"), and the aktivitetskrav, which notifies Arbetsförmedlingen, waits for a job of its own.
        assertThat(pi).hasPassed(START_ON_GRANT, TASK_REGISTER_JOURNEY).isWaitingAt(TASK_CHECK_ACTIVITY_REQUIREMENT);
        verify(journeyService).registerOnGrant(clientId, pi.getId());
        Assertions.assertThat(jobQuery().processInstanceId(pi.getId()).activityId(TASK_REGISTER_JOURNEY).count())
                .as("no job of its own").isZero();
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
                .getBusinessKey()).isEqualTo(journeyId.toString());
        assertThat(pi).isWaitingAt(TASK_CHECK_ACTIVITY_REQUIREMENT);
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());
        verify(clientJourneys).checkActivityRequirement(clientId);
        assertThat(pi).isWaitingAt(TASK_MAPPING).variables().containsEntry(JOURNEY_ID, journeyId.toString())
                .containsEntry(NEW_JOURNEY, true).containsEntry(FOLLOW_UP_CYCLE, DEFAULT_FOLLOW_UP_CYCLE);
    }

    @Test
    void aRegistrationThatFailsFailsTheMessageAndLeavesNoJourneyBehind() {
        // "Registrera klientresan" runs in the transaction that sends the message (the job of "Starta klientresan"):
        // its failure is that job's failure, and the job's retry starts from nothing.
        UUID clientId = UUID.randomUUID();
        when(journeyService.registerOnGrant(eq(clientId), anyString()))
                .thenThrow(new IllegalStateException("Klientresan kunde inte registreras"));

        Assertions.assertThatThrownBy(() -> JourneyStartMessage.send(runtimeService(), clientId))
                .hasMessageContaining("Klientresan kunde inte registreras");

        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
                .as("no journey instance is left waiting").isZero();
        Assertions.assertThat(jobQuery().count()).as("and no job of it").isZero();
        verify(clientJourneys, org.mockito.Mockito.never()).checkActivityRequirement(any());
    }

    @Test
    void aGrantWhileTheJourneyRunsReachesItAndStartsNothing() {
        UUID clientId = UUID.randomUUID();
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, journeyId.toString(), Map.of(
                JOURNEY_ID, journeyId.toString(), CLIENT_ID, clientId.toString(), FOLLOW_UP_CYCLE, DEFAULT_FOLLOW_UP_CYCLE,
                FOLLOW_UP_GRACE, DEFAULT_FOLLOW_UP_GRACE, COMMUNICATION_TIME, DEFAULT_COMMUNICATION_TIME));
        assertThat(pi).hasPassed(START_BY_COACH).isWaitingAt(TASK_MAPPING);

        var result = JourneyStartMessage.send(runtimeService(), clientId);

        Assertions.assertThat(result.getResultType()).isEqualTo(MessageCorrelationResultType.Execution);
        Assertions.assertThat(result.getExecution().getProcessInstanceId()).isEqualTo(pi.getId());
        Assertions.assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
                .as("no second journey").isEqualTo(1);
        assertThat(pi).isWaitingAt(TASK_MAPPING, TASK_CHECK_ACTIVITY_REQUIREMENT_ON_GRANT);
        execute(job(TASK_CHECK_ACTIVITY_REQUIREMENT_ON_GRANT));
        verify(clientJourneys).checkActivityRequirement(clientId);
        verify(journeyService, org.mockito.Mockito.never()).registerOnGrant(any(), any());
        assertThat(pi).hasPassed(END_NEW_GRANT_CHECKED).isWaitingAt(TASK_MAPPING);
    }

    @Test
    void aGrantWhenTheClientsJourneyIsActiveElsewhereRecordsNoJourney() {
        // E.g. a journey started before its instances kept the client's id: the message reaches no running instance,
        // and "Registrera klientresan" finds the active journey in Stegvis' tables.
        UUID clientId = UUID.randomUUID();
        when(journeyService.registerOnGrant(eq(clientId), anyString())).thenReturn(Optional.empty());

        ProcessInstance pi = JourneyStartMessage.send(runtimeService(), clientId).getProcessInstance();
        assertThat(pi).hasPassed(TASK_REGISTER_JOURNEY).isWaitingAt(TASK_CHECK_ACTIVITY_REQUIREMENT)
                .variables().containsEntry(NEW_JOURNEY, false);
        execute(jobQuery().processInstanceId(pi.getId()).singleResult());

        verify(clientJourneys).checkActivityRequirement(clientId);
        assertThat(pi).isEnded().hasPassed(TASK_CHECK_ACTIVITY_REQUIREMENT, END_JOURNEY_ALREADY_ACTIVE)
                .hasNotPassed(TASK_MAPPING);
        verify(journeyService, org.mockito.Mockito.never()).vars(any(), any());
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        processEngine.getIdentityService().clearAuthentication();
        repositoryService().deleteDeployment(placementDeployment, true);
        reset();
    }

    @Test
    void wholeJourneyFromMappingToTheSixMonthFollowUp() {
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);

        // The placements run one after another, each a call of arbetsforberedande-insats with its id.
        Assertions.assertThat(createdPlacements).extracting(Placement::getType)
                .containsExactly(PlacementType.PRAKTIK, PlacementType.KOMBINATIONSUTBILDNING);
        assertThat(pi).isWaitingAt(CALL_PLACEMENTS_IN_SEQUENCE, TASK_CLOSE_CASE);
        for (Placement placement : createdPlacements) {
            ProcessInstance called = calledPlacements(pi).get(0);
            Assertions.assertThat(calledPlacements(pi)).hasSize(1);
            assertThat(called).variables().containsEntry(JOURNEY_ID, journeyId.toString())
                    .containsEntry(PLACEMENT_ID, placement.getId().toString());
            Assertions.assertThat(called.getBusinessKey()).isEqualTo(journeyId.toString());
            placement.end(LocalDate.of(2026, 11, 20), PlacementOutcome.NASTA_STEG, null);
            complete(task(PLACEMENT_TASK, called), Variables.createVariables().putValue(PLACEMENT_OUTCOME, "NASTA_STEG"));
        }
        assertThat(pi).variables().containsEntry(LAST_ENDED_PLACEMENT, createdPlacements.get(1).getId().toString());
        assertThat(pi).hasPassed(END_PLACEMENTS_DONE).isWaitingAt(TASK_CLOSE_CASE);

        // Four weeks on: the follow-up conversation with a step assessment.
        execute(job(TIMER_FOLLOW_UP_DUE));
        assertThat(pi).isWaitingAt(TASK_FOLLOW_UP, TASK_CLOSE_CASE);
        Task followUp = taskQuery().taskDefinitionKey(TASK_FOLLOW_UP).singleResult();
        Assertions.assertThat(followUp.getDueDate()).isNotNull();
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().taskId(followUp.getId())
                .taskCandidateGroup(StegvisGroups.COACH).count()).isEqualTo(1);
        // Stegvis keeps its own record of the conversation (the key figure uppfoljning_i_tid reads it, not history).
        Assertions.assertThat(recordedConversations.get(followUp.getId())).satisfies(c -> {
            Assertions.assertThat(c.getJourneyId()).isEqualTo(journeyId);
            Assertions.assertThat(c.getDueAt()).isEqualTo(followUp.getDueDate().toInstant());
            Assertions.assertThat(c.getEndedAt()).isEmpty();
        });
        completeAs("coach1", TASK_FOLLOW_UP, Map.of(STEP, "3", STEP_REASON, "Praktiken går bra, fyra dagar i veckan.",
                REVISE_PLAN, false));
        Assertions.assertThat(recordedConversations.get(followUp.getId())).satisfies(c -> {
            Assertions.assertThat(c.isCompleted()).isTrue();
            Assertions.assertThat(c.getEndedAt()).contains(clock.instant());
        });
        execute(job(TASK_RECORD_STEP_ASSESSMENT));
        ArgumentCaptor<StepAssessment> assessment = ArgumentCaptor.forClass(StepAssessment.class);
        verify(assessments).save(assessment.capture());
        Assertions.assertThat(assessment.getValue().getStep()).isEqualTo(Step.ARBETSFORBEREDANDE_INSATS);
        Assertions.assertThat(assessment.getValue().getCoach()).isEqualTo("coach1");
        Assertions.assertThat(assessment.getValue().getAssessedOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(pi).hasPassed(END_FOLLOWED_UP).hasNotPassed(TASK_REVISE_PLAN);
        // The cycle goes on: the next conversation is already scheduled.
        Assertions.assertThat(managementService().createJobQuery().activityId(TIMER_FOLLOW_UP_DUE).count()).isEqualTo(1);

        // Exit into work, by the coach.
        completeAs("coach1", TASK_CLOSE_CASE, Map.of(EXIT_REASON, "ARBETE", EXIT_DATE, "2026-11-30",
                EXIT_NOTE, "Fast anställning som undersköterska."));
        assertThat(pi).hasPassed(END_CASE_CLOSED).isWaitingAt(TASK_RECORD_EXIT);
        Assertions.assertThat(managementService().createJobQuery().activityId(TIMER_FOLLOW_UP_DUE).count()).isZero();
        execute(job(TASK_RECORD_EXIT));
        Assertions.assertThat(journey.getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);
        Assertions.assertThat(exit.getReason()).isEqualTo(ExitReason.ARBETE);
        // The note is stored with the exit and does not wait six months in the engine (issue #13).
        Assertions.assertThat(exit.getNote()).contains("Fast anställning som undersköterska.");
        assertThat(pi).variables().doesNotContainKey(EXIT_NOTE);
        Assertions.assertThat(exit.getExitDate()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(pi).isWaitingAt(CATCH_SIX_MONTHS_AFTER_EXIT);
        Assertions.assertThat(job(CATCH_SIX_MONTHS_AFTER_EXIT).getDuedate())
                .isEqualTo(startOf(LocalDate.of(2027, 5, 30), clock.getZone()));

        clock.now = Instant.parse("2027-05-31T08:00:00Z");
        execute(job(CATCH_SIX_MONTHS_AFTER_EXIT));
        execute(job(TASK_CHECK_RETURN));
        assertThat(pi).isWaitingAt(TASK_EXIT_FOLLOW_UP).variables().containsEntry(RETURNED_TO_ASSISTANCE, false)
                .containsEntry(RETURN_MONTHS, "Inget beviljat bistånd efter avslutet.");
        // "Returned" is derived: a value sent with the form (as a REST client could) changes nothing.
        completeAs("coach1", TASK_EXIT_FOLLOW_UP, Map.of(IN_WORK_OR_STUDIES, true, RETURNED_TO_ASSISTANCE, true));
        execute(job(TASK_RECORD_EXIT_FOLLOW_UP));
        ArgumentCaptor<ExitFollowUp> followedUp = ArgumentCaptor.forClass(ExitFollowUp.class);
        verify(exitFollowUps).save(followedUp.capture());
        Assertions.assertThat(followedUp.getValue().isInWorkOrStudies()).isTrue();
        Assertions.assertThat(followedUp.getValue().hasReturnedToAssistance()).isFalse();
        Assertions.assertThat(followedUp.getValue().getExitId()).isEqualTo(exit.getId());
        assertThat(pi).isEnded().hasPassed(END_JOURNEY_ENDED);
    }

    @Test
    void aRevisionStartsTheNewInterventionsAndOneEndingInWorkEndsTheJourney() {
        ProcessInstance pi = mappedAndPlanned(ORDER_SIDE_BY_SIDE);
        assertThat(pi).isWaitingAt(CALL_PLACEMENTS_SIDE_BY_SIDE, TASK_CLOSE_CASE);
        Assertions.assertThat(calledPlacements(pi)).hasSize(2);

        // A follow-up revises the plan: nystartsjobb is added, the two running placements go on.
        execute(job(TIMER_FOLLOW_UP_DUE));
        Task followUp = taskQuery().taskDefinitionKey(TASK_FOLLOW_UP).singleResult();
        // The revision form starts from the current plan version (the database's, not a process variable).
        Assertions.assertThat(runtimeService().getVariable(followUp.getExecutionId(), PLAN_OCCUPATION)).isEqualTo("Undersköterska");
        Assertions.assertThat(runtimeService().getVariable(followUp.getExecutionId(), CHOSEN_INTERVENTIONS).toString())
                .isEqualTo("[\"PRAKTIK\",\"KOMBINATIONSUTBILDNING\"]");
        completeAs("coach1", TASK_FOLLOW_UP, Map.of(STEP, "3", STEP_REASON, "Praktiken går bra; arbetsgivaren kan anställa.", REVISE_PLAN, true));
        execute(job(TASK_RECORD_STEP_ASSESSMENT));
        completeAs("coach1", TASK_REVISE_PLAN, Map.of(PLAN_GOAL, "ARBETE", PLAN_OCCUPATION, "Undersköterska",
                PLAN_STEPS, "2027-01-15 Nystartsjobb på äldreboendet", CHOSEN_INTERVENTIONS,
                "[\"PRAKTIK\",\"KOMBINATIONSUTBILDNING\",\"NYSTARTSJOBB\"]",
                PLAN_CHANGE_REASON, "Arbetsgivaren erbjuder nystartsjobb.", AGREED_WITH_CLIENT, true));
        execute(job(TASK_RECORD_REVISION));
        Assertions.assertThat(savedVersions).extracting(PlanVersion::getVersionNumber).containsExactly(1, 2);
        Assertions.assertThat(savedVersions.get(1).getChangeReason()).contains("Arbetsgivaren erbjuder nystartsjobb.");
        Assertions.assertThat(createdPlacements).extracting(Placement::getType)
                .containsExactly(PlacementType.PRAKTIK, PlacementType.KOMBINATIONSUTBILDNING, PlacementType.NYSTARTSJOBB);
        Placement nystartsjobb = createdPlacements.get(2);
        assertThat(pi).isWaitingAt(CALL_PLACEMENTS_SIDE_BY_SIDE, CALL_NEW_PLACEMENTS, TASK_CLOSE_CASE)
                .variables().containsEntry(PLAN_VERSION, 2).doesNotContainKeys(NEW_PLACEMENT_IDS, STEP);
        Assertions.assertThat(calledPlacements(pi)).hasSize(3);
        ProcessInstance newOne = calledPlacements(pi).stream()
                .filter(c -> nystartsjobb.getId().toString().equals(runtimeService().getVariable(c.getId(), PLACEMENT_ID)))
                .findFirst().orElseThrow();

        // The nystartsjobb ends in work: the journey ends by itself, with the placement's outcome and end date.
        nystartsjobb.end(LocalDate.of(2027, 3, 31), PlacementOutcome.ARBETE, null);
        complete(task(PLACEMENT_TASK, newOne), Variables.createVariables().putValue(PLACEMENT_OUTCOME, "ARBETE"));
        assertThat(pi).hasPassed(BOUNDARY_WORK_OR_STUDIES).isWaitingAt(TASK_EXIT_FROM_PLACEMENT);
        Assertions.assertThat(calledPlacements(pi)).as("the other placements end with the journey").isEmpty();
        Assertions.assertThat(managementService().createJobQuery().activityId(TIMER_FOLLOW_UP_DUE).count())
                .as("the follow-up cycle ends").isZero();
        Assertions.assertThat(taskQuery().taskDefinitionKey(TASK_CLOSE_CASE).count()).isZero();
        execute(job(TASK_EXIT_FROM_PLACEMENT));
        execute(job(TASK_RECORD_EXIT));
        Assertions.assertThat(exit.getReason()).isEqualTo(ExitReason.ARBETE);
        Assertions.assertThat(exit.getExitDate()).isEqualTo(LocalDate.of(2027, 3, 31));
        Assertions.assertThat(exit.getRegisteredBy()).isEqualTo("arbetsforberedande-insats");
        Assertions.assertThat(journey.getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);
        ArgumentCaptor<StepAssessment> lastStep = ArgumentCaptor.forClass(StepAssessment.class);
        verify(assessments, org.mockito.Mockito.times(2)).save(lastStep.capture());
        Assertions.assertThat(lastStep.getValue().getStep()).isEqualTo(Step.OSUBVENTIONERAT_ARBETE_ELLER_REGULJARA_STUDIER);
        Assertions.assertThat(lastStep.getValue().getAssessedOn()).isEqualTo(LocalDate.of(2027, 3, 31));
        // The two others are interrupted on the exit day, so they give back their places.
        Assertions.assertThat(createdPlacements.subList(0, 2)).allSatisfy(other -> {
            Assertions.assertThat(other.getOutcome()).contains(PlacementOutcome.AVBRUTEN);
            Assertions.assertThat(other.getEndDate()).contains(LocalDate.of(2027, 3, 31));
        });
        assertThat(pi).isWaitingAt(CATCH_SIX_MONTHS_AFTER_EXIT);
        Assertions.assertThat(job(CATCH_SIX_MONTHS_AFTER_EXIT).getDuedate())
                .isEqualTo(startOf(LocalDate.of(2027, 9, 30), clock.getZone()));

        // Six months on, the household had applied and been granted again: shown and stored as returned.
        when(returnToAssistance.grantedMonthsAfter(exit)).thenReturn(List.of(java.time.YearMonth.of(2027, 6)));
        clock.now = Instant.parse("2027-10-01T08:00:00Z");
        execute(job(CATCH_SIX_MONTHS_AFTER_EXIT));
        execute(job(TASK_CHECK_RETURN));
        assertThat(pi).variables().containsEntry(RETURNED_TO_ASSISTANCE, true)
                .containsEntry(RETURN_MONTHS, "Beviljat bistånd för 2027-06.");
        completeAs("coach1", TASK_EXIT_FOLLOW_UP, Map.of(IN_WORK_OR_STUDIES, false, RETURNED_TO_ASSISTANCE, false));
        execute(job(TASK_RECORD_EXIT_FOLLOW_UP));
        ArgumentCaptor<ExitFollowUp> followedUp = ArgumentCaptor.forClass(ExitFollowUp.class);
        verify(exitFollowUps).save(followedUp.capture());
        Assertions.assertThat(followedUp.getValue().hasReturnedToAssistance()).isTrue();
        assertThat(pi).isEnded();
    }

    @Test
    void aPlacementEndingInStudiesInTurnEndsTheJourneyWithStudies() {
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        Placement first = createdPlacements.get(0);
        first.end(LocalDate.of(2026, 12, 18), PlacementOutcome.STUDIER, null);
        complete(task(PLACEMENT_TASK, calledPlacements(pi).get(0)), Variables.createVariables().putValue(PLACEMENT_OUTCOME, "STUDIER"));
        assertThat(pi).hasPassed(BOUNDARY_WORK_OR_STUDIES).hasNotPassed(END_PLACEMENTS_DONE);
        execute(job(TASK_EXIT_FROM_PLACEMENT));
        execute(job(TASK_RECORD_EXIT));
        Assertions.assertThat(exit.getReason()).isEqualTo(ExitReason.STUDIER);
        Assertions.assertThat(exit.getExitDate()).isEqualTo(LocalDate.of(2026, 12, 18));
        // The second placement never started: it ends too, without holding a place.
        Assertions.assertThat(createdPlacements.get(1).getOutcome()).contains(PlacementOutcome.AVBRUTEN);
        assertThat(pi).isWaitingAt(CATCH_SIX_MONTHS_AFTER_EXIT);
    }

    @Test
    void anExitByMessageEndsTheJourneyFromOutside() {
        ProcessInstance pi = mappedAndPlanned(ORDER_SIDE_BY_SIDE);
        runtimeService().createMessageCorrelation(MESSAGE_CLOSE_CASE).processInstanceBusinessKey(journeyId.toString())
                .setVariable(EXIT_REASON, "FLYTTAT").setVariable(EXIT_DATE, java.util.Date.from(clock.instant()))
                .correlate();
        assertThat(pi).hasPassed(BOUNDARY_CLOSE_REQUESTED).isWaitingAt(TASK_RECORD_EXIT);
        execute(job(TASK_RECORD_EXIT));
        Assertions.assertThat(exit.getReason()).isEqualTo(ExitReason.FLYTTAT);
        Assertions.assertThat(createdPlacements).allSatisfy(pl -> Assertions.assertThat(pl.getOutcome()).contains(PlacementOutcome.AVBRUTEN));
        assertThat(pi).isWaitingAt(CATCH_SIX_MONTHS_AFTER_EXIT);
    }

    @Test
    void anExitByMessageDuringTheMappingOrWhileItIsRecordedEndsTheJourney() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, journeyId.toString(), Map.of(
                JOURNEY_ID, journeyId.toString(), FOLLOW_UP_CYCLE, DEFAULT_FOLLOW_UP_CYCLE,
                FOLLOW_UP_GRACE, DEFAULT_FOLLOW_UP_GRACE, COMMUNICATION_TIME, DEFAULT_COMMUNICATION_TIME));
        assertThat(pi).isWaitingAt(TASK_MAPPING);
        runtimeService().createMessageCorrelation(MESSAGE_CLOSE_CASE).processInstanceBusinessKey(journeyId.toString())
                .setVariable(EXIT_REASON, "FLYTTAT").setVariable(EXIT_DATE, "2026-11-02").correlate();
        assertThat(pi).hasPassed(BOUNDARY_CLOSE_REQUESTED).hasNotPassed(TASK_RECORD_MAPPING).isWaitingAt(TASK_RECORD_EXIT);
        Assertions.assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        execute(job(TASK_RECORD_EXIT));
        Assertions.assertThat(exit.getReason()).isEqualTo(ExitReason.FLYTTAT);
        Assertions.assertThat(journey.getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);
        assertThat(pi).isWaitingAt(CATCH_SIX_MONTHS_AFTER_EXIT);
        // After the exit nobody listens any more: a second exit cannot start.
        Assertions.assertThat(runtimeService().createEventSubscriptionQuery().processInstanceId(pi.getId())
                .eventName(MESSAGE_CLOSE_CASE).count()).isZero();
    }

    @Test
    void anExitByMessageWhileTheMappingIsRecordedCancelsTheRecording() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, journeyId.toString(), Map.of(
                JOURNEY_ID, journeyId.toString(), FOLLOW_UP_CYCLE, DEFAULT_FOLLOW_UP_CYCLE,
                FOLLOW_UP_GRACE, DEFAULT_FOLLOW_UP_GRACE, COMMUNICATION_TIME, DEFAULT_COMMUNICATION_TIME));
        completeAs("coach1", TASK_MAPPING, Variables.createVariables()
                .putValue(Mapping.IN_EDUCATION_LEVEL, "GYMNASIAL").putValue(Mapping.IN_OWN_GOAL, "ARBETE"));
        assertThat(pi).isWaitingAt(TASK_RECORD_MAPPING);
        runtimeService().createMessageCorrelation(MESSAGE_CLOSE_CASE).processInstanceBusinessKey(journeyId.toString())
                .setVariable(EXIT_REASON, "ARBETE").setVariable(EXIT_DATE, "2026-11-02").correlate();
        Assertions.assertThat(managementService().createJobQuery().activityId(TASK_RECORD_MAPPING).count()).isZero();
        execute(job(TASK_RECORD_EXIT));
        Assertions.assertThat(exit.getReason()).isEqualTo(ExitReason.ARBETE);
        verify(mappings, org.mockito.Mockito.never()).save(any());
        assertThat(pi).isWaitingAt(CATCH_SIX_MONTHS_AFTER_EXIT);
    }

    @Test
    void anAbsenceFromAPlacementsAttendanceProposesTheDaysTimesTheAmountPerDay() {
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        UUID placementId = createdPlacements.get(0).getId();
        // What the placement's "Registrera närvaro" sends: the days and a description, no amount.
        runtimeService().createMessageCorrelation(MESSAGE_ABSENCE).processInstanceVariableEquals(JOURNEY_ID, journeyId.toString())
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(PLACEMENT_ID, placementId.toString())
                        .putValue(ABSENCE_MONTH, "2026-11").putValue(ABSENCE_DAYS, 4)
                        .putValue(ABSENCE_DESCRIPTION, "Frånvaro utan godtagbart skäl 4 av 20 planerade dagar i 2026-11 (närvarorapport).")
                        .putValue(REPORTED_BY, "handledare1"))
                .correlateAllWithResult();
        Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet())
                .doesNotContain(ABSENCE_DAYS, ABSENCE_MONTH, ABSENCE_DESCRIPTION, REPORTED_BY);
        execute(job(TASK_PROPOSE_SANCTION));
        Assertions.assertThat(proposed).singleElement().satisfies(sanction -> {
            Assertions.assertThat(sanction.getProposedAmount()).isEqualTo(400);
            Assertions.assertThat(sanction.getPlacementId()).contains(placementId);
            Assertions.assertThat(sanction.getAbsenceDescription()).contains("4 av 20 planerade dagar");
        });
        verify(sanctionService).propose(eq(journeyId), eq(placementId), anyString(), eq(400L), eq(4), eq("handledare1"));
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_CLIENT_RESPONSE);
        execute(job(CATCH_RESPONSE_TIME_OVER));
        Task decideLater = taskQuery().taskDefinitionKey(TASK_DECIDE_SANCTION).singleResult();
        Assertions.assertThat(processEngine.getTaskService().getVariable(decideLater.getId(), PROPOSED_AMOUNT)).isEqualTo(400L);
    }

    @Test
    void aPlacementDeclinedWithoutGodtagbartSkalProposesTheAmountForADeclinedPlacement() {
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        UUID placementId = createdPlacements.get(0).getId();
        // What the placement's "Föreslå nedsättning i klientresan" sends: the ground and a description, no amount or days.
        runtimeService().createMessageCorrelation(MESSAGE_ABSENCE).processInstanceVariableEquals(JOURNEY_ID, journeyId.toString())
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(PLACEMENT_ID, placementId.toString())
                        .putValue(DECLINED_PLACEMENT, "AVBOJD")
                        .putValue(ABSENCE_DESCRIPTION, "Klienten avböjde insatsen Praktik (avslutad 2026-11-20).")
                        .putValue(REPORTED_BY, "coach1"))
                .correlateAllWithResult();
        Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet()).doesNotContain(DECLINED_PLACEMENT);
        execute(job(TASK_PROPOSE_SANCTION));
        Assertions.assertThat(proposed).singleElement().satisfies(sanction -> {
            Assertions.assertThat(sanction.getProposedAmount()).isEqualTo(1_000);
            Assertions.assertThat(sanction.getPlacementId()).contains(placementId);
            Assertions.assertThat(sanction.getAbsenceDescription()).isEqualTo("Klienten avböjde insatsen Praktik (avslutad 2026-11-20).");
        });
        assertThat(pi).isWaitingAt(GATEWAY_AWAIT_CLIENT_RESPONSE);
    }

    @Test
    void anAbsenceWithNeitherAmountNorDaysIsAReadableIncident() {
        mappedAndPlanned(ORDER_IN_SEQUENCE);
        runtimeService().createMessageCorrelation(MESSAGE_ABSENCE).processInstanceBusinessKey(journeyId.toString())
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(ABSENCE_DESCRIPTION, "Uteblev."))
                .correlate();
        Assertions.assertThatThrownBy(() -> managementService().executeJob(job(TASK_PROPOSE_SANCTION).getId()))
                .hasMessageContaining("varken föreslaget belopp").hasMessageContaining(ABSENCE_DAYS);
        Assertions.assertThat(proposed).isEmpty();
    }

    @Test
    void twoFollowUpsCompletedCloseTogetherKeepTheirOwnAnswers() {
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        execute(job(TIMER_FOLLOW_UP_DUE));
        execute(job(TIMER_FOLLOW_UP_DUE));
        List<Task> followUps = taskQuery().taskDefinitionKey(TASK_FOLLOW_UP).list();
        Assertions.assertThat(followUps).hasSize(2);
        Task first = followUps.get(0);
        Task second = followUps.get(1);
        // Both are completed before either is recorded; the jobs then run in the other order.
        completeTask("coach1", first, Map.of(STEP, "3", STEP_REASON, "Första samtalet: praktik fyra dagar i veckan.", REVISE_PLAN, false));
        completeTask("coach2", second, Map.of(STEP, "5", STEP_REASON, "Andra samtalet: nystartsjobb klart.", REVISE_PLAN, true));
        Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet()).doesNotContain(STEP, STEP_REASON, REVISE_PLAN);
        List<Job> records = managementService().createJobQuery().activityId(TASK_RECORD_STEP_ASSESSMENT).list();
        Assertions.assertThat(records).hasSize(2);
        java.util.Collections.reverse(records);
        records.forEach(j -> execute(j));

        ArgumentCaptor<StepAssessment> saved = ArgumentCaptor.forClass(StepAssessment.class);
        verify(assessments, org.mockito.Mockito.times(2)).save(saved.capture());
        Assertions.assertThat(saved.getAllValues()).extracting(StepAssessment::getCoach, StepAssessment::getStep, StepAssessment::getReason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("coach1", Step.ARBETSFORBEREDANDE_INSATS, "Första samtalet: praktik fyra dagar i veckan."),
                        org.assertj.core.groups.Tuple.tuple("coach2", Step.SUBVENTIONERAD_ANSTALLNING, "Andra samtalet: nystartsjobb klart."));
        // Only the second conversation goes on to a revision; the first is done.
        assertThat(pi).hasPassed(END_FOLLOWED_UP);
        Assertions.assertThat(taskQuery().taskDefinitionKey(TASK_REVISE_PLAN).count()).isEqualTo(1);
        // A revision that adds no intervention starts no placement.
        completeAs("coach2", TASK_REVISE_PLAN, planVars(ORDER_IN_SEQUENCE).putValue(PLAN_CHANGE_REASON, "Nytt steg i samma plan."));
        execute(job(TASK_RECORD_REVISION));
        assertThat(pi).hasPassed(END_PLAN_REVISED).hasNotPassed(CALL_NEW_PLACEMENTS);
        Assertions.assertThat(createdPlacements).hasSize(2);
    }

    @Test
    void aClientCoveredByTheActivityRequirementGetsThePlanRevisedByTheCoach() {
        ProcessInstance pi = mapped();
        journey.setProcessInstanceId(pi.getId());
        when(journeys.findByClientIdAndStatus(journey.getClientId(), JourneyStatus.AKTIV)).thenReturn(Optional.of(journey));
        // Covered while the plan is being drawn up: "Upprätta individuell planering" is the coach's task already.
        Assertions.assertThat(journeyService().activityRequirementApplies(journey.getClientId()))
                .isEqualTo(se.stegvis.activity.domain.CoverageEvent.PlanRequest.PLANERING_PAGAR);
        assertThat(pi).isWaitingAt(TASK_PLAN);
        completeAs("coach1", TASK_PLAN, planVars(ORDER_SIDE_BY_SIDE));
        execute(job(TASK_RECORD_PLAN));

        // Covered while the plan applies: the coach revises it, starting from the current version.
        Assertions.assertThat(journeyService().activityRequirementApplies(journey.getClientId()))
                .isEqualTo(se.stegvis.activity.domain.CoverageEvent.PlanRequest.REVIDERA_PLANERING);
        assertThat(pi).isWaitingAt(CALL_PLACEMENTS_SIDE_BY_SIDE, TASK_CLOSE_CASE, TASK_ACTIVITY_REQUIREMENT_PLAN);
        Task revise = taskQuery().taskDefinitionKey(TASK_ACTIVITY_REQUIREMENT_PLAN).singleResult();
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().taskId(revise.getId())
                .taskCandidateGroup(StegvisGroups.COACH).count()).isEqualTo(1);
        Assertions.assertThat(runtimeService().getVariable(revise.getExecutionId(), PLAN_OCCUPATION)).isEqualTo("Undersköterska");
        completeAs("coach1", TASK_ACTIVITY_REQUIREMENT_PLAN, Map.of(PLAN_GOAL, "ARBETE", PLAN_OCCUPATION, "Undersköterska",
                PLAN_STEPS, "2026-12-01 Jobbsökande varje förmiddag", CHOSEN_INTERVENTIONS,
                "[\"PRAKTIK\",\"KOMBINATIONSUTBILDNING\",\"NYSTARTSJOBB\"]",
                PLAN_CHANGE_REASON, "Aktivitetskravet gäller från december.", AGREED_WITH_CLIENT, true));
        execute(job(TASK_RECORD_ACTIVITY_REQUIREMENT_PLAN));
        Assertions.assertThat(savedVersions).extracting(PlanVersion::getVersionNumber).containsExactly(1, 2);
        Assertions.assertThat(createdPlacements).extracting(Placement::getType)
                .containsExactly(PlacementType.PRAKTIK, PlacementType.KOMBINATIONSUTBILDNING, PlacementType.NYSTARTSJOBB);
        assertThat(pi).isWaitingAt(CALL_PLACEMENTS_SIDE_BY_SIDE, CALL_ACTIVITY_REQUIREMENT_PLACEMENTS, TASK_CLOSE_CASE)
                .variables().doesNotContainKeys(NEW_PLACEMENT_IDS, AGREED_WITH_CLIENT);
        Assertions.assertThat(calledPlacements(pi)).hasSize(3);

        // Covered again later (after a gap): a revision that adds nothing ends at once.
        journeyService().activityRequirementApplies(journey.getClientId());
        completeAs("coach1", TASK_ACTIVITY_REQUIREMENT_PLAN, Map.of(PLAN_GOAL, "ARBETE", PLAN_OCCUPATION, "Undersköterska",
                PLAN_STEPS, "2027-02-01 Jobbsökande varje förmiddag", CHOSEN_INTERVENTIONS,
                "[\"PRAKTIK\",\"KOMBINATIONSUTBILDNING\",\"NYSTARTSJOBB\"]",
                PLAN_CHANGE_REASON, "Aktivitetskravet gäller igen.", AGREED_WITH_CLIENT, true));
        execute(job(TASK_RECORD_ACTIVITY_REQUIREMENT_PLAN));
        assertThat(pi).hasPassed(END_ACTIVITY_REQUIREMENT_PLANNED)
                .isWaitingAt(CALL_PLACEMENTS_SIDE_BY_SIDE, CALL_ACTIVITY_REQUIREMENT_PLACEMENTS, TASK_CLOSE_CASE);
        Assertions.assertThat(savedVersions).extracting(PlanVersion::getVersionNumber).containsExactly(1, 2, 3);
    }

    @Test
    void aMissedFollowUpEscalatesToTheTeamLeader() {
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        execute(job(TIMER_FOLLOW_UP_DUE));
        execute(job(TIMER_FOLLOW_UP_MISSED));
        assertThat(pi).isWaitingAt(TASK_FOLLOW_UP, TASK_MISSED_FOLLOW_UP, TASK_CLOSE_CASE);
        Task missed = taskQuery().taskDefinitionKey(TASK_MISSED_FOLLOW_UP).singleResult();
        Assertions.assertThat(processEngine.getTaskService().createTaskQuery().taskId(missed.getId())
                .taskCandidateGroup(StegvisGroups.TEAMLEDARE).count()).isEqualTo(1);
        completeAs("teamledare1", TASK_MISSED_FOLLOW_UP, Map.of(MISSED_ACTION, "Påmint coachen; samtal bokat på torsdag."));
        assertThat(pi).hasPassed(END_MISSED_FOLLOWED_UP).isWaitingAt(TASK_FOLLOW_UP);

        // A changed due date is recorded; the exit cancels the open conversation: ended, not held.
        Task open = taskQuery().taskDefinitionKey(TASK_FOLLOW_UP).singleResult();
        java.util.Date later = java.util.Date.from(clock.instant().plus(java.time.Duration.ofDays(3)));
        open.setDueDate(later);
        processEngine.getTaskService().saveTask(open);
        Assertions.assertThat(recordedConversations.get(open.getId()).getDueAt()).isEqualTo(later.toInstant());
        completeAs("coach1", TASK_CLOSE_CASE, Map.of(EXIT_REASON, "FLYTTAT", EXIT_DATE, "2026-11-30"));
        Assertions.assertThat(recordedConversations.get(open.getId())).satisfies(c -> {
            Assertions.assertThat(c.isCompleted()).isFalse();
            Assertions.assertThat(c.getEndedAt()).contains(clock.instant());
        });
    }

    @Test
    void absenceIsCommunicatedAndTheReductionDecided() {
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        UUID placementId = createdPlacements.get(0).getId();
        // Two absences reported before either proposal has been made: each keeps its own facts.
        journeyService().reportAbsence(journeyId, placementId, "Frånvarande från praktiken 3–7 november utan att höra av sig.", 1000L, "coach1");
        journeyService().reportAbsence(journeyId, null, "Uteblev från SFI hela vecka 46.", 500L, "coach2");
        List<Job> proposals = managementService().createJobQuery().activityId(TASK_PROPOSE_SANCTION).list();
        Assertions.assertThat(proposals).hasSize(2);
        proposals.forEach(j -> execute(j));
        proposed.sort(java.util.Comparator.comparing(Sanction::getProposedAmount).reversed());
        Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet()).doesNotContain(ABSENCE_DESCRIPTION, SANCTION_ID);
        Assertions.assertThat(proposed).hasSize(2);
        Assertions.assertThat(proposed.get(0).getPlacementId()).contains(placementId);
        Assertions.assertThat(proposed.get(0).getAbsenceDescription()).startsWith("Frånvarande från praktiken");
        Assertions.assertThat(proposed.get(1).getPlacementId()).isEmpty();
        Assertions.assertThat(proposed.get(0).getResponseDue()).contains(LocalDate.of(2026, 11, 16));
        // The kommunicering is sent with the proposal.
        verify(sanctionLetters).createCommunication(proposed.get(0).getId());
        verify(sanctionLetters).createCommunication(proposed.get(1).getId());

        // The first client responds; the other lets the time pass.
        journeyService().clientResponded(proposed.get(0).getId(), "Jag var sjuk men glömde ringa.");
        Assertions.assertThatThrownBy(() -> journeyService().clientResponded(proposed.get(0).getId(), "En gång till"))
                .hasMessageContaining("väntar inte på något svar");
        Assertions.assertThatThrownBy(() -> journeyService().clientResponded(UUID.randomUUID(), "?"))
                .hasMessageContaining("finns inte");
        // The catch event only receives the answer; "Registrera klientens svar" records it.
        Assertions.assertThat(proposed.get(0).getClientResponse()).isEmpty();
        execute(job(TASK_RECORD_CLIENT_RESPONSE));
        Assertions.assertThat(proposed.get(0).getClientResponse()).contains("Jag var sjuk men glömde ringa.");
        execute(job(CATCH_RESPONSE_TIME_OVER));
        Assertions.assertThat(proposed.get(1).getClientResponse()).isEmpty();

        List<Task> decisions = taskQuery().taskDefinitionKey(TASK_DECIDE_SANCTION).taskCandidateGroup(StegvisGroups.HANDLAGGARE).list();
        Assertions.assertThat(decisions).hasSize(2);
        processEngine.getIdentityService().setAuthenticatedUserId("handlaggare1");
        for (Task decide : decisions) {
            String sanctionId = runtimeService().<StringValue>getVariableTyped(decide.getExecutionId(), SANCTION_ID).getValue();
            boolean first = sanctionId.equals(proposed.get(0).getId().toString());
            VariableMap vars = Variables.createVariables()
                    .putValue(SANCTION_DECISION, first ? "DROPPED" : "UPHELD")
                    .putValue(SANCTION_REASONS, first ? "Godtagbart skäl: sjukdom." : "Ingen frånvaroanmälan och inget svar.");
            if (!first) {
                vars.putValue(SANCTION_AMOUNT, 500L);
            }
            processEngine.getTaskService().complete(decide.getId(), vars);
        }
        for (Job job : managementService().createJobQuery().activityId(TASK_RECORD_SANCTION_DECISION).list()) {
            execute(job);
        }
        Assertions.assertThat(proposed.get(0).getDecision()).contains(SanctionDecision.DROPPED);
        Assertions.assertThat(proposed.get(0).getDecisionReasons()).contains("Godtagbart skäl: sjukdom.");
        Assertions.assertThat(proposed.get(0).getDecidedBy()).contains("handlaggare1");
        Assertions.assertThat(proposed.get(0).getExcuse()).isEmpty();
        Assertions.assertThat(proposed.get(1).getDecision()).contains(SanctionDecision.UPHELD);
        Assertions.assertThat(proposed.get(1).getDecidedAmount()).contains(500L);
        // Each decision gets its own letter, made after the decision is registered (its own job).
        assertThat(pi).hasNotPassed(END_SANCTION_DECIDED);
        for (Job job : managementService().createJobQuery().activityId(TASK_CREATE_REDUCTION_LETTER).list()) {
            execute(job);
        }
        verify(sanctionLetters).createDecisionLetter(proposed.get(0).getId());
        verify(sanctionLetters).createDecisionLetter(proposed.get(1).getId());
        assertThat(pi).hasPassed(END_SANCTION_DECIDED).isWaitingAt(TASK_CLOSE_CASE);
    }

    @Test
    void aCoveredClientsAbsenceAlwaysLeadsToAMandatoryProposal() {
        covered = true;
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        Task decide = decisionTaskForAttendanceAbsence(pi, 3);
        Assertions.assertThat(proposed).singleElement().satisfies(s -> {
            Assertions.assertThat(s.isUnderActivityRequirement()).isTrue();
            Assertions.assertThat(s.getAbsenceDays()).contains(3);
        });
        verify(sanctionLetters).createCommunication(proposed.get(0).getId());
        // The decision form knows the reduction is mandatory, and after how many days illness needs a läkarintyg.
        Assertions.assertThat(processEngine.getTaskService().getVariable(decide.getId(), UNDER_ACTIVITY_REQUIREMENT)).isEqualTo(true);
        Assertions.assertThat(processEngine.getTaskService().getVariable(decide.getId(), DAYS_WITHOUT_CERTIFICATE)).isEqualTo(7);
        Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet()).doesNotContain(UNDER_ACTIVITY_REQUIREMENT);

        // Upheld: the reduction is registered and gets its letter.
        completeTask("handlaggare1", decide, Map.of(SANCTION_DECISION, "UPHELD", SANCTION_AMOUNT, 300L,
                SANCTION_REASONS, "Uteblev tre dagar utan att höra av sig."));
        execute(job(TASK_RECORD_SANCTION_DECISION));
        execute(job(TASK_CREATE_REDUCTION_LETTER));
        Assertions.assertThat(proposed.get(0).getDecision()).contains(SanctionDecision.UPHELD);
        Assertions.assertThat(proposed.get(0).getDecidedAmount()).contains(300L);
        verify(sanctionLetters).createDecisionLetter(proposed.get(0).getId());
        assertThat(pi).hasPassed(END_SANCTION_DECIDED);
    }

    @Test
    void aCoveredClientsReductionIsNotDroppedWithoutAGodtagbartSkal() {
        covered = true;
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        Task decide = decisionTaskForAttendanceAbsence(pi, 10);
        Map<String, Object> dropped = Map.of(SANCTION_DECISION, "DROPPED", SANCTION_REASONS, "Vi avstår.");
        Assertions.assertThatThrownBy(() -> completeTask("handlaggare1", decide, dropped))
                .hasMessageContaining("aktivitetskravet")
                .satisfies(e -> Assertions.assertThat(refusal(e).field()).isEqualTo(ACCEPTABLE_REASON));
        // A ground without its text, an unknown ground, and illness over seven days without a läkarintyg: refused too.
        assertRefused(decide, Map.of(SANCTION_DECISION, "DROPPED", SANCTION_REASONS, "Sjuk.", ACCEPTABLE_REASON, "SJUKDOM"),
                ACCEPTABLE_REASON_TEXT);
        assertRefused(decide, Map.of(SANCTION_DECISION, "DROPPED", SANCTION_REASONS, "?", ACCEPTABLE_REASON, "TROTT",
                ACCEPTABLE_REASON_TEXT, "Var trött."), ACCEPTABLE_REASON);
        assertRefused(decide, Map.of(SANCTION_DECISION, "DROPPED", SANCTION_REASONS, "Sjuk hela perioden.",
                ACCEPTABLE_REASON, "SJUKDOM", ACCEPTABLE_REASON_TEXT, "Influensa, ringde inte in."), EXCUSE_CERTIFICATE_DATE);
        // An upheld reduction needs an amount, no larger than the one communicated.
        assertRefused(decide, Map.of(SANCTION_DECISION, "UPHELD", SANCTION_REASONS, "Uteblev."), SANCTION_AMOUNT);
        assertRefused(decide, Map.of(SANCTION_DECISION, "UPHELD", SANCTION_AMOUNT, 1_001L, SANCTION_REASONS, "Uteblev."),
                SANCTION_AMOUNT);
        // Nothing was completed or recorded.
        assertThat(pi).isWaitingAt(TASK_DECIDE_SANCTION);
        Assertions.assertThat(proposed.get(0).getDecision()).isEmpty();
    }

    @Test
    void aCoveredClientsReductionIsDroppedWithARecordedGodtagbartSkal() {
        covered = true;
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        Task decide = decisionTaskForAttendanceAbsence(pi, 10);
        completeTask("handlaggare1", decide, Map.of(SANCTION_DECISION, "DROPPED",
                SANCTION_REASONS, "Klienten var sjuk hela perioden.", ACCEPTABLE_REASON, "SJUKDOM",
                ACCEPTABLE_REASON_TEXT, "Influensa med feber, vårdcentralen.", EXCUSE_CERTIFICATE_DATE, "2026-11-01"));
        execute(job(TASK_RECORD_SANCTION_DECISION));
        execute(job(TASK_CREATE_REDUCTION_LETTER));
        Sanction sanction = proposed.get(0);
        Assertions.assertThat(sanction.getDecision()).contains(SanctionDecision.DROPPED);
        Assertions.assertThat(sanction.getDecidedAmount()).contains(0L);
        Assertions.assertThat(sanction.getExcuse()).hasValueSatisfying(e -> {
            Assertions.assertThat(e.reason()).isEqualTo(se.stegvis.journey.domain.AcceptableReason.SJUKDOM);
            Assertions.assertThat(e.text()).isEqualTo("Influensa med feber, vårdcentralen.");
            // The days are the attendance report's, not typed in.
            Assertions.assertThat(e.illnessDays()).isEqualTo(10);
            Assertions.assertThat(e.medicalCertificateDate()).isEqualTo(LocalDate.of(2026, 11, 1));
        });
        verify(sanctionLetters).createDecisionLetter(sanction.getId());
        assertThat(pi).hasPassed(END_SANCTION_DECIDED);
    }

    @Test
    void aClientNotCoveredKeepsTheCaseworkersFreeChoice() {
        covered = false;
        ProcessInstance pi = mappedAndPlanned(ORDER_IN_SEQUENCE);
        Task decide = decisionTaskForAttendanceAbsence(pi, 2);
        Assertions.assertThat(processEngine.getTaskService().getVariable(decide.getId(), UNDER_ACTIVITY_REQUIREMENT)).isEqualTo(false);
        completeTask("handlaggare1", decide, Map.of(SANCTION_DECISION, "DROPPED", SANCTION_REASONS, "Vi avstår denna gång."));
        execute(job(TASK_RECORD_SANCTION_DECISION));
        Assertions.assertThat(proposed.get(0).getDecision()).contains(SanctionDecision.DROPPED);
        Assertions.assertThat(proposed.get(0).getExcuse()).isEmpty();
        assertThat(pi).isWaitingAt(TASK_CREATE_REDUCTION_LETTER);
    }

    @Test
    void aNoticeFromArbetsformedlingenGivesTheCoachAFollowUpTaskEvenDuringTheMapping() {
        ProcessInstance pi = startedJourney();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        for (UUID notice : List.of(first, second)) {
            runtimeService().createMessageCorrelation(MESSAGE_AF_NOTICE).processInstanceBusinessKey(journeyId.toString())
                    .setVariablesToTriggeredScope(Variables.createVariables().putValue(AF_NOTICE_ID, notice.toString())
                            .putValue(AF_NOTICE_DESCRIPTION, "Arbetsförmedlingen bedömde 2 november 2026 att klienten"
                                    + " riskerar för lite sysselsättning i sitt program. Arbetsförmedlingens referens: AF-" + notice + ".")
                            .putValue(AF_NOTICE_ACTION, null).putValue(COMPLETED_BY, null))
                    .correlate();
        }
        // Two notices, two tasks for the coach, each with its own notice; the mapping goes on.
        List<Task> tasks = taskQuery().taskDefinitionKey(TASK_FOLLOW_UP_AF_NOTICE).taskCandidateGroup(StegvisGroups.COACH).list();
        Assertions.assertThat(tasks).hasSize(2).allSatisfy(t -> {
            Assertions.assertThat(t.getName()).isEqualTo("Följ upp besked från Arbetsförmedlingen");
            Assertions.assertThat(t.getDueDate()).isNotNull();
        });
        assertThat(pi).isWaitingAt(TASK_MAPPING, TASK_FOLLOW_UP_AF_NOTICE);
        Assertions.assertThat(runtimeService().getVariables(pi.getId()).keySet()).doesNotContain(AF_NOTICE_ID, AF_NOTICE_DESCRIPTION);
        Task task = tasks.stream().filter(t -> first.toString().equals(
                processEngine.getTaskService().getVariable(t.getId(), AF_NOTICE_ID))).findFirst().orElseThrow();

        // The coach must say what is done.
        assertRefusedAs("coach1", task, Map.of(), AF_NOTICE_ACTION);
        assertRefusedAs("coach1", task, Map.of(AF_NOTICE_ACTION, "VANTA"), AF_NOTICE_ACTION);
        completeTask("coach1", task, Map.of(AF_NOTICE_ACTION, "PLANERINGEN_REVIDERAS"));
        execute(job(TASK_RECORD_AF_FOLLOW_UP));
        verify(afInbound).followedUp(first, se.stegvis.integration.arbetsformedlingen.InboundNotice.Action.PLANERINGEN_REVIDERAS,
                "coach1");
        assertThat(pi).hasPassed(END_AF_NOTICE_FOLLOWED_UP).isWaitingAt(TASK_MAPPING, TASK_FOLLOW_UP_AF_NOTICE);
    }

    /** The attendance report's absence of {@code days} days, proposed, communicated and past its response time. */
    private Task decisionTaskForAttendanceAbsence(ProcessInstance pi, int days) {
        UUID placementId = createdPlacements.get(0).getId();
        runtimeService().createMessageCorrelation(MESSAGE_ABSENCE).processInstanceVariableEquals(JOURNEY_ID, journeyId.toString())
                .setVariablesToTriggeredScope(Variables.createVariables().putValue(PLACEMENT_ID, placementId.toString())
                        .putValue(ABSENCE_MONTH, "2026-11").putValue(ABSENCE_DAYS, days)
                        .putValue(ABSENCE_DESCRIPTION, "Frånvaro utan godtagbart skäl " + days + " av 20 planerade dagar i 2026-11 (närvarorapport).")
                        .putValue(REPORTED_BY, "handledare1"))
                .correlateAllWithResult();
        execute(job(TASK_PROPOSE_SANCTION));
        execute(job(CATCH_RESPONSE_TIME_OVER));
        return taskQuery().taskDefinitionKey(TASK_DECIDE_SANCTION).singleResult();
    }

    private void assertRefused(Task task, Map<String, Object> vars, String field) {
        assertRefusedAs("handlaggare1", task, vars, field);
    }

    private void assertRefusedAs(String user, Task task, Map<String, Object> vars, String field) {
        Assertions.assertThatThrownBy(() -> completeTask(user, task, vars))
                .satisfies(e -> Assertions.assertThat(refusal(e).field()).isEqualTo(field));
        processEngine.getIdentityService().clearAuthentication();
    }

    /** The refusal (400 naming a field over REST, see EngineRefusalMapper) the engine wrapped. */
    private static se.stegvis.config.Refusal refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof se.stegvis.config.Refusal r) {
                return r;
            }
        }
        throw new AssertionError("no refusal in " + thrown, thrown);
    }

    @Test
    void aPlanStepWithADateThatDoesNotExistIsRefusedWhenThePlanIsCompleted() {
        ProcessInstance pi = mapped();
        Assertions.assertThatThrownBy(() -> completeAs("coach1", TASK_PLAN, planVars(ORDER_IN_SEQUENCE)
                        .putValue(PLAN_STEPS, "2026-12-01 Börja praktik\n2026-02-30 Börja SFI kurs D")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Steg med datum, rad 2").hasMessageContaining("2026-02-30");
        processEngine.getIdentityService().clearAuthentication();
        // Nothing was completed: the coach corrects the date in the same task.
        assertThat(pi).isWaitingAt(TASK_PLAN);
        Assertions.assertThat(managementService().createJobQuery().activityId(TASK_RECORD_PLAN).count()).isZero();
        completeAs("coach1", TASK_PLAN, planVars(ORDER_IN_SEQUENCE).putValue(PLAN_STEPS, "2026-02-28 Börja SFI kurs D"));
        assertThat(pi).isWaitingAt(TASK_RECORD_PLAN);
    }

    @Test
    void aPlanMustBeAgreedWithTheClient() {
        ProcessInstance pi = mapped();
        completeAs("coach1", TASK_PLAN, planVars(ORDER_IN_SEQUENCE).putValue(AGREED_WITH_CLIENT, false));
        Assertions.assertThatThrownBy(() -> managementService().executeJob(job(TASK_RECORD_PLAN).getId()))
                .hasMessageContaining("överenskommen med klienten");
        verify(plans, org.mockito.Mockito.never()).save(any());
        assertThat(pi).isWaitingAt(TASK_RECORD_PLAN);
    }

    @Test
    void aNewSfiPlacementIsRefusedOnceTheRightToSfiHasEndedWithoutAnExtension() {
        ProcessInstance pi = mapped();
        Task plan = task(TASK_PLAN, pi);
        Assertions.assertThat(taskService().getVariableLocal(plan.getId(), "sfiRatt"))
                .isEqualTo("Ingen antagning till SFI är registrerad för klienten.");
        // Admitted in 2024: the right ended 2029-01-01 (three years from 2026-01-01).
        when(sfiRights.ofJourney(journeyId)).thenReturn(Optional.of(SfiRight.from(LocalDate.of(2024, 8, 20))));
        clock.now = Instant.parse("2029-01-02T09:00:00Z");
        processEngine.getIdentityService().setAuthenticatedUserId("coach1");
        try {
            Assertions.assertThatThrownBy(() -> processEngine.getTaskService().complete(plan.getId(), planVars(ORDER_IN_SEQUENCE)))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("rätt till SFI upphörde 2029-01-01")
                    .hasMessageContaining("Kombinationsutbildning").hasMessageContaining("Valda insatser")
                    .satisfies(e -> Assertions.assertThat(se.stegvis.config.Refusal.in(e))
                            .isInstanceOf(se.stegvis.config.InvalidRequestException.class)
                            .extracting(se.stegvis.config.Refusal::field).isEqualTo(CHOSEN_INTERVENTIONS));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        assertThat(pi).isWaitingAt(TASK_PLAN);
        // Once the huvudman has extended the right, the same plan passes.
        when(sfiRights.ofJourney(journeyId)).thenReturn(Optional.of(SfiRight.from(LocalDate.of(2024, 8, 20))
                .extendedTo(LocalDate.of(2029, 6, 30))));
        completeAs("coach1", TASK_PLAN, planVars(ORDER_IN_SEQUENCE));
        assertThat(pi).isWaitingAt(TASK_RECORD_PLAN);
    }

    @Test
    void aPlanWithoutSfiPassesAfterTheRightHasEnded() {
        ProcessInstance pi = mapped();
        when(sfiRights.ofJourney(journeyId)).thenReturn(Optional.of(SfiRight.from(LocalDate.of(2024, 8, 20))));
        clock.now = Instant.parse("2029-01-02T09:00:00Z");
        completeAs("coach1", TASK_PLAN, planVars(ORDER_IN_SEQUENCE).putValue(CHOSEN_INTERVENTIONS, "[\"PRAKTIK\"]"));
        assertThat(pi).isWaitingAt(TASK_RECORD_PLAN);
    }

    private ProcessInstance startedJourney() {
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, journeyId.toString(), Map.of(
                JOURNEY_ID, journeyId.toString(), FOLLOW_UP_CYCLE, DEFAULT_FOLLOW_UP_CYCLE,
                FOLLOW_UP_GRACE, DEFAULT_FOLLOW_UP_GRACE, COMMUNICATION_TIME, DEFAULT_COMMUNICATION_TIME));
        assertThat(pi).isWaitingAt(TASK_MAPPING);
        return pi;
    }

    private ProcessInstance mapped() {
        ProcessInstance pi = startedJourney();
        completeAs("coach1", TASK_MAPPING, Variables.createVariables()
                .putValue(Mapping.IN_EDUCATION_LEVEL, "GYMNASIAL").putValue(WORK_HISTORY, "Lagerarbete i Irak, 4 år")
                .putValue(Mapping.IN_MONTHS_SINCE_LAST_JOB, 18L).putValue(Mapping.IN_SWEDISH_LEVEL, "SFI_C")
                .putValue(Mapping.IN_HEALTH_LIMITS, false).putValue(CHILDCARE_NEED, true)
                .putValue(Mapping.IN_PARENTAL_LEAVE, false).putValue(DRIVING_LICENCE, true)
                .putValue(Mapping.IN_OWN_GOAL, "ARBETE").putValue(GOAL_OCCUPATION, "Undersköterska")
                .putValue(Mapping.IN_READY_FOR_COMPANY_PLACEMENT, true));
        execute(job(TASK_RECORD_MAPPING));
        ArgumentCaptor<Mapping> mapping = ArgumentCaptor.forClass(Mapping.class);
        verify(mappings).save(mapping.capture());
        Assertions.assertThat(mapping.getValue().getMappedBy()).isEqualTo("coach1");
        Assertions.assertThat(mapping.getValue().getMonthsSinceLastJob()).contains(18);
        assertThat(pi).hasPassed(TASK_INSATSVAL).isWaitingAt(TASK_PLAN);
        // The free texts are in the mapping and no longer in the process (issue #13).
        Assertions.assertThat(mapping.getValue().getWorkHistory()).contains("Lagerarbete i Irak, 4 år");
        assertThat(pi).variables().doesNotContainKeys(WORK_HISTORY, HEALTH_LIMITS_DESCRIPTION, GOAL_OCCUPATION);
        // Rule order: company-based first, then subsidised jobs, then the combined language and vocational course.
        assertThat(pi).variables().containsEntry(PROPOSED_TYPES, "PRAKTIK,NYSTARTSJOBB,INTRODUKTIONSJOBB,KOMBINATIONSUTBILDNING")
                .doesNotContainKey(DECISION_RESULT);
        Assertions.assertThat(runtimeService().<StringValue>getVariableTyped(pi.getId(), PROPOSALS).getValue())
                .startsWith("1. Praktik: ").contains("4. Kombinationsutbildning (SFI/SVA och yrkeskurs)");
        return pi;
    }

    private ProcessInstance mappedAndPlanned(String order) {
        ProcessInstance pi = mapped();
        completeAs("coach1", TASK_PLAN, planVars(order));
        execute(job(TASK_RECORD_PLAN));
        assertThat(pi).variables().containsEntry(PLAN_VERSION, 1).containsKey(PLAN_ID);
        Assertions.assertThat(plan.getCurrentVersion()).isEqualTo(1);
        // The version holds the plan's texts: they leave the process (a revision is pre-filled from the version).
        Assertions.assertThat(runtimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
                .variableNameIn(PLAN_TEXTS.toArray(String[]::new)).count()).isZero();
        return pi;
    }

    private VariableMap planVars(String order) {
        return Variables.createVariables().putValue(PLAN_GOAL, "ARBETE").putValue(PLAN_OCCUPATION, "Undersköterska")
                .putValue(PLAN_STEPS, "2026-12-01 Börja praktik på äldreboendet\nSFI kurs D")
                .putValue(CHOSEN_INTERVENTIONS, "[\"PRAKTIK\",\"KOMBINATIONSUTBILDNING\"]")
                .putValue(PLACEMENT_ORDER, order).putValue(AGREED_WITH_CLIENT, true);
    }

    private se.stegvis.journey.JourneyService journeyService() {
        return new se.stegvis.journey.JourneyService(journeys, runtimeService(), sanctionService, placements, clock, DEFAULT_FOLLOW_UP_CYCLE,
                DEFAULT_FOLLOW_UP_GRACE, DEFAULT_COMMUNICATION_TIME);
    }

    private List<ProcessInstance> calledPlacements(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list();
    }

    private Task task(String key, ProcessInstance in) {
        return taskQuery().processInstanceId(in.getId()).taskDefinitionKey(key).singleResult();
    }

    private Job job(String activityId) {
        return managementService().createJobQuery().activityId(activityId).singleResult();
    }

    private void completeTask(String user, Task task, Map<String, Object> vars) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        processEngine.getTaskService().complete(task.getId(), vars);
        processEngine.getIdentityService().clearAuthentication();
    }

    private void completeAs(String user, String taskKey, Map<String, Object> vars) {
        processEngine.getIdentityService().setAuthenticatedUserId(user);
        Task task = taskQuery().taskDefinitionKey(taskKey).singleResult();
        processEngine.getTaskService().complete(task.getId(), vars);
        processEngine.getIdentityService().clearAuthentication();
    }

    /** The delegates' clock, moved on in the tests that reach the six-month follow-up. */
    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Stockholm");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
