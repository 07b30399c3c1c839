package se.stegvis.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.WebappSession;

/**
 * The access log shows each read of a client: through /api (shown and refused), and every opened task — Tasklist's
 * call for the task's form variables through its own engine API and through /engine-rest — with user, client id,
 * what and when, and no personal data; only loggranskare reads it.
 */
@StegvisSpringTest
class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ClientRepository clients;

    Http http;
    ApplicationScenario scenario;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        scenario = new ApplicationScenario(context, port);
        ApplicationScenario.inNovember2025();
    }

    @AfterEach
    void tearDown() {
        ApplicationScenario.resetClock();
    }

    @Test
    void everyReadAndEveryOpenedTaskOfTheClientIsLoggedForTheLogReviewer() throws Exception {
        var submitted = scenario.familyReadyForInvestigation(1321);
        UUID clientId = applications.findById(submitted.applicationId()).orElseThrow().getClient().getId();
        Client client = clients.findById(clientId).orElseThrow();
        Task task = scenario.task(submitted.processInstanceId(), EkonomisktBistandProcess.TASK_INVESTIGATE);
        assertThat(lines(clientId)).as("nothing read yet by staff").noneMatch(l -> l.path("anvandare").asText()
                .equals("handlaggare1"));

        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), "handlaggare1").statusCode()).isEqualTo(200);
        // A manager asking for the application is answered as if it did not exist, and that is logged too.
        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), "chef1").statusCode()).isIn(403, 404);
        // Tasklist opens the task: its engine API through the webapp session ...
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", "handlaggare1", "demo")).isEqualTo(200);
        var opened = tasklist.get("/camunda/api/engine/engine/default/task/" + task.getId() + "/form-variables",
                "application/json");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        // ... and a REST client the same through /engine-rest; someone the engine refuses is logged as refused.
        assertThat(http.get("/engine-rest/task/" + task.getId() + "/form-variables", "handlaggare2").statusCode())
                .isEqualTo(200);
        assertThat(http.get("/engine-rest/task/" + task.getId() + "/variables", "chef1").statusCode()).isIn(403, 404);

        List<JsonNode> lines = lines(clientId);
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("anvandare").asText()).isEqualTo("handlaggare1");
            assertThat(l.path("vad").asText()).isEqualTo("ansokan");
            assertThat(l.path("objektId").asText()).isEqualTo(submitted.applicationId().toString());
            assertThat(l.path("utfall").asText()).isEqualTo("VISAD");
            assertThat(l.path("tidpunkt").asText()).isNotBlank();
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("anvandare").asText()).isEqualTo("handlaggare1");
            assertThat(l.path("vad").asText()).isEqualTo("uppgift " + EkonomisktBistandProcess.TASK_INVESTIGATE);
            assertThat(l.path("objektId").asText()).isEqualTo(task.getId());
            assertThat(l.path("utfall").asText()).isEqualTo("VISAD");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("anvandare").asText()).isEqualTo("handlaggare2");
            assertThat(l.path("vad").asText()).startsWith("uppgift ");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.path("anvandare").asText()).isEqualTo("chef1");
            assertThat(l.path("utfall").asText()).isEqualTo("NEKAD");
        });

        // No personal data in the log: ids and codes only.
        String body = http.get("/api/atkomstlogg?clientId=" + clientId + "&from=2025-01-01&to=2027-12-31", "granskare1")
                .body();
        assertThat(body).doesNotContain(client.getPersonnummer().value()).doesNotContain("Testperson")
                .doesNotContain("SE4550000000058398257466");
        // Only the log reviewers read it.
        for (String user : List.of("handlaggare1", "chef1", "admin")) {
            assertThat(http.get("/api/atkomstlogg?clientId=" + clientId, user).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(http.get("/api/atkomstlogg?clientId=inte-ett-id", "granskare1").statusCode()).isEqualTo(400);
    }

    private List<JsonNode> lines(UUID clientId) throws Exception {
        var response = http.get("/api/atkomstlogg?clientId=" + clientId + "&from=2025-01-01&to=2027-12-31", "granskare1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        JSON.readTree(response.body()).path("rader").forEach(lines::add);
        return lines;
    }
}
