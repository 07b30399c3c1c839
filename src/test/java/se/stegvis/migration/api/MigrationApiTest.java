package se.stegvis.migration.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
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
 * POST /api/migreringar: an application waiting in "Utred ansökan" on the deployed version of ekonomiskt-bistand is
 * moved to a new version in which that task has another id and name ("Granska ansökan"): refused while the renamed
 * task is not mapped (the reason names it), carried out as a batch once the process owner maps it. Only process owners
 * may (403 for others), also with their Cockpit session (which must carry Camunda's CSRF token).
 */
@StegvisSpringTest
class MigrationApiTest {

    static final String RENAMED = "UserTask_ReviewApplication";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    private final ObjectMapper json = new ObjectMapper();
    /** A household of its own per test: one monthly application per client and month. */
    private static final java.util.concurrent.atomic.AtomicLong SEEDS = new java.util.concurrent.atomic.AtomicLong(47_110);

    private Http http;
    private String deploymentId;
    private ProcessDefinition version1;
    private ProcessDefinition version2;
    private String processInstanceId;

    @BeforeEach
    void anApplicationWaitsInUtredAnsokanAndANewVersionIsDeployed() throws Exception {
        http = new Http(port);
        ApplicationScenario.inNovember2025();
        processInstanceId = new ApplicationScenario(context, port).familyReadyForInvestigation(SEEDS.incrementAndGet()).processInstanceId();
        version1 = repository.createProcessDefinitionQuery().processDefinitionKey(EkonomisktBistandProcess.PROCESS_KEY)
                .latestVersion().singleResult();
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getTaskDefinitionKey())
                .isEqualTo(EkonomisktBistandProcess.TASK_INVESTIGATE);

        // Version 2: "Utred ansökan" renamed (another id and name), the rest as it is.
        String bpmn = Files.readString(Path.of("processes/ekonomiskt-bistand.bpmn"))
                .replace(EkonomisktBistandProcess.TASK_INVESTIGATE, RENAMED)
                .replace("name=\"Utred ansökan\"", "name=\"Granska ansökan\"")
                .replaceFirst("camunda:versionTag=\"[^\"]*\"", "camunda:versionTag=\"2.0\"");
        deploymentId = repository.createDeployment().name("migreringstest")
                .addString("ekonomiskt-bistand.bpmn", bpmn).deploy().getId();
        version2 = repository.createProcessDefinitionQuery().deploymentId(deploymentId).singleResult();
        assertThat(version2.getVersion()).isGreaterThan(version1.getVersion());
    }

    @AfterEach
    void removeVersion2() {
        repository.deleteDeployment(deploymentId, true);
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, "migreringstest");
        }
        ApplicationScenario.resetClock();
    }

    @Test
    void anInstanceInUtredAnsokanMovesToVersion2WithTheRenamedTask() throws Exception {
        // The plan without a mapping: everything maps by id except the renamed task, which the instance sits in.
        var plan = post("processagare1", request(null, false));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        JsonNode p = json.readTree(plan.body());
        assertThat(p.path("valid").asBoolean()).isFalse();
        assertThat(p.path("from").path("versionTag").asText()).isEqualTo(version1.getVersionTag()).isNotEqualTo("2.0");
        assertThat(p.path("to").path("versionTag").asText()).isEqualTo("2.0");
        assertThat(p.path("unmapped").toString()).contains(EkonomisktBistandProcess.TASK_INVESTIGATE, "Utred ansökan");
        assertThat(p.path("instructions").toString()).contains("ServiceTask_SchedulePayment")
                .doesNotContain("\"from\":\"" + EkonomisktBistandProcess.TASK_INVESTIGATE + "\"");

        // Carrying it out is refused and says why.
        var refused = post("processagare1", request(null, true));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("Utred ansökan", EkonomisktBistandProcess.TASK_INVESTIGATE, "mappings");

        // With the process owner's mapping the plan is valid and runs as a batch.
        String mapping = "[{\"from\":\"" + EkonomisktBistandProcess.TASK_INVESTIGATE + "\",\"to\":\"" + RENAMED + "\"}]";
        var valid = post("processagare1", request(mapping, false));
        assertThat(json.readTree(valid.body()).path("valid").asBoolean()).as(valid.body()).isTrue();
        assertThat(valid.body()).contains("Granska ansökan");
        var started = post("processagare1", request(mapping, true));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String batchId = json.readTree(started.body()).path("batchId").asText();
        runBatch(batchId);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId()).isEqualTo(version2.getId());
        // The waiting task is now the new version's task (Camunda keeps the task's own name and assignee).
        var task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(RENAMED);
        assertThat(task.getProcessDefinitionId()).isEqualTo(version2.getId());
    }

    @Test
    void onlyProcessOwnersMayMigrate() {
        assertThat(post("handlaggare1", request(null, false)).statusCode()).isEqualTo(403);
        assertThat(post("chef1", request(null, false)).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/migreringar", "teamledare1").statusCode()).isEqualTo(403);
        assertThat(post(null, request(null, false)).statusCode()).isEqualTo(401);
        var overview = http.get("/api/migreringar", "processagare1");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).contains("\"key\":\"ekonomiskt-bistand\"", "\"versionTag\":\"2.0\"");
    }

    @Test
    void badPlansAreRefusedWithTheReason() throws Exception {
        var notNewer = post("processagare1", "{\"processDefinitionKey\":\"ekonomiskt-bistand\",\"fromVersion\":"
                + version2.getVersion() + ",\"toVersion\":" + version1.getVersion() + "}");
        assertThat(notNewer.statusCode()).isEqualTo(400);
        assertThat(notNewer.body()).contains("\"field\":\"toVersion\"");

        var unknownActivity = post("processagare1", request("[{\"from\":\"Task_Finns_Inte\",\"to\":\"" + RENAMED + "\"}]", false));
        assertThat(unknownActivity.statusCode()).isEqualTo(400);
        assertThat(unknownActivity.body()).contains("\"field\":\"mappings[0].from\"", "Task_Finns_Inte");

        // Camunda's own validation: a user task cannot become a service task.
        var refusedByCamunda = post("processagare1", request("[{\"from\":\"" + EkonomisktBistandProcess.TASK_INVESTIGATE
                + "\",\"to\":\"" + EkonomisktBistandProcess.TASK_SCHEDULE_PAYMENT + "\"}]", false));
        assertThat(refusedByCamunda.statusCode()).isEqualTo(400);
        assertThat(refusedByCamunda.body()).contains("\"field\":\"mappings\"", "Camunda godtar inte planen");

        var unknownProcess = post("processagare1", "{\"processDefinitionKey\":\"finns-inte\",\"fromVersion\":1}");
        assertThat(unknownProcess.statusCode()).isEqualTo(404);
        var unknownField = post("processagare1", "{\"processDefinitionKey\":\"ekonomiskt-bistand\",\"fromVersion\":1,\"x\":1}");
        assertThat(unknownField.statusCode()).isEqualTo(400);
    }

    @Test
    void aCockpitSessionMayPlanOnlyWithCamundasCsrfToken() throws Exception {
        WebappSession session = new WebappSession(port);
        assertThat(session.login("cockpit", "processagare1", "demo")).isEqualTo(200);
        session.get("/camunda/api/admin/auth/user/default", "application/json"); // hands out the session's CSRF token
        var withoutToken = session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/migreringar"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(request(null, false), StandardCharsets.UTF_8)).build());
        assertThat(withoutToken.statusCode()).isEqualTo(401);
        var withToken = session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/migreringar"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", session.csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(request(null, false), StandardCharsets.UTF_8)).build());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
        assertThat(session.get("/api/migreringar", "application/json").statusCode()).isEqualTo(200);
    }

    private String request(String mappings, boolean execute) {
        return "{\"processDefinitionKey\":\"ekonomiskt-bistand\",\"fromVersion\":" + version1.getVersion()
                + ",\"toVersion\":" + version2.getVersion() + ",\"processInstanceIds\":[\"" + processInstanceId + "\"]"
                + (mappings == null ? "" : ",\"mappings\":" + mappings) + ",\"execute\":" + execute + "}";
    }

    private java.net.http.HttpResponse<String> post(String user, String body) {
        return http.postJson("/api/migreringar", user, body);
    }

    /** The batch's seed job, its migration jobs and its monitor job, as the job executor would run them. */
    private void runBatch(String batchId) {
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        assertThat(batch).isNotNull();
        management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        management.createJobQuery().jobDefinitionId(batch.getMonitorJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
    }
}
