package se.stegvis.placement.process;

import org.camunda.bpm.engine.variable.value.StringValue;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static se.stegvis.placement.process.PlacementProcess.*;

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
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.stegvis.client.ClientJourney;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.Attendance;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderKind;
import se.stegvis.placement.domain.SfiExtension;
import se.stegvis.placement.domain.SfiExtensionRepository;

/**
 * One placement, path by path. The delegates, listeners and PlacementService are the real ones; only the repositories
 * are replaced by in-memory fakes. A small stand-in for the client journey calls the process as a call activity (the
 * contract: journeyId and placementId in, placementOutcome out) and waits for the absence message.
 */
@Deployment(resources = {"processes/arbetsforberedande-insats.bpmn", "forms/matcha-insats.form",
        "forms/rapportera-narvaro.form", "forms/halvtidsuppfoljning.form", "forms/avsluta-insats.form",
        "forms/sfi-ratt.form"})
class PlacementProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    static final String JOURNEY_STAND_IN = "test-klientresa";
    /** Admitted before 2026: the right counts from 2026-01-01 and ends 2029-01-01. */
    static final String FIRST_SFI_ADMISSION = "2024-08-20";
    static final String JOURNEY_CAUGHT_WORK_OR_STUDIES = "BoundaryEvent_WorkOrStudies";

    ProcessEngine processEngine;
    final UUID journeyId = UUID.randomUUID();
    final List<Attendance> attendance = new ArrayList<>();
    final List<PlacementProvider> providers = new ArrayList<>();
    /** Places held at each provider by other clients' placements. */
    final Map<UUID, Long> heldByOthers = new java.util.HashMap<>();
    /** Extensions of the right to SFI recorded so far (the fake repository's rows). */
    final List<SfiExtension> sfiExtensions = new ArrayList<>();
    Placement placement;
    PlacementProvider bakery;
    /** Whether the journey's client is covered by the aktivitetskrav (what ClientJourney answers). */
    boolean covered;

    @BeforeEach
    void setUp() {
        init(processEngine);
        Clock clock = Clock.fixed(Instant.parse("2026-11-02T09:00:00Z"), ZoneId.of("Europe/Stockholm"));
        PlacementRepository placementRepository = mock(PlacementRepository.class);
        when(placementRepository.findById(any())).thenAnswer(i ->
                placement != null && placement.getId().equals(i.getArgument(0)) ? Optional.of(placement) : Optional.empty());
        when(placementRepository.countByProviderIdAndEndDateIsNull(any())).thenAnswer(i -> {
            UUID provider = i.getArgument(0);
            long mine = placement != null && placement.getProviderId().map(provider::equals).orElse(false)
                    && placement.getEndDate().isEmpty() ? 1 : 0;
            return mine + heldByOthers.getOrDefault(provider, 0L);
        });
        bakery = new PlacementProvider("Bageri AB", ProviderKind.ARBETSGIVARE, 3);
        providers.add(bakery);
        providers.add(new PlacementProvider("Komvux Norra", ProviderKind.SKOLA, 10));
        PlacementProviderRepository providerRepository = mock(PlacementProviderRepository.class);
        when(providerRepository.findByKindAndActiveTrueOrderByName(any())).thenAnswer(i ->
                providers.stream().filter(p -> p.getKind() == i.getArgument(0)).toList());
        when(providerRepository.findById(any())).thenAnswer(i ->
                providers.stream().filter(p -> p.getId().equals(i.getArgument(0))).findFirst());
        when(providerRepository.lockById(any())).thenAnswer(i ->
                providers.stream().filter(p -> p.getId().equals(i.getArgument(0))).findFirst());
        AttendanceRepository attendanceRepository = mock(AttendanceRepository.class);
        when(attendanceRepository.findByPlacementIdAndMonth(any(), anyString())).thenAnswer(i -> attendance.stream()
                .filter(a -> a.getPlacementId().equals(i.getArgument(0)) && a.getMonth().toString().equals(i.getArgument(1)))
                .findFirst());
        when(attendanceRepository.save(any())).thenAnswer(i -> {
            attendance.add(i.getArgument(0));
            return i.getArgument(0);
        });
        when(placementRepository.saveAndFlush(any())).thenAnswer(i -> i.getArgument(0));
        when(placementRepository.findSfiPlacementsOfTheClientOfJourney(any())).thenAnswer(i ->
                placement != null && placement.getSfiFirstAdmission().isPresent() ? List.of(placement) : List.of());
        SfiExtensionRepository extensionRepository = mock(SfiExtensionRepository.class);
        when(extensionRepository.findByPlacementIdInOrderByRecordedAtAscExtendedUntilAsc(any())).thenAnswer(i ->
                sfiExtensions.stream().filter(e -> ((java.util.Collection<?>) i.getArgument(0)).contains(e.getPlacementId()))
                        .toList());
        when(extensionRepository.saveAndFlush(any())).thenAnswer(i -> {
            sfiExtensions.add(i.getArgument(0));
            return i.getArgument(0);
        });
        PlacementService service = new PlacementService(placementRepository, providerRepository, attendanceRepository, clock);
        SfiRights sfiRights = new SfiRights(placementRepository, extensionRepository, clock);
        Mocks.register("matchPlacementDelegate", new MatchPlacementDelegate(service, sfiRights));
        Mocks.register("startPlacementDelegate", new StartPlacementDelegate(service, sfiRights, "R24/P1M", 3));
        Mocks.register("showSfiRightListener", new ShowSfiRightListener(sfiRights));
        Mocks.register("validateSfiExtensionListener", new ValidateSfiExtensionListener(sfiRights));
        Mocks.register("recordSfiExtensionDelegate", new RecordSfiExtensionDelegate(sfiRights));
        Mocks.register("registerAttendanceDelegate", new RegisterAttendanceDelegate(service));
        Mocks.register("switchToFlexSfiDelegate", new SwitchToFlexSfiDelegate(service));
        ClientJourney clientJourney = mock(ClientJourney.class);
        when(clientJourney.coveredByActivityRequirement(any())).thenAnswer(i -> journeyId.equals(i.getArgument(0)) && covered);
        Mocks.register("storePlacementOutcomeDelegate", new StorePlacementOutcomeDelegate(service, clientJourney));
        Mocks.register("reportDeclinedPlacementDelegate", new ReportDeclinedPlacementDelegate(service));
        Mocks.register("validateEndPlacementListener", new ValidateEndPlacementListener());
        Mocks.register("offerProvidersListener", new OfferProvidersListener(service, sfiRights));
        Mocks.register("validateMatchListener", new ValidateMatchListener(service, sfiRights));
        Mocks.register("validateAttendanceListener", new ValidateAttendanceListener(service, processEngine.getIdentityService()));
        deployJourneyStandIn();
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
        reset();
    }

    @Test
    void matchedStartedAttendedReviewedAndEndedInWork() {
        placement = new Placement(journeyId, PlacementType.PRAKTIK, LocalDate.parse("2026-10-20"));
        ProcessInstance journey = runtimeService().startProcessInstanceByKey(JOURNEY_STAND_IN, Variables.createVariables()
                .putValue(JOURNEY_ID, journeyId.toString()).putValue(PLACEMENT_ID, placement.getId().toString()));
        ProcessInstance pi = calledProcessInstance(journey);
        matchAndStart(pi);
        Assertions.assertThat(placement.getProviderId()).contains(bakery.getId());
        Assertions.assertThat(placement.daysToMatch()).contains(8L);
        Assertions.assertThat(placement.getStartDate()).contains(LocalDate.parse("2026-11-02"));
        Assertions.assertThat(placement.getProcessInstanceId()).isEqualTo(pi.getId());
        assertThat(pi).isWaitingAt(TASK_MID_REVIEW, TASK_END).variables()
                .containsEntry(ATTENDANCE_CYCLE, "R24/P1M");
        Assertions.assertThat(taskService().createTaskQuery().taskDefinitionKey(TASK_MID_REVIEW).singleResult().getDueDate())
                .as("2027-01-31 in Stockholm: halfway to the planned end")
                .isEqualTo(java.util.Date.from(Instant.parse("2027-01-30T23:00:00Z")));

        // The first month: absence without acceptable reason goes to the journey.
        execute(attendanceTimer(pi));
        assertThat(pi).isWaitingAt(TASK_REPORT_ATTENDANCE, TASK_MID_REVIEW, TASK_END);
        Task report = claimed(pi, TASK_REPORT_ATTENDANCE);
        assertThatThrownBy(() -> taskService().complete(report.getId(), attendance("2026-11", 20, 18, 5)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("kan tillsammans inte vara fler");
        // In hours too: all three, not above the planned, absence in hours when there is in days.
        assertThatThrownBy(() -> taskService().complete(report.getId(), hours(attendance("2026-11", 20, 16, 2), 160, 150, 16)))
                .hasMessageContaining("fler än de planerade timmarna");
        assertThatThrownBy(() -> taskService().complete(report.getId(), hours(attendance("2026-11", 20, 16, 2), 160, 128, 0)))
                .hasMessageContaining("både i dagar och i timmar");
        assertThatThrownBy(() -> taskService().complete(report.getId(), Variables.fromMap(attendance("2026-11", 20, 16, 2))
                .putValue(HOURS_PLANNED, 160L))).hasMessageContaining("Fyll i planerade timmar");
        taskService().complete(report.getId(), hours(attendance("2026-11", 20, 16, 2), 160, 128, 16));
        execute(jobFor(pi, TASK_REGISTER_ATTENDANCE));
        Assertions.assertThat(attendance).singleElement().satisfies(a -> {
            Assertions.assertThat(a.getDaysAbsentUnexcused()).isEqualTo(2);
            Assertions.assertThat(a.getHoursPlanned()).contains(160);
            Assertions.assertThat(a.getHoursPresent()).contains(128);
            Assertions.assertThat(a.getHoursAbsentUnexcused()).contains(16);
            Assertions.assertThat(a.getReportedBy()).isEqualTo("coach1");
        });
        assertThat(journey).hasPassed("CatchEvent_Absence");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName(ABSENCE_DAYS).singleResult().getValue()).isEqualTo(2);

        // The same month again is refused at the task, before the job could fail.
        execute(attendanceTimer(pi));
        Task again = claimed(pi, TASK_REPORT_ATTENDANCE);
        assertThatThrownBy(() -> taskService().complete(again.getId(), attendance("2026-11", 20, 20, 0)))
                .hasMessageContaining("redan rapporterad");
        taskService().complete(again.getId(), attendance("2026-12", 18, 18, 0));
        execute(jobFor(pi, TASK_REGISTER_ATTENDANCE));
        assertThat(pi).hasPassed(END_ATTENDANCE);

        complete(task(TASK_MID_REVIEW, pi), Map.of(MID_REVIEW_NOTE, "Trivs, vill gå vidare till anställning."));
        complete(task(TASK_END, pi), Map.of(OUTCOME, "ARBETE", END_DATE, "2027-04-30"));
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        Assertions.assertThat(placement.getOutcome()).contains(PlacementOutcome.ARBETE);
        Assertions.assertThat(placement.getEndDate()).contains(LocalDate.parse("2027-04-30"));
        // Work: the placement escalates to its caller, which takes over (the journey ends its active part).
        assertThat(pi).hasPassed(THROW_WORK_OR_STUDIES).isEnded();
        assertThat(journey).hasPassed(JOURNEY_CAUGHT_WORK_OR_STUDIES);
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName(PLACEMENT_OUTCOME).singleResult().getValue()).isEqualTo("ARBETE");
    }

    @Test
    void parentalLeaveDuringSfiSwitchesToFlexSfiAndTheInsatsContinues() {
        placement = new Placement(journeyId, PlacementType.SFI, LocalDate.parse("2026-10-20"));
        ProcessInstance pi = startPlacement();
        matchAndStart(pi);
        parentalLeave();
        execute(jobFor(pi, TASK_SWITCH_TO_FLEX_SFI));
        Assertions.assertThat(placement.getType()).isEqualTo(PlacementType.FLEX_SFI);
        Assertions.assertThat(placement.getSwitchedToFlexSfiOn()).contains(LocalDate.parse("2026-11-02"));
        assertThat(pi).hasPassed(END_PARENTAL_LEAVE).isWaitingAt(TASK_MID_REVIEW, TASK_END)
                .variables().containsEntry(SWITCHED_TO_FLEX_SFI, true);

        complete(task(TASK_MID_REVIEW, pi), Map.of(MID_REVIEW_NOTE, "Läser flex-SFI på distans under ledigheten."));
        complete(task(TASK_END, pi), Map.of(OUTCOME, "NASTA_STEG"));
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        assertThat(pi).isEnded().hasPassed(END_PLACEMENT).hasNotPassed(THROW_WORK_OR_STUDIES);
        Assertions.assertThat(placement.getOutcome()).contains(PlacementOutcome.NASTA_STEG);
    }

    @Test
    void parentalLeaveDuringAnotherTypeChangesNothing() {
        placement = new Placement(journeyId, PlacementType.ARBETSTRANING, LocalDate.parse("2026-10-20"));
        ProcessInstance pi = startPlacement();
        matchAndStart(pi);
        parentalLeave();
        execute(jobFor(pi, TASK_SWITCH_TO_FLEX_SFI));
        Assertions.assertThat(placement.getType()).isEqualTo(PlacementType.ARBETSTRANING);
        Assertions.assertThat(placement.getSwitchedToFlexSfiOn()).isEmpty();
        assertThat(pi).isWaitingAt(TASK_MID_REVIEW, TASK_END).variables().containsEntry(SWITCHED_TO_FLEX_SFI, false);
    }

    @Test
    void interruptedNeedsAReasonAndEndsOpenWork() {
        placement = new Placement(journeyId, PlacementType.PRAKTIK, LocalDate.parse("2026-10-20"));
        ProcessInstance journey = runtimeService().startProcessInstanceByKey(JOURNEY_STAND_IN, Variables.createVariables()
                .putValue(JOURNEY_ID, journeyId.toString()).putValue(PLACEMENT_ID, placement.getId().toString()));
        ProcessInstance pi = calledProcessInstance(journey);
        matchAndStart(pi);
        execute(attendanceTimer(pi));
        assertThat(pi).isWaitingAt(TASK_REPORT_ATTENDANCE, TASK_MID_REVIEW, TASK_END);

        Task end = task(TASK_END, pi);
        assertThatThrownBy(() -> taskService().complete(end.getId(), Map.of(OUTCOME, "AVBRUTEN",
                INTERRUPTION_REASON, "Flyttar till annan kommun.")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Avbruten därför att")
                .hasMessageContaining("AVBOJD, UTAN_GODTAGBART_SKAL, GODTAGBART_SKAL");
        assertThatThrownBy(() -> taskService().complete(end.getId(), Map.of(OUTCOME, "AVBRUTEN",
                INTERRUPTION_GROUND, "VILLE_INTE", INTERRUPTION_REASON, "Flyttar till annan kommun.")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Okänd grund");
        assertThatThrownBy(() -> taskService().complete(end.getId(), Map.of(OUTCOME, "AVBRUTEN",
                INTERRUPTION_GROUND, "GODTAGBART_SKAL")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("orsak");
        assertThatThrownBy(() -> taskService().complete(end.getId(), Map.of()))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Utfall");
        covered = true; // with godtagbart skäl: no sanction even for a covered client
        complete(end, Map.of(OUTCOME, "AVBRUTEN", INTERRUPTION_GROUND, "GODTAGBART_SKAL",
                INTERRUPTION_REASON, "Flyttar till annan kommun.", END_DATE, "2026-11-20"));
        // Ending before the mid-review cancels it; the open attendance report goes with the placement.
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_MID_REVIEW).canceled().count()).isEqualTo(1);
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        assertThat(pi).isEnded().hasPassed(END_PLACEMENT).hasNotPassed(TASK_REGISTER_ATTENDANCE);
        Assertions.assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId(TASK_REPORT_ATTENDANCE).canceled().count()).isEqualTo(1);
        Assertions.assertThat(placement.getOutcome()).contains(PlacementOutcome.AVBRUTEN);
        Assertions.assertThat(placement.getInterruptionReason()).contains("Flyttar till annan kommun.");
        Assertions.assertThat(placement.getInterruptionGround()).contains(InterruptionGround.GODTAGBART_SKAL);
        assertThat(pi).hasPassed(GATEWAY_MANDATORY_SANCTION).hasNotPassed(TASK_REPORT_DECLINED);
        assertThat(journey).hasNotPassed("CatchEvent_Absence");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(PLACEMENT_OUTCOME).singleResult().getValue()).isEqualTo("AVBRUTEN");
        // Not work or studies: the caller simply goes on.
        assertThat(journey).hasPassed("EndEvent_Journey").hasNotPassed(JOURNEY_CAUGHT_WORK_OR_STUDIES);
    }

    @Test
    void declinedByACoveredClientProposesAReductionInTheJourneyByItself() {
        covered = true;
        placement = new Placement(journeyId, PlacementType.PRAKTIK, LocalDate.parse("2026-10-20"));
        ProcessInstance journey = runtimeService().startProcessInstanceByKey(JOURNEY_STAND_IN, Variables.createVariables()
                .putValue(JOURNEY_ID, journeyId.toString()).putValue(PLACEMENT_ID, placement.getId().toString()));
        ProcessInstance pi = calledProcessInstance(journey);
        matchAndStart(pi);
        complete(task(TASK_END, pi), Map.of(OUTCOME, "AVBRUTEN", INTERRUPTION_GROUND, "AVBOJD",
                INTERRUPTION_REASON, "Vill inte arbeta på bageriet.", END_DATE, "2026-11-06"));
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        Assertions.assertThat(placement.getInterruptionGround()).contains(InterruptionGround.AVBOJD);
        assertThat(pi).hasPassed(GATEWAY_MANDATORY_SANCTION).isWaitingAt(TASK_REPORT_DECLINED)
                .variables().containsEntry(MANDATORY_SANCTION, true);
        execute(jobFor(pi, TASK_REPORT_DECLINED));
        assertThat(pi).isEnded().hasPassed(END_PLACEMENT);
        // The journey got the message the attendance report sends, with the ground instead of days, no free text.
        assertThat(journey).hasPassed("CatchEvent_Absence");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName(DECLINED_PLACEMENT).singleResult().getValue()).isEqualTo("AVBOJD");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName(ABSENCE_DESCRIPTION).singleResult().getValue())
                .isEqualTo("Klienten avböjde insatsen Praktik (avslutad 2026-11-06).");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(journey.getId())
                .variableName(ABSENCE_DAYS).count()).isZero();
    }

    @Test
    void brokenOffWithoutGodtagbartSkalByAClientNotCoveredProposesNothing() {
        covered = false;
        placement = new Placement(journeyId, PlacementType.PRAKTIK, LocalDate.parse("2026-10-20"));
        ProcessInstance journey = runtimeService().startProcessInstanceByKey(JOURNEY_STAND_IN, Variables.createVariables()
                .putValue(JOURNEY_ID, journeyId.toString()).putValue(PLACEMENT_ID, placement.getId().toString()));
        ProcessInstance pi = calledProcessInstance(journey);
        matchAndStart(pi);
        complete(task(TASK_END, pi), Map.of(OUTCOME, "AVBRUTEN", INTERRUPTION_GROUND, "UTAN_GODTAGBART_SKAL",
                INTERRUPTION_REASON, "Slutade komma.", END_DATE, "2026-11-06"));
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        Assertions.assertThat(placement.getInterruptionGround()).contains(InterruptionGround.UTAN_GODTAGBART_SKAL);
        assertThat(pi).isEnded().hasPassed(GATEWAY_MANDATORY_SANCTION, END_PLACEMENT).hasNotPassed(TASK_REPORT_DECLINED);
        assertThat(journey).hasNotPassed("CatchEvent_Absence");
        Assertions.assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(MANDATORY_SANCTION).singleResult().getValue()).isEqualTo(false);
    }

    @Test
    void offersOnlyProvidersWithAFreePlaceAndNeverOverbooks() {
        placement = new Placement(journeyId, PlacementType.PRAKTIK, LocalDate.parse("2026-10-20"));
        PlacementProvider full = new PlacementProvider("Fulla Verkstaden AB", ProviderKind.ARBETSGIVARE, 2);
        PlacementProvider lastPlace = new PlacementProvider("Sista Platsen AB", ProviderKind.ARBETSGIVARE, 1);
        providers.add(full);
        providers.add(lastPlace);
        heldByOthers.put(full.getId(), 2L);
        ProcessInstance pi = startPlacement();

        // The list: employers with a free place only, with the free places in the label; no schools.
        Task match = task(TASK_MATCH, pi);
        String offered = taskService().getVariableLocalTyped(match.getId(), AVAILABLE_PROVIDERS).getValue().toString();
        Assertions.assertThat(offered).contains(bakery.getId().toString(), "Bageri AB – 3 av 3 platser lediga",
                lastPlace.getId().toString(), "Sista Platsen AB – 1 av 1 plats ledig")
                .doesNotContain(full.getId().toString(), "Komvux");
        Assertions.assertThat(taskService().getVariableLocal(match.getId(), PLACEMENT_DESCRIPTION))
                .isEqualTo("Praktik – anordnare: arbetsgivare");

        // Places taken while the task waited: claiming it shows the list as it is at that moment.
        heldByOthers.put(bakery.getId(), 3L);
        taskService().claim(match.getId(), "coach1");
        Assertions.assertThat(taskService().getVariableLocalTyped(match.getId(), AVAILABLE_PROVIDERS).getValue().toString())
                .doesNotContain(bakery.getId().toString()).contains(lastPlace.getId().toString());
        heldByOthers.put(bakery.getId(), 0L);

        // A full provider (e.g. chosen through the REST API) is refused at the task, which stays open.
        assertThatThrownBy(() -> taskService().complete(match.getId(), matchOn(full)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("ingen ledig plats");
        assertThatThrownBy(() -> taskService().complete(match.getId(), Map.of(MATCHED_ON, "2026-10-28")))
                .hasMessageContaining("Anordnare");

        // The last place goes to someone else between the form and the job: back to the coach, nobody overbooked.
        complete(match, matchOn(lastPlace));
        heldByOthers.put(lastPlace.getId(), 1L);
        execute(jobFor(pi, TASK_REGISTER_MATCH));
        assertThat(pi).hasPassed(BOUNDARY_PROVIDER_FULL).isWaitingAt(TASK_MATCH);
        Assertions.assertThat(placement.getProviderId()).isEmpty();
        Assertions.assertThat(runtimeService().<StringValue>getVariableTyped(pi.getId(), MATCH_REFUSAL).getValue())
                .contains("Sista Platsen AB har ingen ledig plats");
        Task again = task(TASK_MATCH, pi);
        Assertions.assertThat(taskService().getVariableLocalTyped(again.getId(), AVAILABLE_PROVIDERS).getValue().toString())
                .doesNotContain(lastPlace.getId().toString()).contains(bakery.getId().toString());

        complete(again, matchOn(bakery));
        execute(jobFor(pi, TASK_REGISTER_MATCH));
        Assertions.assertThat(placement.getProviderId()).contains(bakery.getId());
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), MATCH_REFUSAL)).isNull();
        assertThat(pi).isWaitingAt(TASK_START);
    }

    @Test
    void anSfiPlacementRecordsTheFirstAdmissionAndWarnsThreeMonthsBeforeTheRightEnds() {
        placement = new Placement(journeyId, PlacementType.SFI, LocalDate.parse("2026-10-20"));
        ProcessInstance pi = startPlacement();
        Task match = task(TASK_MATCH, pi);
        Assertions.assertThat(taskService().getVariableLocal(match.getId(), INCLUDES_SFI)).isEqualTo(true);
        Assertions.assertThat(taskService().getVariableLocal(match.getId(), SFI_RIGHT_TEXT))
                .isEqualTo("Ingen antagning till SFI är registrerad för klienten.");
        PlacementProvider school = providers.stream().filter(p -> p.getKind() == ProviderKind.SKOLA).findFirst().orElseThrow();
        // SFI without the first admission, or with one in the future, is refused at the task.
        assertThatThrownBy(() -> taskService().complete(match.getId(), matchOn(school)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Första antagning till SFI");
        Map<String, Object> future = new java.util.HashMap<>(matchOn(school));
        future.put(SFI_FIRST_ADMISSION, "2026-12-01");
        assertThatThrownBy(() -> taskService().complete(match.getId(), future))
                .hasMessageContaining("kan inte vara i framtiden");
        // A start after the right has ended (2029-01-01 for an admission in 2024) is refused, naming the start date.
        Map<String, Object> tooLate = new java.util.HashMap<>(matchOn(school));
        tooLate.put(SFI_FIRST_ADMISSION, FIRST_SFI_ADMISSION);
        tooLate.put(START_DATE, "2029-01-02");
        tooLate.put(PLANNED_END, "2029-06-01");
        assertThatThrownBy(() -> taskService().complete(match.getId(), tooLate))
                .hasMessageContaining("rätt till SFI upphörde 2029-01-01").hasMessageContaining("Startdatum");
        Assertions.assertThat(placement.getSfiFirstAdmission()).as("nothing recorded by a refusal").isEmpty();
        matchAndStart(pi);
        Assertions.assertThat(placement.getSfiFirstAdmission()).contains(LocalDate.parse(FIRST_SFI_ADMISSION));

        // Admitted in 2024: three years from 2026-01-01, so the right ends 2029-01-01; the coach hears of it 2028-10-01.
        assertThat(pi).isWaitingAt(TIMER_SFI_RIGHT_ENDING, TASK_MID_REVIEW, TASK_END);
        Job timer = jobFor(pi, TIMER_SFI_RIGHT_ENDING);
        Assertions.assertThat(timer.getDuedate()).isEqualTo(java.util.Date.from(Instant.parse("2028-09-30T22:00:00Z")));
        execute(timer);
        Task followUp = task(TASK_SFI_RIGHT_ENDING, pi);
        Assertions.assertThat(taskService().createTaskQuery().taskId(followUp.getId()).taskCandidateGroup("coach").count())
                .isEqualTo(1);
        Assertions.assertThat(taskService().getVariableLocal(followUp.getId(), SFI_RIGHT_TEXT).toString())
                .startsWith("Rätten till SFI gäller till och med 2029-01-01 (första antagning 2024-08-20).")
                .contains("nästa gång till och med 2029-07-01 som längst");

        // An extension is at most six months at a time: refused at the task, which stays open.
        assertThatThrownBy(() -> taskService().complete(followUp.getId(), Map.of(SFI_EXTENDED, "JA",
                SFI_EXTENDED_UNTIL, "2029-07-02")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("högst sex månader i taget").hasMessageContaining("Förlängd till och med");
        assertThatThrownBy(() -> taskService().complete(followUp.getId(), Map.of(SFI_EXTENDED, "JA")))
                .hasMessageContaining("Förlängd till och med");
        assertThatThrownBy(() -> taskService().complete(followUp.getId(), Map.of()))
                .hasMessageContaining("Har huvudmannen förlängt rätten?");
        complete(followUp, Map.of(SFI_EXTENDED, "JA", SFI_EXTENDED_UNTIL, "2029-07-01"));
        execute(jobFor(pi, TASK_RECORD_SFI_EXTENSION));
        Assertions.assertThat(sfiExtensions).singleElement().satisfies(e -> {
            Assertions.assertThat(e.getExtendedUntil()).isEqualTo(LocalDate.parse("2029-07-01"));
            Assertions.assertThat(e.getPlacementId()).isEqualTo(placement.getId());
        });

        // The follow-up moves to three months before the new end, and the form starts from no answer.
        assertThat(pi).isWaitingAt(TIMER_SFI_RIGHT_ENDING, TASK_MID_REVIEW, TASK_END);
        Assertions.assertThat(jobFor(pi, TIMER_SFI_RIGHT_ENDING).getDuedate())
                .isEqualTo(java.util.Date.from(Instant.parse("2029-03-31T22:00:00Z")));
        Assertions.assertThat(runtimeService().getVariable(pi.getId(), SFI_EXTENDED)).isNull();
        execute(jobFor(pi, TIMER_SFI_RIGHT_ENDING));
        complete(task(TASK_SFI_RIGHT_ENDING, pi), Map.of(SFI_EXTENDED, "NEJ"));
        assertThat(pi).hasPassed(END_SFI_RIGHT_ENDS).isWaitingAt(TASK_MID_REVIEW, TASK_END);
        Assertions.assertThat(jobFor(pi, TIMER_SFI_RIGHT_ENDING)).isNull();

        // The placement goes on and ends as usual.
        complete(task(TASK_MID_REVIEW, pi), Map.of(MID_REVIEW_NOTE, "Klarar kurs C."));
        complete(task(TASK_END, pi), Map.of(OUTCOME, "NASTA_STEG"));
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        assertThat(pi).isEnded().hasPassed(END_PLACEMENT);
    }

    @Test
    void endingTheSfiPlacementEndsItsFollowUpOfTheRight() {
        placement = new Placement(journeyId, PlacementType.SFI, LocalDate.parse("2026-10-20"));
        ProcessInstance pi = startPlacement();
        matchAndStart(pi);
        assertThat(pi).isWaitingAt(TIMER_SFI_RIGHT_ENDING);
        complete(task(TASK_END, pi), Map.of(OUTCOME, "AVBRUTEN", INTERRUPTION_GROUND, "GODTAGBART_SKAL",
                INTERRUPTION_REASON, "Flyttar.", END_DATE, "2026-11-20"));
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        assertThat(pi).isEnded().hasNotPassed(TASK_SFI_RIGHT_ENDING);
        Assertions.assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void aPlacementWithoutSfiHasNoSfiFollowUp() {
        placement = new Placement(journeyId, PlacementType.PRAKTIK, LocalDate.parse("2026-10-20"));
        ProcessInstance pi = startPlacement();
        Assertions.assertThat(taskService().getVariableLocal(task(TASK_MATCH, pi).getId(), INCLUDES_SFI)).isEqualTo(false);
        matchAndStart(pi);
        assertThat(pi).hasPassed(GATEWAY_PLACEMENT_STARTED, GATEWAY_SFI_CLOCK, END_NO_SFI_CLOCK)
                .isWaitingAt(TASK_MID_REVIEW, TASK_END).variables().containsEntry(SFI_FOLLOW_UP, null);
    }

    @Test
    void studiesWithoutACallerToCatchTheEscalationEndAsUsual() {
        placement = new Placement(journeyId, PlacementType.STUDIER, LocalDate.parse("2026-10-20"));
        ProcessInstance pi = startPlacement();
        matchAndStart(pi);
        complete(task(TASK_END, pi), Map.of(OUTCOME, "STUDIER", END_DATE, "2027-01-15"));
        execute(jobFor(pi, TASK_STORE_OUTCOME));
        assertThat(pi).hasPassed(THROW_WORK_OR_STUDIES, END_PLACEMENT).isEnded();
        Assertions.assertThat(placement.getOutcome()).contains(PlacementOutcome.STUDIER);
    }

    private static Map<String, Object> matchOn(PlacementProvider provider) {
        return Map.of(PROVIDER_ID, provider.getId().toString(), MATCHED_ON, "2026-10-28", START_DATE, "2026-11-02",
                PLANNED_END, "2027-05-02");
    }

    private ProcessInstance startPlacement() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, Variables.createVariables()
                .putValue(JOURNEY_ID, journeyId.toString()).putValue(PLACEMENT_ID, placement.getId().toString()));
    }

    private void matchAndStart(ProcessInstance pi) {
        assertThat(pi).isWaitingAt(TASK_MATCH);
        Assertions.assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).taskCandidateGroup("coach")
                .taskDefinitionKey(TASK_MATCH).count()).isEqualTo(1);
        Task match = task(TASK_MATCH, pi);
        PlacementProvider provider = providers.stream()
                .filter(p -> p.getKind() == placement.getType().providerKind()).findFirst().orElseThrow();
        Map<String, Object> vars = new java.util.HashMap<>(matchOn(provider));
        if (placement.getType().isSfi()) {
            vars.put(SFI_FIRST_ADMISSION, FIRST_SFI_ADMISSION);
        }
        complete(match, vars);
        execute(jobFor(pi, TASK_REGISTER_MATCH));
        execute(jobFor(pi, TASK_START));
    }

    private void parentalLeave() {
        runtimeService().createMessageCorrelation(MESSAGE_PARENTAL_LEAVE)
                .processInstanceVariableEquals(PLACEMENT_ID, placement.getId().toString())
                .correlateAllWithResult();
    }

    private Task claimed(ProcessInstance pi, String key) {
        Task t = task(key, pi);
        taskService().claim(t.getId(), "coach1");
        return t;
    }

    private static Map<String, Object> attendance(String month, long planned, long present, long absent) {
        return Variables.createVariables().putValue(ATTENDANCE_MONTH, month).putValue(DAYS_PLANNED, planned)
                .putValue(DAYS_PRESENT, present).putValue(DAYS_ABSENT_UNEXCUSED, absent);
    }

    private static Map<String, Object> hours(Map<String, Object> attendance, long planned, long present, long absent) {
        return Variables.fromMap(attendance).putValue(HOURS_PLANNED, planned).putValue(HOURS_PRESENT, present)
                .putValue(HOURS_ABSENT_UNEXCUSED, absent);
    }

    private Job attendanceTimer(ProcessInstance pi) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(TIMER_ATTENDANCE).singleResult();
    }

    private Job jobFor(ProcessInstance pi, String activityId) {
        return managementService().createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
    }

    /** The journey's side of the contract: call the placement, wait for absence messages, keep the outcome. */
    private void deployJourneyStandIn() {
        BpmnModelInstance journey = Bpmn.createExecutableProcess(JOURNEY_STAND_IN).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Journey")
                .parallelGateway("Gateway_Split")
                .callActivity("CallActivity_Placement").calledElement(PROCESS_KEY)
                    .camundaIn(JOURNEY_ID, JOURNEY_ID).camundaIn(PLACEMENT_ID, PLACEMENT_ID)
                    .camundaOut(PLACEMENT_OUTCOME, PLACEMENT_OUTCOME)
                .exclusiveGateway("Gateway_Join")
                .endEvent("EndEvent_Journey")
                .moveToNode("Gateway_Split")
                .intermediateCatchEvent("CatchEvent_Absence").message(MESSAGE_UNEXCUSED_ABSENCE)
                .connectTo("Gateway_Join")
                .moveToActivity("CallActivity_Placement")
                .boundaryEvent(JOURNEY_CAUGHT_WORK_OR_STUDIES).escalation(ESCALATION_WORK_OR_STUDIES)
                .endEvent("EndEvent_WorkOrStudies")
                .done();
        repositoryService().createDeployment().addModelInstance("test-klientresa.bpmn", journey).deploy();
    }
}
