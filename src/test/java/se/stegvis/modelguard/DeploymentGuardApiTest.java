package se.stegvis.modelguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.identity.AdminProperties;
import se.stegvis.identity.IdentitySetup;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * The attacks of issue #12 through {@code POST /engine-rest/deployment/create}, as a process owner with Modeler or
 * curl would make them: each is refused with 400 naming the file and the element, nothing is deployed and nothing
 * runs. Only administrators (and, in a test environment, process owners) may deploy at all.
 */
@StegvisSpringTest
class DeploymentGuardApiTest {

    static final Path PWNED = Path.of("target", "deployment-guard-pwned");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    IdentityService identityService;
    @Autowired
    ClientRepository clients;

    Http http;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        Files.deleteIfExists(PWNED);
    }

    @AfterEach
    void removeTestDeployments() {
        var repository = engine.getRepositoryService();
        repository.createDeploymentQuery().deploymentNameLike("guard-%").list()
                .forEach(d -> repository.deleteDeployment(d.getId(), true));
    }

    @Test
    void theEngineUsesTheGuardedExpressionLanguage() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getExpressionManager()).isInstanceOf(ModelExpressionManager.class);
        assertThat(configuration.getCustomPreDeployers()).first().isInstanceOf(DeploymentGuard.class);
    }

    @Test
    void runtimeExecIsRefusedAndNothingRuns() throws Exception {
        String command = "touch " + PWNED.toAbsolutePath();
        var response = deploy("processagare1", "guard-exec", "exec.bpmn", process("guard_exec", """
                <bpmn:serviceTask id="Task_Exec" name="Kör kommando"
                    camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('%s')}" />
                """.formatted(command)));

        assertRefused(response, "exec.bpmn", "Task_Exec", "anropar metoden");
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("guard_exec").count())
                .isZero();
        assertThat(http.postJson("/engine-rest/process-definition/key/guard_exec/start", "processagare1", "{}")
                .statusCode()).isEqualTo(404);
        assertThat(PWNED).doesNotExist();
    }

    @Test
    void makingOneselfAnAdministratorIsRefused() {
        var response = deploy("processagare1", "guard-admin", "admin.bpmn", process("guard_admin", """
                <bpmn:serviceTask id="Task_MakeAdmin" name="Bli administratör" camunda:asyncBefore="true"
                    camunda:expression="${identityService.createMembership('processagare1','camunda-admin')}" />
                """));

        assertRefused(response, "admin.bpmn", "Task_MakeAdmin", "createMembership");
        assertThat(identityService.createUserQuery().userId("processagare1").memberOfGroup("camunda-admin").count())
                .isZero();
    }

    @Test
    void reachingTheApplicationsBeansIsRefused() {
        long before = clients.count();
        var response = deploy("processagare1", "guard-beans", "beans.bpmn", process("guard_beans", """
                <bpmn:userTask id="Task_Peek" name="Räkna klienter" camunda:candidateGroups="${clientRepository.count()}" />
                """));

        assertRefused(response, "beans.bpmn", "Task_Peek", "clientRepository");
        assertThat(clients.count()).isEqualTo(before);
    }

    @Test
    void theGuardHoldsForAdministratorsAndForEveryFileOfTheDeployment() {
        var response = deploy("admin", "guard-class", "klass.bpmn", process("guard_class", """
                <bpmn:serviceTask id="Task_Class" name="Klass" camunda:class="se.stegvis.Anything" />
                """));
        assertRefused(response, "klass.bpmn", "Task_Class", "camunda:class");

        // A harmless model beside a script file: the whole deployment is refused.
        response = deploy("admin", "guard-script", "ok.bpmn", process("guard_ok", ""), "skript.js", "java.lang.Runtime");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("skript.js");
        assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("guard-script").count()).isZero();
    }

    @Test
    void theJavaApiIsGuardedToo() {
        var builder = engine.getRepositoryService().createDeployment().name("guard-java")
                .addInputStream("java.bpmn", new ByteArrayInputStream(process("guard_java", """
                        <bpmn:serviceTask id="Task_Script" name="Skript" camunda:delegateExpression="${applicationService}" />
                        """).getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(builder::deploy)
                .isInstanceOf(ModelRefusedException.class)
                .hasMessageContaining("java.bpmn: serviceTask 'Task_Script'")
                .hasMessageContaining("applicationService");
    }

    @Test
    void aModelThatKeepsTheRulesIsDeployedByAProcessOwnerInATestEnvironment() {
        var response = deploy("processagare1", "guard-ok", "ok.bpmn", process("guard_ok", """
                <bpmn:userTask id="Task_Ok" name="Bra" camunda:candidateGroups="handlaggare"
                    camunda:dueDate="${utredningSenast}" />
                """));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsAndInATestEnvironmentProcessOwnersMayDeploy() {
        String model = process("guard_who", "");
        assertThat(deploy("handlaggare1", "guard-who", "who.bpmn", model).statusCode()).isEqualTo(403);
        assertThat(deploy("chef1", "guard-who", "who.bpmn", model).statusCode()).isEqualTo(403);
        assertThat(deploy("teamledare1", "guard-who", "who.bpmn", model).statusCode()).isEqualTo(403);
        assertThat(deploy("admin", "guard-who", "who.bpmn", model).statusCode()).isEqualTo(200);
        // Process owners still read what is deployed.
        assertThat(http.get("/engine-rest/deployment?name=guard-who&maxResults=10", "processagare1").body()).contains("guard-who");
    }

    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    AdminProperties admin;
    @Autowired
    se.stegvis.identity.EserviceProperties eservice;

    @Test
    void switchingProcessOwnerDeploymentOffTakesTheGrantBack() {
        try {
            new IdentitySetup(identityService, authorizationService, filterService, taskService, admin, eservice, true,
                    false)
                    .apply();
            assertThat(authorizationService.isUserAuthorized("processagare1", List.of("processagare"),
                    Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
            assertThat(authorizationService.isUserAuthorized("processagare1", List.of("processagare"),
                    Permissions.READ, Resources.DEPLOYMENT)).isTrue();
            assertThat(deploy("processagare1", "guard-off", "off.bpmn", process("guard_off", "")).statusCode())
                    .isEqualTo(403);
        } finally {
            new IdentitySetup(identityService, authorizationService, filterService, taskService, admin, eservice, true,
                    true)
                    .apply();
        }
    }

    private static void assertRefused(java.net.http.HttpResponse<String> response, String file, String element,
                                      String why) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        try {
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertThat(body.path("message").asText()).contains(file, element, why);
            JsonNode errors = body.path("details").path(file).path("errors");
            assertThat(errors).anySatisfy(e -> {
                assertThat(e.path("mainElementId").asText()).isEqualTo(element);
                assertThat(e.path("line").asInt()).isPositive();
            });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A deployment through the REST API, with files as name/content pairs. */
    private java.net.http.HttpResponse<String> deploy(String user, String name, String... files) {
        String boundary = "stegvisguard";
        StringBuilder body = new StringBuilder()
                .append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n").append(name).append("\r\n");
        for (int i = 0; i < files.length; i += 2) {
            body.append("--").append(boundary).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(files[i]).append("\"; filename=\"")
                    .append(files[i]).append("\"\r\n")
                    .append("Content-Type: application/octet-stream\r\n\r\n").append(files[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return http.post("/engine-rest/deployment/create", user, "multipart/form-data; boundary=" + boundary,
                body.toString());
    }

    static String process(String id, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Guard" targetNamespace="http://stegvis.se/test">
                  <bpmn:process id="%s" name="Test" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Start" name="Start" />
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(id, elements);
    }
}
