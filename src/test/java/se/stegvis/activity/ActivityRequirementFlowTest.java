package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.LongValue;
import org.camunda.bpm.engine.variable.value.StringValue;
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
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.letter.DecisionKind;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * The aktivitetskrav through the real processes on PostgreSQL: a client granted August and September 2026 applies for
 * October; the caseworker sees in "Utred ansökan" that the client is not yet covered; the October grant, sent, makes
 * the client covered from November 2026, gives the coach "Revidera planering enligt aktivitetskravet" in the journey
 * (once, however often the grant is looked at again) and shows {@code activityRequirement} in the journey overview. A
 * client with a recorded exemption is not covered and gets no task.
 */
@StegvisSpringTest
class ActivityRequirementFlowTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired ClientRepository clients;
    @Autowired ClientJourney clientJourney;

    JourneyScenario journeys;
    ApplicationScenario scenario;
    DecisionFixture fixture;
    Http http;

    @BeforeEach
    void inNovember2026() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T08:00:00Z")));
        journeys = new JourneyScenario(context);
        scenario = new ApplicationScenario(context, port);
        fixture = new DecisionFixture(clients, applications, decisions);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        ApplicationScenario.resetClock();
        journeys.deleteJourneyProcesses(journeys.clients());
    }

    @Test
    void theThirdGrantedMonthMakesTheClientCoveredAndGivesTheCoachThePlanTask() throws Exception {
        Client client = grantedAugustAndSeptember();
        Journey journey = journeys.started(client.getId());
        journeys.clients().add(client.getId());
        journeys.mapped(journey);
        journeys.planned(journey);
        assertThat(activityRequirement(journey).get("covered").asBoolean()).isFalse();

        // October's application through the real process: the caseworker sees the status in "Utred ansökan".
        String pi = octoberApplication(client);
        String basis = runtimeService.<StringValue>getVariableTyped(pi, BASIS_TEXT).getValue();
        assertThat(basis).contains("Aktivitetskrav: omfattas inte", "3 månader i följd");
        grantAndSend(pi);

        JsonNode requirement = activityRequirement(journey);
        assertThat(requirement.get("covered").asBoolean()).isTrue();
        assertThat(requirement.get("coveredFrom").asText()).isEqualTo("2026-11");
        assertThat(requirement.get("exemption").isNull()).isTrue();
        assertThat(requirement.get("requiredHoursPerWeek").asInt()).isEqualTo(40);
        // The plan agreed before (35 hours of praktik, 5 of job search) already reaches full time.
        assertThat(requirement.get("plannedHoursPerWeek").asInt()).isEqualTo(40);
        assertThat(requirement.get("met").asBoolean()).isTrue();
        assertThat(planTasks(journey)).isEqualTo(1);
        Task task = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(JourneyProcess.TASK_ACTIVITY_REQUIREMENT_PLAN).singleResult();
        assertThat(task.getName()).isEqualTo("Revidera planering enligt aktivitetskravet");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("coach").count()).isEqualTo(1);

        // The event is recorded once: another look at the grant gives no second task.
        journeys.granted(client.getId());
        assertThat(planTasks(journey)).isEqualTo(1);
        JsonNode view = JSON.readTree(http.get("/api/klienter/" + client.getId() + "/aktivitetskrav", "handlaggare1").body());
        assertThat(view.get("coverageEvents")).hasSize(1);
        assertThat(view.get("coverageEvents").get(0).get("coveredFrom").asText()).isEqualTo("2026-11");
        assertThat(view.get("coverageEvents").get(0).get("planRequest").asText()).isEqualTo("REVIDERA_PLANERING");
        // Arbetsförmedlingen gets one notice of the event, waiting in the outbox for the worker.
        JsonNode afNotices = JSON.readTree(http.get("/api/arbetsformedlingen/aviseringar?clientId=" + client.getId(),
                "coach1").body());
        assertThat(afNotices).hasSize(1);
        assertThat(afNotices.get(0).get("kind").asText()).isEqualTo("KLIENT_OMFATTAS");
        assertThat(afNotices.get(0).get("content").asText()).isEqualTo("{\"omfattasFran\":\"2026-11\"}");
        assertThat(afNotices.get(0).get("status").asText()).isEqualTo("VANTAR");

        // The caseworker's next investigation shows the client as covered.
        assertThat(clientJourney.describeForCaseworker(client.getId()))
                .startsWith("Aktivitetskrav: omfattas från november 2026, krav 40 timmar i veckan");
    }

    @Test
    void aClientWithARecordedExemptionIsNotCoveredAndGetsNoTask() throws Exception {
        Client client = grantedAugustAndSeptember();
        Journey journey = journeys.started(client.getId());
        journeys.clients().add(client.getId());
        journeys.mapped(journey);
        journeys.planned(journey);

        String path = "/api/klienter/" + client.getId() + "/aktivitetskrav/undantag";
        // Refusals name the field: an age ground is derived, never recorded; the evidence is required.
        var age = http.postJson(path, "coach1", """
                {"ground":"PENSIONSALDER","from":"2026-08-01","evidence":"Född 1959"}""");
        assertThat(age.statusCode()).isEqualTo(400);
        assertThat(age.body()).contains("\"field\":\"ground\"");
        var noEvidence = http.postJson(path, "coach1", """
                {"ground":"SJUKPENNING_ELLER_LIKNANDE","from":"2026-08-01"}""");
        assertThat(noEvidence.statusCode()).isEqualTo(400);
        assertThat(noEvidence.body()).contains("\"field\":\"evidence\"");
        var backwards = http.postJson(path, "coach1", """
                {"ground":"SJUKPENNING_ELLER_LIKNANDE","from":"2026-08-01","to":"2026-07-01","evidence":"Beslut"}""");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"to\"");
        assertThat(http.postJson(path, "etjanst", """
                {"ground":"SJUKPENNING_ELLER_LIKNANDE","from":"2026-08-01","evidence":"Beslut"}""").statusCode())
                .isEqualTo(403);

        var recorded = http.postJson(path, "coach1", """
                {"ground":"SJUKPENNING_ELLER_LIKNANDE","from":"2026-08-01",
                 "evidence":"Beslut om sjukersättning från Försäkringskassan, daterat 2026-07-20"}""");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);

        // The third month, granted: not covered, the exemption shown, no task for the coach.
        fixture.decision(fixture.application(client, YearMonth.of(2026, 10)), DecisionKind.BIFALL, 9_000, Instant.now());
        journeys.granted(client.getId());
        JsonNode requirement = activityRequirement(journey);
        assertThat(requirement.get("covered").asBoolean()).isFalse();
        assertThat(requirement.get("coveredFrom").isNull()).isTrue();
        assertThat(requirement.get("exemption").get("ground").asText()).isEqualTo("SJUKPENNING_ELLER_LIKNANDE");
        assertThat(requirement.get("exemption").get("from").asText()).isEqualTo("2026-08-01");
        assertThat(requirement.get("exemption").get("to").isNull()).isTrue();
        assertThat(requirement.get("met").asBoolean()).isTrue();
        assertThat(planTasks(journey)).isZero();
        assertThat(clientJourney.describeForCaseworker(client.getId()))
                .startsWith("Aktivitetskrav: omfattas inte, undantagen (får sjukpenning, sjukersättning");

        // The exemption ends with October: from November the client is covered, at the next grant.
        String exemptionId = JSON.readTree(recorded.body()).get("id").asText();
        var ended = http.postJson(path + "/" + exemptionId + "/avslut", "handlaggare1", """
                {"to":"2026-10-31"}""");
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
        fixture.decision(fixture.application(client, YearMonth.of(2026, 11)), DecisionKind.BIFALL, 9_000, Instant.now());
        journeys.granted(client.getId());
        assertThat(activityRequirement(journey).get("coveredFrom").asText()).isEqualTo("2026-11");
        assertThat(planTasks(journey)).isEqualTo(1);
    }

    private Client grantedAugustAndSeptember() {
        Client client = fixture.clientWithAccount();
        for (int month = 8; month <= 9; month++) {
            fixture.decision(fixture.application(client, YearMonth.of(2026, month)), DecisionKind.BIFALL, 9_000,
                    Instant.now());
        }
        return client;
    }

    /** A single person's application for October 2026, register-checked and calculated. */
    private String octoberApplication(Client client) {
        var created = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"2026-10","kind":"ATERANSOKAN","adults":1,"childrenAges":[],
                 "costs":{"housing":6000,"electricity":300},
                 "incomes":{},
                 "payoutAccount":{"accountHolder":"Testperson Exempel","iban":"SE4550000000058398257466"}}
                """.formatted(client.getPersonnummer().value()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String pi = applications.findById(id).orElseThrow().getProcessInstanceId();
        scenario.runIncomeCheck(pi);
        return pi;
    }

    /** Utred ansökan: full grant of the calculated amount (no attest needed), then the decision is registered and sent. */
    private void grantAndSend(String pi) {
        long calculated = runtimeService.<LongValue>getVariableTyped(pi, CALCULATED_AMOUNT).getValue();
        Task investigate = scenario.task(pi, TASK_INVESTIGATE);
        taskService.claim(investigate.getId(), "handlaggare1");
        scenario.as("handlaggare1", () -> taskService.complete(investigate.getId(), Variables.createVariables()
                .putValue(WARNINGS_ACKNOWLEDGED, true).putValue(PROPOSED_DECISION, "BIFALL")
                .putValue(GRANTED_AMOUNT, calculated)));
        for (String step : new String[] {TASK_REGISTER_DECISION, TASK_CREATE_LETTER,
                TASK_SCHEDULE_PAYMENT, EVENT_START_JOURNEY}) {
            scenario.executeJob(pi, step);
        }
    }

    private JsonNode activityRequirement(Journey journey) throws Exception {
        var response = http.get("/api/klientresor/" + journey.getId(), "coach1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("activityRequirement");
    }

    private long planTasks(Journey journey) {
        return taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(JourneyProcess.TASK_ACTIVITY_REQUIREMENT_PLAN).count();
    }
}
