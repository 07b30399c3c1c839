package se.stegvis.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.journey.process.JourneyProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.ClientJourney;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.integration.arbetsformedlingen.Notice;
import se.stegvis.integration.arbetsformedlingen.NoticeRepository;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.PlanActivity;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.letter.DecisionKind;
import se.stegvis.placement.domain.ActivityCategory;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * The plan holds the aktivitetskrav, through the real journey process on PostgreSQL and the engine's REST API as
 * Tasklist uses it: for a covered client, "Revidera planering enligt aktivitetskravet" shows the status and full time;
 * a plan below the requirement is refused (400 naming "Skäl att avvika från aktivitetskravet"), illness without a
 * läkarintyg is refused, the same plan with a reason is agreed and recorded with its activities and hours (not left as
 * process variables), Arbetsförmedlingen gets one notice for the version, and the journey overview shows planned
 * against required hours; a first plan at the required extent (full time minus part-time work) is met.
 */
@StegvisSpringTest
class ActivityPlanFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired ClientRepository clients;
    @Autowired ClientJourney clientJourney;
    @Autowired IndividualPlanRepository plans;
    @Autowired PlanVersionRepository versions;
    @Autowired NoticeRepository notices;

    JourneyScenario journeys;
    DecisionFixture fixture;
    Http http;

    @BeforeEach
    void inNovember2026() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T08:00:00Z")));
        journeys = new JourneyScenario(context);
        fixture = new DecisionFixture(clients, applications, decisions);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        journeys.deleteJourneyProcesses(journeys.clients());
    }

    @Test
    void aCoveredClientsPlanBelowTheRequirementIsRefusedWithoutAReasonAndRecordedWithOne() throws Exception {
        Client client = granted(8, 9);
        Journey journey = journeys.started(client.getId());
        journeys.clients().add(client.getId());
        journeys.mapped(journey);
        journeys.planned(journey);
        // The third month: covered from November, the coach gets the revision task.
        fixture.decision(fixture.application(client, YearMonth.of(2026, 10)), DecisionKind.BIFALL, 9_000, Instant.now());
        journeys.granted(client.getId());
        Task task = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(TASK_ACTIVITY_REQUIREMENT_PLAN).singleResult();
        assertThat(task).isNotNull();
        assertThat(taskService.getVariableLocal(task.getId(), FULL_TIME_HOURS)).isEqualTo(40);
        assertThat(taskService.getVariable(task.getId(), "timmarPraktik")).as("prefilled from version 1").isEqualTo(35);
        assertThat(String.valueOf(taskService.getVariableLocal(task.getId(), ACTIVITY_REQUIREMENT_TEXT)))
                .contains("Omfattas från november 2026", "jobbsökande");
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "coach1",
                "{\"userId\":\"coach1\"}").statusCode()).isEqualTo(204);

        // 20 hours of praktik and 5 of job search: 25 of 40, refused without a reason, naming the field.
        String belowRequirement = """
                "planMal":{"value":"ARBETE"},"valdaInsatser":{"value":"[\\"PRAKTIK\\",\\"SFI\\"]"},
                "timmarPraktik":{"value":15},"timmarSfi":{"value":5},"jobbsokTimmar":{"value":5},
                "genomforande":{"value":"SAMTIDIGT"},"andringsorsak":{"value":"Aktivitetskravet"},
                "overenskommenMedKlient":{"value":true}""";
        JsonNode refused = refusal(complete(task, belowRequirement), 400);
        assertThat(refused.path("field").asText()).isEqualTo(DEVIATION_REASON);
        assertThat(refused.path("message").asText()).contains("25 timmar", "kravet är 40", "Skäl att avvika");
        // Reduced capacity for illness needs a läkarintyg with its date.
        JsonNode noCertificate = refusal(complete(task, belowRequirement
                + ",\"formagaProcent\":{\"value\":50},\"formagaSkal\":{\"value\":\"SJUKDOM\"}"), 400);
        assertThat(noCertificate.path("field").asText()).isEqualTo(MEDICAL_CERTIFICATE_DATE);
        // Enough hours but no job search (the prefilled 5 hours cleared): refused as well.
        JsonNode noJobSearch = refusal(complete(task, """
                "planMal":{"value":"ARBETE"},"valdaInsatser":{"value":"[\\"PRAKTIK\\"]"},"timmarPraktik":{"value":40},
                "jobbsokTimmar":{"value":0},
                "genomforande":{"value":"SAMTIDIGT"},"andringsorsak":{"value":"Aktivitetskravet"},
                "overenskommenMedKlient":{"value":true}"""), 400);
        assertThat(noJobSearch.path("message").asText()).contains("jobbsökande");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();

        // With a reason the plan is agreed and recorded.
        var agreed = complete(task, belowRequirement
                + ",\"avvikelseorsak\":{\"value\":\"SFI-kursen har bara kvällsplatser kvar i november.\"}");
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(204);
        journeys.executeJob(journey, TASK_RECORD_ACTIVITY_REQUIREMENT_PLAN);
        UUID planId = plans.findByJourneyId(journey.getId()).orElseThrow().getId();
        PlanVersion v2 = versions.findByPlanIdAndVersionNumber(planId, 2).orElseThrow();
        assertThat(v2.getActivities()).containsExactly(PlanActivity.of(PlacementType.PRAKTIK, 15),
                PlanActivity.of(PlacementType.SFI, 5));
        assertThat(v2.getActivities()).extracting(PlanActivity::getCategory)
                .containsExactly(ActivityCategory.ARBETSPLATSFORLAGD, ActivityCategory.SPRAK);
        assertThat(v2.getJobSearchHours()).contains(5);
        assertThat(v2.getPlannedHoursPerWeek()).contains(25);
        assertThat(v2.getRequiredHoursPerWeek()).contains(40);
        assertThat(v2.getActivityCovered()).contains(true);
        assertThat(v2.getDeviationReason()).contains("SFI-kursen har bara kvällsplatser kvar i november.");
        PlanVersion v1 = versions.findByPlanIdAndVersionNumber(planId, 1).orElseThrow();
        assertThat(v1.getActivityCovered()).as("agreed before the client was covered").contains(false);
        assertThat(v1.getPlannedHoursPerWeek()).contains(40);
        // The hours live in the plan version, not in the process.
        for (String name : new String[] {"timmarPraktik", "timmarSfi", JOB_SEARCH_HOURS, DEVIATION_REASON}) {
            assertThat(runtimeService.createVariableInstanceQuery().processInstanceIdIn(journey.getProcessInstanceId())
                    .variableName(name).count()).as(name).isZero();
        }
        // Arbetsförmedlingen: one notice for the plan version's activities.
        var planNotices = notices.findByClientIdOrderByCreatedAt(client.getId()).stream()
                .filter(n -> n.getKind() == Notice.Kind.PLANENS_AKTIVITETER_ANDRADE).toList();
        assertThat(planNotices).hasSize(1);
        assertThat(planNotices.get(0).getEventKey()).isEqualTo("PLAN:" + planId + ":2");
        assertThat(planNotices.get(0).getContent()).contains("\"planversion\":2", "ARBETSPLATSFORLAGD/PRAKTIK:15",
                "SPRAK/SFI:5", "JOBBSOKANDE/EGET:5");

        JsonNode overview = JSON.readTree(http.get("/api/klientresor/" + journey.getId(), "coach1").body());
        assertThat(overview.at("/plan/activities/0/category").asText()).isEqualTo("ARBETSPLATSFORLAGD");
        assertThat(overview.at("/plan/activities/0/placementType").asText()).isEqualTo("PRAKTIK");
        assertThat(overview.at("/plan/activities/0/hoursPerWeek").asInt()).isEqualTo(15);
        assertThat(overview.at("/plan/activities/1/categoryLabel").asText()).isEqualTo("Språk");
        assertThat(overview.at("/plan/jobSearchHoursPerWeek").asInt()).isEqualTo(5);
        assertThat(overview.at("/plan/deviationReason").asText()).startsWith("SFI-kursen");
        JsonNode requirement = activityRequirement(journey);
        assertThat(requirement.get("covered").asBoolean()).isTrue();
        assertThat(requirement.get("requiredHoursPerWeek").asInt()).isEqualTo(40);
        assertThat(requirement.get("plannedHoursPerWeek").asInt()).isEqualTo(25);
        assertThat(requirement.get("met").asBoolean()).isFalse();
    }

    @Test
    void aFirstPlanAtTheRequiredExtentIsMet() throws Exception {
        Client client = granted(8, 9, 10);
        Journey journey = journeys.started(client.getId());
        journeys.clients().add(client.getId());
        journeys.mapped(journey);
        Task task = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(TASK_PLAN).singleResult();
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "coach1",
                "{\"userId\":\"coach1\"}").statusCode()).isEqualTo(204);
        // Part-time work of 10 hours: 30 required. Jobbsökaraktivitet 10 + samhällsnyttig 15 + job search 5 = 30.
        var done = complete(task, """
                "planMal":{"value":"ARBETE"},
                "valdaInsatser":{"value":"[\\"JOBBSOKARAKTIVITET\\",\\"SAMHALLSNYTTIG_SYSSELSATTNING\\"]"},
                "timmarJobbsokaraktivitet":{"value":10},"timmarSamhallsnyttigSysselsattning":{"value":15},
                "jobbsokTimmar":{"value":5},"deltidsarbeteTimmar":{"value":10},
                "genomforande":{"value":"SAMTIDIGT"},"overenskommenMedKlient":{"value":true}""");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        journeys.executeJob(journey, TASK_RECORD_PLAN);
        UUID planId = plans.findByJourneyId(journey.getId()).orElseThrow().getId();
        PlanVersion v1 = versions.findByPlanIdAndVersionNumber(planId, 1).orElseThrow();
        assertThat(v1.getActivities()).extracting(PlanActivity::getCategory)
                .containsExactly(ActivityCategory.JOBBSOKANDE, ActivityCategory.ARBETSPLATSFORLAGD);
        assertThat(v1.getPartTimeWorkHours()).contains(10);
        assertThat(v1.getRequiredHoursPerWeek()).contains(30);
        assertThat(v1.getDeviationReason()).isEmpty();

        JsonNode requirement = activityRequirement(journey);
        assertThat(requirement.get("covered").asBoolean()).isTrue();
        assertThat(requirement.get("requiredHoursPerWeek").asInt()).isEqualTo(30);
        assertThat(requirement.get("plannedHoursPerWeek").asInt()).isEqualTo(30);
        assertThat(requirement.get("met").asBoolean()).isTrue();
    }

    private Client granted(int... months) {
        Client client = fixture.clientWithAccount();
        for (int month : months) {
            fixture.decision(fixture.application(client, YearMonth.of(2026, month)), DecisionKind.BIFALL, 9_000,
                    Instant.now());
        }
        return client;
    }

    private HttpResponse<String> complete(Task task, String variables) {
        return http.postJson("/engine-rest/task/" + task.getId() + "/complete", "coach1",
                "{\"variables\":{" + variables + "}}");
    }

    private static JsonNode refusal(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    private JsonNode activityRequirement(Journey journey) throws Exception {
        var response = http.get("/api/klientresor/" + journey.getId(), "coach1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("activityRequirement");
    }
}
