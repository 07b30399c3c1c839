package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.DecisionProposals;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * The attacks of #12 on control data, through engine-rest as a caseworker would: extra variables when completing a
 * task, task variables and candidate groups set outside completing, a process started with an existing application.
 * Each is refused (400 naming the variable, 403) and leaves nothing behind.
 */
@StegvisSpringTest
class ControlDataApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    DecisionProposals proposals;

    ApplicationScenario scenario;
    Http http;

    @BeforeEach
    void setUp() {
        ApplicationScenario.inNovember2025();
        scenario = new ApplicationScenario(context, port);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        ApplicationScenario.resetClock();
    }

    @Test
    void completingATaskTakesTheFieldsOfItsFormOnly() throws Exception {
        var submitted = scenario.familyReadyForInvestigation(2026121201);
        Task task = claimed(submitted.processInstanceId(), "handlaggare2");

        // The attack: the approving group sent along with the investigation.
        JsonNode body = refusal(http.postJson("/engine-rest/task/" + task.getId() + "/complete", "handlaggare2", """
                {"variables":{"varningarKvitterade":{"value":true},"beslutsforslag":{"value":"BIFALL"},
                 "kompletteringBehovs":{"value":false},"attestGrupp":{"value":"handlaggare"}}}"""), 400);
        assertThat(body.path("field").asText()).isEqualTo("attestGrupp");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
        assertThat(runtimeService.getVariable(submitted.processInstanceId(), "attestGrupp")).isNull();
    }

    @Test
    void theAmountIsTheCalculationsWhateverTheFormSends() {
        var submitted = scenario.familyReadyForInvestigation(2026121202);
        Task task = claimed(submitted.processInstanceId(), "handlaggare2");

        // beraknatBelopp is a (read-only) field of the form: accepted, and ignored.
        var response = http.postJson("/engine-rest/task/" + task.getId() + "/complete", "handlaggare2", """
                {"variables":{"varningarKvitterade":{"value":true},"beslutsforslag":{"value":"BIFALL"},
                 "kompletteringBehovs":{"value":false},"beraknatBelopp":{"value":24999}}}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
        assertThat(proposals.current(submitted.applicationId()).getAmount())
                .isEqualTo(ApplicationScenario.CALCULATED_FAMILY_ASSISTANCE);
        assertThat(proposals.current(submitted.applicationId()).getProposedBy()).isEqualTo("handlaggare2");
    }

    @Test
    void caseworkersSetNoTaskVariablesAndNoCandidateGroups() {
        var submitted = scenario.familyReadyForInvestigation(2026121203);
        Task task = claimed(submitted.processInstanceId(), "handlaggare2");
        int links = taskService.getIdentityLinksForTask(task.getId()).size();

        var put = http.send(http.request("/engine-rest/task/" + task.getId() + "/variables/utredare", "handlaggare2")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"teamledare1\",\"type\":\"String\"}")).build());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
        var link = http.postJson("/engine-rest/task/" + task.getId() + "/identity-links", "handlaggare2",
                "{\"groupId\":\"handlaggare\",\"type\":\"candidate\"}");
        assertThat(link.statusCode()).as(link.body()).isEqualTo(403);
        var processVariable = http.postJson("/engine-rest/process-instance/" + submitted.processInstanceId()
                + "/variables", "handlaggare2", "{\"modifications\":{\"utredare\":{\"value\":\"teamledare1\"}}}");
        assertThat(processVariable.statusCode()).as(processVariable.body()).isEqualTo(403);

        assertThat(taskService.getVariable(task.getId(), INVESTIGATOR)).isNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).hasSize(links);
    }

    @Test
    void aProcessStartNamingAnApplicationIsRefused() throws Exception {
        var submitted = scenario.familyReadyForInvestigation(2026121204);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count();

        JsonNode body = refusal(http.postJson("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start",
                "handlaggare2", "{\"variables\":{\"applicationId\":{\"value\":\"" + submitted.applicationId()
                        + "\"}}}"), 400);
        assertThat(body.path("field").asText()).isEqualTo(APPLICATION_ID);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count())
                .isEqualTo(before);
    }

    @Test
    void anAccountHolderTheBankCannotCarryIsRefusedWhenTheAccountIsRegistered() throws Exception {
        var response = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"2025-11","kind":"NYANSOKAN","adults":1,
                 "payoutAccount":{"accountHolder":"\u0645\u062d\u0645\u062f \u0639\u0644\u064a",
                                  "iban":"SE4550000000058398257466"}}
                """.formatted(new se.stegvis.client.domain.SyntheticPersonnummer(new java.util.Random(2026121205))
                .next().value()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("payoutAccount.accountHolder").doesNotContain("\u0645");
        // Latin names with accents are carried (the file drops only the accent).
        assertThat(se.stegvis.payment.pain001.Pain001Writer.canCarry("Łukasz Żółć-Öberg")).isTrue();
        assertThat(se.stegvis.payment.pain001.Pain001Writer.canCarry("Иван Петров")).isFalse();
    }

    @Test
    void coachesStartNoProcessAndCaseworkersOnlyTheApplication() {
        // The start form as Tasklist submits it; a coach is refused before any field is looked at.
        String form = "{\"variables\":{}}";
        var coach = http.postJson("/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form", "coach1", form);
        assertThat(coach.statusCode()).as(coach.body()).isEqualTo(403);
        var other = http.postJson("/engine-rest/process-definition/key/klientresa/start", "handlaggare2", "{}");
        assertThat(other.statusCode()).as(other.body()).isEqualTo(403);
    }

    @Test
    void noOneButTheGrantsStepStartsAJourneyByItsMessage() {
        // "Registrera klientresan" runs in the transaction of the message that starts the journey: sent through the
        // engine's REST API by staff, it would register a journey for any client id. The engine refuses the start
        // (CREATE_INSTANCE on klientresa is nobody's), so nothing runs and nothing is recorded.
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("klientresa").count();
        // As "Starta klientresan" sends it: correlated by the client's id, which no running journey has here.
        String message = """
                {"messageName":"%1$s","correlationKeys":{"%2$s":{"value":"%3$s","type":"String"}},
                 "processVariables":{"%2$s":{"value":"%3$s","type":"String"}}}
                """.formatted(se.stegvis.client.process.JourneyStartMessage.NAME,
                se.stegvis.client.process.JourneyStartMessage.CLIENT_ID, java.util.UUID.randomUUID());
        for (String user : List.of("handlaggare2", "coach1", "teamledare1", "processagare1")) {
            var response = http.postJson("/engine-rest/message", user, message);
            assertThat(response.statusCode()).as(user + ": " + response.body()).isEqualTo(403);
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("klientresa").count())
                .isEqualTo(before);
    }

    private Task claimed(String pi, String user) {
        Task task = scenario.task(pi, TASK_INVESTIGATE);
        var claim = http.postJson("/engine-rest/task/" + task.getId() + "/claim", user, "{\"userId\":\"" + user + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(204);
        return task;
    }

    private static JsonNode refusal(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }
}
