package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.WebappSession;

/**
 * Business refusals in the engine reach REST clients as 400/403/409 naming the field or rule, never 500: through
 * {@code /engine-rest} and through the webapps' engine API that Tasklist calls (which shows {@code message}).
 */
@StegvisSpringTest
class EngineRefusalApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TaskService taskService;

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
    void invalidFormDataIs400NamingTheField() throws Exception {
        String pi = scenario.familyReadyForInvestigation(2026120101).processInstanceId();
        Task task = scenario.task(pi, TASK_INVESTIGATE);
        assertThat(http.postJson("/engine-rest/task/" + task.getId() + "/claim", "handlaggare1",
                "{\"userId\":\"handlaggare1\"}").statusCode()).isEqualTo(204);

        var response = http.postJson("/engine-rest/task/" + task.getId() + "/complete", "handlaggare1", """
                {"variables":{"varningarKvitterade":{"value":true},"beslutsforslag":{"value":"AVSLAG"}}}""");

        JsonNode body = refusal(response, 400);
        assertThat(body.path("field").asText()).isEqualTo(REASONS);
        assertThat(body.path("message").asText()).contains("ska beslutet motiveras");
        assertThat(body.path("type").asText()).isEqualTo("InvalidRequestException");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("the task stays open").isOne();
    }

    @Test
    void fourEyesIs403NamingTheRule() throws Exception {
        String pi = scenario.familyReadyForInvestigation(2026120102).processInstanceId();
        Task investigate = scenario.task(pi, TASK_INVESTIGATE);
        // The administrator investigates (an administrator may do every task) and proposes a refusal: attest needed.
        http.postJson("/engine-rest/task/" + investigate.getId() + "/claim", "admin", "{\"userId\":\"admin\"}");
        var completed = http.postJson("/engine-rest/task/" + investigate.getId() + "/complete", "admin", """
                {"variables":{"varningarKvitterade":{"value":true},"beslutsforslag":{"value":"AVSLAG"},
                 "beslutsmotivering":{"value":"Inkomsterna täcker behovet."}}}""");
        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
        Task attest = scenario.task(pi, TASK_ATTEST);

        JsonNode claim = refusal(http.postJson("/engine-rest/task/" + attest.getId() + "/claim", "admin",
                "{\"userId\":\"admin\"}"), 403);
        assertThat(claim.path("rule").asText()).isEqualTo("fyra-ogon");
        assertThat(claim.path("message").asText()).contains("fyra ögon");

        JsonNode complete = refusal(http.postJson("/engine-rest/task/" + attest.getId() + "/complete", "admin",
                "{\"variables\":{\"attestBeslut\":{\"value\":\"GODKANN\"}}}"), 403);
        assertThat(complete.path("rule").asText()).isEqualTo("fyra-ogon");
        assertThat(taskService.createTaskQuery().taskId(attest.getId()).count()).isOne();
    }

    @Test
    void tasklistGetsTheRefusalWithItsMessage() throws Exception {
        String pi = scenario.familyReadyForInvestigation(2026120103).processInstanceId();
        Task task = scenario.task(pi, TASK_INVESTIGATE);
        taskService.claim(task.getId(), "handlaggare1");
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "handlaggare1", "demo")).isEqualTo(200);
        tasklist.get("/camunda/api/admin/auth/user/default", "application/json");

        var response = tasklist.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form"))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", tasklist.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"variables":{"varningarKvitterade":{"value":true,"type":"Boolean"}}}"""))
                .build());

        JsonNode body = refusal(response, 400);
        assertThat(body.path("field").asText()).isEqualTo(PROPOSED_DECISION);
        assertThat(body.path("message").asText()).startsWith("Välj beslutsförslag");
    }

    @Test
    void stackTracesAndErrorDetailsAreForAdministratorsOnly() {
        for (String path : new String[] {"/engine-rest/job/okand/stacktrace",
                "/engine-rest/external-task/okand/errorDetails",
                "/engine-rest/history/job-log/okand/stacktrace",
                "/engine-rest/history/external-task-log/okand/error-details"}) {
            assertThat(http.get(path, "processagare1").statusCode()).as(path).isEqualTo(403);
            assertThat(http.get(path, "chef1").statusCode()).as(path).isEqualTo(403);
            // The administrator gets past the check (to "not found" for an unknown id).
            assertThat(http.get(path, "admin").statusCode()).as(path).isNotEqualTo(403);
        }
    }

    private static JsonNode refusal(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/json"));
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }
}
