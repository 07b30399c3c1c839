package se.stegvis.journey;

import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.BooleanValue;
import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.journey.domain.ExitFollowUpRepository;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.journey.domain.MappingRepository;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.ReasonableCosts;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.domain.ProviderKind;
import se.stegvis.placement.process.PlacementProcess;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * One client on the real application and PostgreSQL, from the first granted monthly application to the six-month
 * follow-up: journey started by the grant, Kartläggning, a plan with anställning med stöd, matching with a provider
 * from the list, start, attendance, mid-review, the placement ends in work, which ends the journey by itself; six
 * months later the follow-up, with "returned to assistance" derived from the household's applications. Every task is
 * completed as the demo user who would do it, and the rows are checked at each step.
 */
@StegvisSpringTest
class JourneyFlowTest {

    @LocalServerPort
    int port;

    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired JourneyRepository journeys;
    @Autowired MappingRepository mappings;
    @Autowired IndividualPlanRepository plans;
    @Autowired PlanVersionRepository planVersions;
    @Autowired PlacementRepository placements;
    @Autowired PlacementProviderRepository providers;
    @Autowired AttendanceRepository attendance;
    @Autowired JourneyExitRepository exits;
    @Autowired ExitFollowUpRepository exitFollowUps;
    @Autowired se.stegvis.journey.domain.StepAssessmentRepository assessments;
    @Autowired se.stegvis.journey.domain.SanctionRepository sanctions;

    ApplicationScenario scenario;

    @BeforeEach
    void inNovember2025() {
        ApplicationScenario.inNovember2025();
        scenario = new ApplicationScenario(context, port);
    }

    @AfterEach
    void resetClock() {
        ApplicationScenario.resetClock();
    }

    @Test
    void fromTheFirstGrantIntoWorkAndStillInWorkSixMonthsLater() {
        Exited exited = throughThePlacementIntoWork(20251103);

        ExitFollowUpResult result = sixMonthsLater(exited);
        assertThat(result.shownReturned()).isFalse();
        assertThat(result.shownMonths()).isEqualTo("Inget beviljat bistånd efter avslutet.");
        var followUp = exitFollowUps.findByExitId(exited.exit().getId()).orElseThrow();
        assertThat(followUp.isInWorkOrStudies()).isTrue();
        assertThat(followUp.hasReturnedToAssistance()).isFalse();
        assertThat(followUp.getRecordedBy()).isEqualTo("coach1");
        assertThat(followUp.getFollowedUpOn()).isEqualTo(LocalDate.of(2026, 5, 29));
    }

    @Test
    void aNewGrantAfterTheExitCountsAsReturnedToAssistance() {
        Exited exited = throughThePlacementIntoWork(20251104);
        // The household applied again for December and was granted: the follow-up derives it from the rows.
        Client client = applications.findById(exited.applicationId()).orElseThrow().getClient();
        Application december = applications.saveAndFlush(new Application(client, YearMonth.of(2025, 12),
                ApplicationKind.ATERANSOKAN, Household.of(1), ReasonableCosts.NONE, List.of(), "etjanst",
                Instant.parse("2025-12-01T09:00:00Z")));
        decisions.saveAndFlush(new Decision(december.getId(), DecisionKind.BIFALL, 6200, null, "handlaggare1", null,
                Instant.parse("2025-12-05T09:00:00Z"), null));

        ExitFollowUpResult result = sixMonthsLater(exited);
        assertThat(result.shownReturned()).isTrue();
        assertThat(result.shownMonths()).isEqualTo("Beviljat bistånd för 2025-12.");
        var followUp = exitFollowUps.findByExitId(exited.exit().getId()).orElseThrow();
        assertThat(followUp.hasReturnedToAssistance()).isTrue();
        assertThat(followUp.isInWorkOrStudies()).isTrue();
    }

    @Test
    void unexcusedAbsenceInTheAttendanceReportProposesAReductionAndCommunicatesIt() {
        Started started = intoAStartedPlacement(20251105);
        String pi = started.journeyPi();

        // The month's report has three days without acceptable reason: the placement tells the journey.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-11-28T08:00:00Z")));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(started.placementPi())
                .activityId(PlacementProcess.TIMER_ATTENDANCE).singleResult().getId());
        complete(started.placementPi(), PlacementProcess.TASK_REPORT_ATTENDANCE, "coach1", Map.of(
                PlacementProcess.ATTENDANCE_MONTH, "2025-11", PlacementProcess.DAYS_PLANNED, 15L,
                PlacementProcess.DAYS_PRESENT, 12L, PlacementProcess.DAYS_ABSENT_UNEXCUSED, 3L));
        scenario.executeJob(started.placementPi(), PlacementProcess.TASK_REGISTER_ATTENDANCE);
        assertThat(runtimeService.getActiveActivityIds(pi)).contains(JourneyProcess.TASK_PROPOSE_SANCTION);
        assertThat(runtimeService.getVariables(pi).keySet()).as("the absence's facts stay local to it")
                .doesNotContain(JourneyProcess.ABSENCE_DESCRIPTION, JourneyProcess.ABSENCE_DAYS,
                        JourneyProcess.ABSENCE_MONTH, JourneyProcess.REPORTED_BY);

        // The proposal: the days times the amount per day, the placement's description, then kommunicering.
        scenario.executeJob(pi, JourneyProcess.TASK_PROPOSE_SANCTION);
        var sanction = sanctions.findByJourneyIdOrderByProposedAt(started.journey().getId()).get(0);
        assertThat(sanction.getPlacementId()).contains(started.placementId());
        assertThat(sanction.getProposedAmount()).isEqualTo(300);
        assertThat(sanction.getAbsenceDescription())
                .isEqualTo("Frånvaro utan godtagbart skäl 3 av 15 planerade dagar i 2025-11 (närvarorapport).");
        assertThat(sanction.getStatus()).isEqualTo(se.stegvis.journey.domain.SanctionStatus.KOMMUNICERAD);
        assertThat(sanction.getResponseDue()).contains(LocalDate.of(2025, 12, 12));
        assertThat(runtimeService.getActiveActivityIds(pi)).contains(JourneyProcess.GATEWAY_AWAIT_CLIENT_RESPONSE);

        // The client answers in time; the caseworker decides.
        context.getBean(JourneyService.class).clientResponded(sanction.getId(), "Jag var sjuk men glömde sjukanmäla.");
        scenario.executeJob(pi, JourneyProcess.TASK_RECORD_CLIENT_RESPONSE);
        Task decide = scenario.task(pi, JourneyProcess.TASK_DECIDE_SANCTION);
        assertThat(taskService.getVariable(decide.getId(), JourneyProcess.PROPOSED_AMOUNT)).isEqualTo(300L);
        assertThat(taskService.getVariable(decide.getId(), JourneyProcess.ABSENCE_DESCRIPTION).toString())
                .contains("3 av 15 planerade dagar");
        assertThat(sanctions.findById(sanction.getId()).orElseThrow().getClientResponse())
                .contains("Jag var sjuk men glömde sjukanmäla.");
        runtimeService.deleteProcessInstance(pi, "Testet klart");
    }

    record Started(UUID applicationId, Journey journey, String journeyPi, String placementPi, UUID placementId,
                   UUID employerId) {}

    record Exited(UUID applicationId, Journey journey, String journeyPi, JourneyExit exit) {}

    record ExitFollowUpResult(boolean shownReturned, String shownMonths) {}

    private Started intoAStartedPlacement(long seed) {
        // The first monthly application, granted in full: the decision makes the household a client of the journey.
        var submitted = scenario.familyReadyForInvestigation(seed);
        String applicationPi = submitted.processInstanceId();
        Task investigate = scenario.task(applicationPi, TASK_INVESTIGATE);
        taskService.claim(investigate.getId(), "handlaggare1");
        scenario.as("handlaggare1", () -> taskService.complete(investigate.getId(), Variables.createVariables()
                .putValue(WARNINGS_ACKNOWLEDGED, true).putValue(PROPOSED_DECISION, "BIFALL")));
        Task attest = taskService.createTaskQuery().processInstanceId(applicationPi).taskDefinitionKey(TASK_ATTEST).singleResult();
        if (attest != null) {
            taskService.claim(attest.getId(), "teamledare1");
            scenario.as("teamledare1", () -> taskService.complete(attest.getId(),
                    Variables.createVariables().putValue(APPROVAL, APPROVAL_APPROVED)));
        }
        for (String step : new String[] {TASK_REGISTER_DECISION, TASK_CREATE_LETTER,
                TASK_SCHEDULE_PAYMENT, EVENT_START_JOURNEY}) {
            scenario.executeJob(applicationPi, step);
        }
        UUID clientId = applications.findById(submitted.applicationId()).orElseThrow().getClient().getId();
        Journey journey = journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV).orElseThrow();
        String pi = journey.getProcessInstanceId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).processDefinitionKey("klientresa")
                .processInstanceBusinessKey(journey.getId().toString()).count()).isEqualTo(1);

        // Kartläggning by coach1.
        complete(pi, JourneyProcess.TASK_MAPPING, "coach1", Variables.createVariables()
                .putValue(Mapping.IN_EDUCATION_LEVEL, "GYMNASIAL").putValue(JourneyProcess.WORK_HISTORY, "Lager, 3 år")
                .putValue(Mapping.IN_MONTHS_SINCE_LAST_JOB, 20L).putValue(Mapping.IN_SWEDISH_LEVEL, "FLYTANDE")
                .putValue(Mapping.IN_HEALTH_LIMITS, false).putValue(JourneyProcess.CHILDCARE_NEED, false)
                .putValue(Mapping.IN_PARENTAL_LEAVE, false).putValue(JourneyProcess.DRIVING_LICENCE, true)
                .putValue(Mapping.IN_OWN_GOAL, "ARBETE").putValue(JourneyProcess.GOAL_OCCUPATION, "Lagerarbetare")
                .putValue(Mapping.IN_READY_FOR_COMPANY_PLACEMENT, true));
        scenario.executeJob(pi, JourneyProcess.TASK_RECORD_MAPPING);
        Mapping mapping = mappings.findFirstByJourneyIdOrderByMappedAtDesc(journey.getId()).orElseThrow();
        assertThat(mapping.getMappedBy()).isEqualTo("coach1");
        assertThat(runtimeService.<StringValue>getVariableTyped(pi, JourneyProcess.PROPOSALS).getValue()).startsWith("1. ");

        // An employer with one place, besides the seeded ones.
        PlacementProvider employer = providers.saveAndFlush(new PlacementProvider(
                "Testlagret AB " + seed, ProviderKind.ARBETSGIVARE, 1));

        // The plan: anställning med stöd, agreed with the client.
        complete(pi, JourneyProcess.TASK_PLAN, "coach1", Variables.createVariables()
                .putValue(JourneyProcess.PLAN_GOAL, "ARBETE").putValue(JourneyProcess.PLAN_OCCUPATION, "Lagerarbetare")
                .putValue(JourneyProcess.PLAN_STEPS, "2025-11-10 Börja anställning med stöd")
                .putValue(JourneyProcess.CHOSEN_INTERVENTIONS, "[\"ANSTALLNING_MED_STOD_LONEBIDRAG\"]")
                .putValue(JourneyProcess.PLACEMENT_ORDER, JourneyProcess.ORDER_IN_SEQUENCE)
                .putValue(JourneyProcess.AGREED_WITH_CLIENT, true));
        scenario.executeJob(pi, JourneyProcess.TASK_RECORD_PLAN);
        var plan = plans.findByJourneyId(journey.getId()).orElseThrow();
        assertThat(planVersions.findByPlanIdOrderByVersionNumber(plan.getId())).singleElement()
                .satisfies(v -> assertThat(v.getAgreedWithClientAt()).isPresent());
        Placement requested = placements.findByJourneyIdOrderByRequestedOn(journey.getId()).get(0);
        assertThat(requested.getType()).isEqualTo(PlacementType.ANSTALLNING_MED_STOD_LONEBIDRAG);
        assertThat(requested.getRequestedOn()).isEqualTo(LocalDate.of(2025, 11, 3));

        // Matching: a provider from the list of employers with a free place.
        ProcessInstance placementPi = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi).singleResult();
        Task match = scenario.task(placementPi.getId(), PlacementProcess.TASK_MATCH);
        assertThat(taskService.getVariableLocal(match.getId(), PlacementProcess.AVAILABLE_PROVIDERS).toString())
                .contains(employer.getId().toString(), "Testlagret AB " + seed + " – 1 av 1 plats ledig",
                        "Exempelbageriet i Norrköping AB")
                .doesNotContain("Exempelskolan SFI");
        taskService.claim(match.getId(), "coach1");
        scenario.as("coach1", () -> taskService.complete(match.getId(), Map.of(
                PlacementProcess.PROVIDER_ID, employer.getId().toString(), PlacementProcess.MATCHED_ON, "2025-11-05",
                PlacementProcess.START_DATE, "2025-11-10", PlacementProcess.PLANNED_END, "2026-05-10")));
        scenario.executeJob(placementPi.getId(), PlacementProcess.TASK_REGISTER_MATCH);
        scenario.executeJob(placementPi.getId(), PlacementProcess.TASK_START);
        Placement started = placements.findById(requested.getId()).orElseThrow();
        assertThat(started.getProviderId()).contains(employer.getId());
        assertThat(started.getMatchedOn()).contains(LocalDate.of(2025, 11, 5));
        assertThat(started.getStartDate()).contains(LocalDate.of(2025, 11, 10));
        assertThat(started.waitingDays()).contains(7L);
        assertThat(placements.countByProviderIdAndEndDateIsNull(employer.getId())).isEqualTo(1);
        return new Started(submitted.applicationId(), journey, pi, placementPi.getId(), requested.getId(), employer.getId());
    }

    private Exited throughThePlacementIntoWork(long seed) {
        Started s = intoAStartedPlacement(seed);
        Journey journey = s.journey();
        String pi = s.journeyPi();
        Placement started = placements.findById(s.placementId()).orElseThrow();
        Placement requested = started;
        PlacementProvider employer = providers.findById(s.employerId()).orElseThrow();
        var placementPi = runtimeService.createProcessInstanceQuery().processInstanceId(s.placementPi()).singleResult();

        // A month of attendance, then the mid-review.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-11-28T08:00:00Z")));
        var attendanceTimer = managementService.createJobQuery().processInstanceId(placementPi.getId())
                .activityId(PlacementProcess.TIMER_ATTENDANCE).singleResult();
        managementService.executeJob(attendanceTimer.getId());
        complete(placementPi.getId(), PlacementProcess.TASK_REPORT_ATTENDANCE, "coach1", Map.of(
                PlacementProcess.ATTENDANCE_MONTH, "2025-11", PlacementProcess.DAYS_PLANNED, 15L,
                PlacementProcess.DAYS_PRESENT, 14L, PlacementProcess.DAYS_ABSENT_UNEXCUSED, 0L));
        scenario.executeJob(placementPi.getId(), PlacementProcess.TASK_REGISTER_ATTENDANCE);
        assertThat(attendance.findByPlacementIdAndMonth(started.getId(), "2025-11")).hasValueSatisfying(a -> {
            assertThat(a.getDaysPresent()).isEqualTo(14);
            assertThat(a.getReportedBy()).isEqualTo("coach1");
        });
        complete(placementPi.getId(), PlacementProcess.TASK_MID_REVIEW, "coach1",
                Map.of(PlacementProcess.MID_REVIEW_NOTE, "Trivs; arbetsgivaren vill anställa utan stöd."));

        // The placement ends in work: the journey ends by itself with that exit.
        complete(placementPi.getId(), PlacementProcess.TASK_END, "coach1",
                Map.of(PlacementProcess.OUTCOME, "ARBETE", PlacementProcess.END_DATE, "2025-11-28"));
        scenario.executeJob(placementPi.getId(), PlacementProcess.TASK_STORE_OUTCOME);
        Placement ended = placements.findById(requested.getId()).orElseThrow();
        assertThat(ended.getOutcome()).contains(PlacementOutcome.ARBETE);
        assertThat(ended.getEndDate()).contains(LocalDate.of(2025, 11, 28));
        assertThat(placements.countByProviderIdAndEndDateIsNull(employer.getId())).as("the place is free again").isZero();
        assertThat(runtimeService.getActiveActivityIds(pi)).containsExactly(JourneyProcess.TASK_EXIT_FROM_PLACEMENT);
        scenario.executeJob(pi, JourneyProcess.TASK_EXIT_FROM_PLACEMENT);
        scenario.executeJob(pi, JourneyProcess.TASK_RECORD_EXIT);
        JourneyExit exit = exits.findByJourneyId(journey.getId()).orElseThrow();
        assertThat(exit.getReason()).isEqualTo(ExitReason.ARBETE);
        assertThat(exit.getExitDate()).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(exit.getRegisteredBy()).isEqualTo("arbetsforberedande-insats");
        assertThat(journeys.findById(journey.getId()).orElseThrow().getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);
        assertThat(assessments.findByJourneyIdOrderByAssessedOnAscCreatedAtAsc(journey.getId())).last()
                .satisfies(a -> {
                    assertThat(a.getStep().level()).isEqualTo(6);
                    assertThat(a.getAssessedOn()).isEqualTo(LocalDate.of(2025, 11, 28));
                });
        assertThat(managementService.createJobQuery().processInstanceId(pi).activityId(JourneyProcess.TIMER_FOLLOW_UP_DUE).count())
                .as("no more follow-up conversations").isZero();
        assertThat(runtimeService.getActiveActivityIds(pi)).containsExactly(JourneyProcess.CATCH_SIX_MONTHS_AFTER_EXIT);
        return new Exited(s.applicationId(), journey, pi, exit);
    }

    private ExitFollowUpResult sixMonthsLater(Exited exited) {
        String pi = exited.journeyPi();
        var timer = managementService.createJobQuery().processInstanceId(pi)
                .activityId(JourneyProcess.CATCH_SIX_MONTHS_AFTER_EXIT).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-05-27T22:00:00Z")));
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-29T08:00:00Z")));
        managementService.executeJob(timer.getId());
        scenario.executeJob(pi, JourneyProcess.TASK_CHECK_RETURN);
        Task followUp = scenario.task(pi, JourneyProcess.TASK_EXIT_FOLLOW_UP);
        boolean returned = taskService.<BooleanValue>getVariableTyped(followUp.getId(), JourneyProcess.RETURNED_TO_ASSISTANCE).getValue();
        String months = taskService.<StringValue>getVariableTyped(followUp.getId(), JourneyProcess.RETURN_MONTHS).getValue();
        complete(pi, JourneyProcess.TASK_EXIT_FOLLOW_UP, "coach1", Map.of(JourneyProcess.IN_WORK_OR_STUDIES, true,
                JourneyProcess.EXIT_FOLLOW_UP_NOTE, "Fortfarande anställd på lagret."));
        scenario.executeJob(pi, JourneyProcess.TASK_RECORD_EXIT_FOLLOW_UP);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        return new ExitFollowUpResult(returned, months);
    }

    private void complete(String pi, String taskKey, String user, Map<String, Object> vars) {
        Task task = scenario.task(pi, taskKey);
        taskService.claim(task.getId(), user);
        scenario.as(user, () -> taskService.complete(task.getId(), vars));
    }
}
