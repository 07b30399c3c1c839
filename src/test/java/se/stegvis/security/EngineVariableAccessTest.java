package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.WebappSession;

/**
 * Managers and process owners get no client variable through any engine or Cockpit API: the engine enforces the
 * specific variable permissions and neither group has them. Administrators do, which shows the queries would find the
 * variables (the test can fail); the caseworker who may work the task reads its form variables.
 */
@StegvisSpringTest
class EngineVariableAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

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
    void managersAndProcessOwnersReadNoVariableThroughTheEngineOrCockpit() {
        var submitted = scenario.familyReadyForInvestigation(1311);
        String pi = submitted.processInstanceId();
        Task task = scenario.task(pi, EkonomisktBistandProcess.TASK_INVESTIGATE);
        // Paged, as the engine requires of every user's list query (query-max-results-limit).
        List<String> paths = java.util.stream.Stream.of(
                "/engine-rest/history/variable-instance?processInstanceId=" + pi,
                "/engine-rest/variable-instance?processInstanceIdIn=" + pi,
                "/engine-rest/history/detail?processInstanceId=" + pi,
                "/engine-rest/history/detail?formFields=true",
                "/engine-rest/history/variable-instance?variableName=" + EkonomisktBistandProcess.CALCULATED_AMOUNT)
                .map(path -> path + "&firstResult=0&maxResults=500").toList();
        // The administrator finds them: the queries are the right ones.
        assertThat(http.get(paths.get(0), "admin").body()).contains(EkonomisktBistandProcess.CALCULATED_AMOUNT);
        assertThat(http.get(paths.get(1), "admin").body()).contains(EkonomisktBistandProcess.CALCULATED_AMOUNT);
        assertThat(http.get("/engine-rest/task/" + task.getId() + "/form-variables", "handlaggare1").statusCode())
                .isEqualTo(200);

        for (String user : List.of("chef1", "processagare1")) {
            for (String path : paths) {
                HttpResponse<String> response = http.get(path, user);
                assertThat(response.statusCode()).as(user + " " + path).isIn(200, 403);
                if (response.statusCode() == 200) {
                    assertThat(response.body()).as(user + " " + path).isEqualTo("[]");
                }
            }
            for (String path : List.of("/engine-rest/task/" + task.getId() + "/variables",
                    "/engine-rest/task/" + task.getId() + "/form-variables",
                    "/engine-rest/process-instance/" + pi + "/variables",
                    "/engine-rest/execution/" + pi + "/localVariables")) {
                HttpResponse<String> response = http.get(path, user);
                assertThat(response.statusCode()).as(user + " " + path).isIn(403, 404);
                assertThat(response.body()).doesNotContain(EkonomisktBistandProcess.CALCULATED_AMOUNT);
            }
            // Cockpit: its engine API (what the variables tab calls) and its own plugin API.
            WebappSession cockpit = new WebappSession(port);
            assertThat(cockpit.login("cockpit", user, "demo")).isEqualTo(200);
            for (String path : List.of(
                    "/camunda/api/engine/engine/default/variable-instance?processInstanceIdIn=" + pi,
                    "/camunda/api/engine/engine/default/history/variable-instance?processInstanceId=" + pi,
                    "/camunda/api/engine/engine/default/history/detail?processInstanceId=" + pi,
                    "/camunda/api/engine/engine/default/task/" + task.getId() + "/form-variables",
                    "/camunda/api/cockpit/plugin/base/default/process-instance/" + pi + "/called-process-instances",
                    "/camunda/api/cockpit/plugin/base/default/incident?processInstanceIdIn=" + pi)) {
                HttpResponse<String> response = cockpit.get(path, "application/json");
                assertThat(response.body()).as(user + " " + path)
                        .doesNotContain(EkonomisktBistandProcess.CALCULATED_AMOUNT)
                        .doesNotContain(EkonomisktBistandProcess.APPLICATION_ID);
            }
        }
    }
}
