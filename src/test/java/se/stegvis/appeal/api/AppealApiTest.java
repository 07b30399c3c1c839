package se.stegvis.appeal.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.appeal.domain.Appeal;
import se.stegvis.appeal.domain.AppealRepository;
import se.stegvis.appeal.domain.AppealStatus;
import se.stegvis.appeal.process.AppealProcess;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.letter.DecisionKind;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/** {@code POST /api/beslut/{id}/overklaganden}: stored, process started with the appeal's id, and the refusals. */
@StegvisSpringTest
class AppealApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired AppealRepository appeals;
    @Autowired RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.camunda.bpm.engine.ManagementService managementService;
    @Autowired org.camunda.bpm.engine.IdentityService identityService;
    @Autowired se.stegvis.config.TaskCompletions completions;
    @LocalServerPort int port;

    Http http;
    Decision decision;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        DecisionFixture fixture = new DecisionFixture(clients, applications, decisions);
        Client client = fixture.clientWithAccount();
        LocalDate notified = LocalDate.now().minusDays(10);
        decision = fixture.decision(fixture.application(client, YearMonth.now()), DecisionKind.DELVIS_BIFALL, 5_000,
                notified.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    HttpResponse<String> post(UUID decisionId, String user, String json) {
        return http.postJson("/api/beslut/" + decisionId + "/overklaganden", user, json);
    }

    @Test
    void registersAnAppealInTimeAndStartsTheProcess() throws Exception {
        LocalDate today = LocalDate.now();
        HttpResponse<String> response = post(decision.getId(), "handlaggare1", "{\"receivedDate\":\"" + today + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(response.body());
        UUID id = UUID.fromString(body.get("id").asText());
        assertThat(response.headers().firstValue("Location")).contains(AppealController.APPEALS + "/" + id);
        assertThat(body.get("inTime").asBoolean()).isTrue();
        assertThat(body.get("notifiedDate").asText()).as("defaults to the decision's").isEqualTo(today.minusDays(10).toString());

        Appeal appeal = appeals.findById(id).orElseThrow();
        assertThat(appeal.getRegisteredBy()).isEqualTo("handlaggare1");
        assertThat(appeal.getStatus()).isEqualTo(AppealStatus.REGISTRERAT);
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(appeal.getProcessInstanceId())
                .singleResult();
        assertThat(instance.getBusinessKey()).isEqualTo(id.toString());
        assertThat(runtimeService.getVariable(instance.getId(), AppealProcess.VAR_APPEAL_ID)).isEqualTo(id.toString());
        assertThat(runtimeService.getVariable(instance.getId(), AppealProcess.VAR_IN_TIME)).isEqualTo(true);

        HttpResponse<String> shown = http.get(AppealController.APPEALS + "/" + id, "teamledare1");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(shown.body()).get("decisionId").asText()).isEqualTo(decision.getId().toString());
    }

    /**
     * "Ompröva beslut" claimed by one caseworker and completed by another (logged in): the new decision credits the
     * one who completed it — from Stegvis' record of completions, not from the task's assignee.
     */
    @Test
    void aChangedDecisionCreditsTheCaseworkerWhoCompletedTheReconsideration() throws Exception {
        HttpResponse<String> response = post(decision.getId(), "handlaggare1", "{\"receivedDate\":\"" + LocalDate.now() + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        Appeal appeal = appeals.findById(UUID.fromString(JSON.readTree(response.body()).get("id").asText())).orElseThrow();
        String pi = appeal.getProcessInstanceId();
        runJobs(pi);
        var task = taskService.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey(AppealProcess.TASK_RECONSIDER_DECISION).singleResult();
        taskService.claim(task.getId(), "handlaggare1");
        identityService.setAuthentication("handlaggare2", java.util.List.of(se.stegvis.identity.StegvisGroups.HANDLAGGARE));
        try {
            taskService.complete(task.getId(), org.camunda.bpm.engine.variable.Variables.createVariables()
                    .putValue(AppealProcess.VAR_RECONSIDERATION, AppealProcess.RECONSIDERATION_CHANGE)
                    .putValue(AppealProcess.VAR_NEW_DECISION_KIND, "BIFALL")
                    .putValue(AppealProcess.VAR_NEW_AMOUNT, 6_000)
                    .putValue(AppealProcess.VAR_NEW_REASONS, "Boendekostnaden godtas."));
        } finally {
            identityService.clearAuthentication();
        }
        runJobs(pi);

        assertThat(completions.lastCompletedBy(pi, AppealProcess.TASK_RECONSIDER_DECISION)).contains("handlaggare2");
        Decision replacement = decisions.findAll().stream()
                .filter(d -> decision.getId().equals(d.getReplacesDecisionId())).findFirst().orElseThrow();
        assertThat(replacement.getInvestigator()).isEqualTo("handlaggare2");
    }

    void runJobs(String processInstanceId) {
        for (int i = 0; i < 10; i++) {
            var jobs = managementService.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    @Test
    void aLateAppealIsRegisteredAsLate() throws Exception {
        LocalDate notified = LocalDate.now().minusDays(60);
        HttpResponse<String> response = post(decision.getId(), "handlaggare1",
                "{\"receivedDate\":\"" + LocalDate.now() + "\",\"notifiedDate\":\"" + notified + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(JSON.readTree(response.body()).get("inTime").asBoolean()).isFalse();
    }

    @Test
    void aBadDateIsNamed() throws Exception {
        HttpResponse<String> bad = post(decision.getId(), "handlaggare1", "{\"receivedDate\":\"2026-02-30\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).at("/errors/0/field").asText()).isEqualTo("receivedDate");

        HttpResponse<String> badNotified = post(decision.getId(), "handlaggare1",
                "{\"receivedDate\":\"" + LocalDate.now() + "\",\"notifiedDate\":\"igår\"}");
        assertThat(badNotified.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badNotified.body()).at("/errors/0/field").asText()).isEqualTo("notifiedDate");

        HttpResponse<String> missing = post(decision.getId(), "handlaggare1", "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(missing.body()).at("/errors/0/field").asText()).isEqualTo("receivedDate");
        assertThat(appeals.findByDecisionId(decision.getId())).isEmpty();
    }

    @Test
    void withoutANotificationDateAnywhereTheFieldIsNamed() throws Exception {
        // Another application's decision (an application has one decision outside the appeal path).
        DecisionFixture fixture = new DecisionFixture(clients, applications, decisions);
        var application = fixture.application(fixture.clientWithAccount(), YearMonth.now());
        Decision notNotified = decisions.saveAndFlush(new Decision(application.getId(), DecisionKind.AVSLAG, 0,
                "Inkomsterna räcker", "handlaggare1", null, java.time.Instant.now(), null));
        HttpResponse<String> response = post(notNotified.getId(), "handlaggare1", "{\"receivedDate\":\"" + LocalDate.now() + "\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo("notifiedDate");
    }

    @Test
    void onlyCaseworkersAndOnlyKnownDecisions() {
        String body = "{\"receivedDate\":\"" + LocalDate.now() + "\"}";
        assertThat(post(decision.getId(), "etjanst", body).statusCode()).isEqualTo(403);
        assertThat(post(decision.getId(), null, body).statusCode()).isEqualTo(401);
        assertThat(post(UUID.randomUUID(), "handlaggare1", body).statusCode()).isEqualTo(404);
        assertThat(http.get(AppealController.APPEALS + "/" + UUID.randomUUID(), "handlaggare1").statusCode()).isEqualTo(404);
        assertThat(appeals.findByDecisionId(decision.getId())).isEmpty();
    }
}
