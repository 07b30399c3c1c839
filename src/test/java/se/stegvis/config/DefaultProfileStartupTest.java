package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import se.stegvis.StegvisApplication;
import se.stegvis.norm.process.RiksnormUpdateProcess;
import se.stegvis.support.Http;
import se.stegvis.support.WebappSession;

/**
 * The default profile as a newcomer meets it: H2 file database, demo users, job executor on. Started twice on the
 * same database, as a restart: the data stays and no model gets a new version.
 */
class DefaultProfileStartupTest {

    @Test
    void startsOnH2KeepsDataAndDeploysNothingNewOnRestart(@TempDir Path data) {
        String url = "jdbc:h2:file:" + data.resolve("stegvis") + ";DB_CLOSE_ON_EXIT=FALSE";

        String firstDeployment;
        try (ConfigurableApplicationContext app = start(url)) {
            RepositoryService repository = app.getBean(RepositoryService.class);
            var definition = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(RiksnormUpdateProcess.PROCESS_KEY).latestVersion().singleResult();
            assertThat(definition.getVersion()).isEqualTo(1);
            firstDeployment = definition.getDeploymentId();
            assertThat(repository.getDeploymentResourceNames(firstDeployment))
                    .contains("processes/riksnorm-uppdatering.bpmn", "processes/riksnorm.dmn",
                            "forms/riksnorm-uppdatering.form");

            IdentityService identity = app.getBean(IdentityService.class);
            assertThat(identity.checkPassword("handlaggare1", "demo")).isTrue();
            assertThat(identity.checkPassword("admin", "demo")).isTrue();

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(new WebappSession(port, ENGINE).login("tasklist", "handlaggare1", "demo")).isEqualTo(200);
            var health = new Http(port).get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"processEngine\"", "\"jobExecutor\"", "\"db\"");

            // Something to survive the restart.
            String instance = app.getBean(org.camunda.bpm.engine.RuntimeService.class)
                    .createMessageCorrelation(RiksnormUpdateProcess.MESSAGE_CHECK_REQUESTED)
                    .processInstanceBusinessKey("omstart")
                    .setVariable(RiksnormUpdateProcess.VAR_NORM_YEAR, 2031)
                    .correlateStartMessage().getId();
            assertThat(app.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey("omstart").count()).isEqualTo(1);
            // Stopped as an operator would, once the job executor has done the instance's first step: a stop in the
            // middle of a job rolls that job back, and H2 (unlike PostgreSQL) may then lose its last second of writes.
            var jobs = app.getBean(org.camunda.bpm.engine.ManagementService.class);
            long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(120);
            while (jobs.createJobQuery().processInstanceId(instance).executable().count() > 0
                    && System.nanoTime() < until) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }

        try (ConfigurableApplicationContext app = start(url)) {
            RepositoryService repository = app.getBean(RepositoryService.class);
            assertThat(repository.createDeploymentQuery().count()).isEqualTo(1);
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(RiksnormUpdateProcess.PROCESS_KEY)
                    .latestVersion().singleResult().getDeploymentId()).isEqualTo(firstDeployment);
            assertThat(app.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey("omstart").count()).isEqualTo(1);
            assertThat(app.getBean(IdentityService.class).createUserQuery().userId("handlaggare1").count()).isEqualTo(1);
            openTaskCountsAsTheEngineCountsThem(app);
            grantsLookedUpOnH2(app);
        }
    }

    /** The operational metrics' grouped counts run on H2 too, and agree with the engine (OpenTaskCountsTest). */
    private static void openTaskCountsAsTheEngineCountsThem(ConfigurableApplicationContext app) {
        var tasks = app.getBean(org.camunda.bpm.engine.TaskService.class);
        var task = tasks.newTask();
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), "handlaggare");
        tasks.addCandidateGroup(task.getId(), "handlaggare-centrum");
        var counts = app.getBean(se.stegvis.metrics.OpenTaskCounts.class);
        var routing = app.getBean(se.stegvis.client.process.ClientTaskRouting.class);
        java.util.Map<String, java.util.List<String>> roles = new java.util.LinkedHashMap<>();
        for (String role : java.util.List.of("handlaggare", "processagare")) {
            roles.put(role, routing.roleWithinUnits(role, null));
        }
        counts.perCandidateGroups(roles).forEach((role, open) -> assertThat(open).as(role).isEqualTo(
                tasks.createTaskQuery().taskCandidateGroup(role).includeAssignedTasks().count()));
        assertThat(counts.perCandidateGroups(roles).get("handlaggare")).isPositive();
        counts.perTaskType().forEach((type, open) -> assertThat(open).as(type.toString()).isEqualTo(tasks
                .createTaskQuery().processDefinitionKey(type.processKey()).taskDefinitionKey(type.taskKey()).count()));
        tasks.deleteTask(task.getId(), true);
    }

    /** The task query with the caller's grants looked up per task (TaskGrantLookup) runs on H2 too. */
    private static void grantsLookedUpOnH2(ConfigurableApplicationContext app) {
        var tasks = app.getBean(org.camunda.bpm.engine.TaskService.class);
        var authorizations = app.getBean(org.camunda.bpm.engine.AuthorizationService.class);
        var identity = app.getBean(IdentityService.class);
        var task = tasks.newTask();
        tasks.saveTask(task);
        var grant = authorizations.createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId("h2-beviljad");
        grant.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
        grant.setResourceId(task.getId());
        grant.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        authorizations.saveAuthorization(grant);
        try {
            for (var groups : java.util.List.of(java.util.List.of("h2-beviljad"), java.util.List.of("h2-annan"))) {
                identity.setAuthentication("h2-anvandare", groups);
                long expected = groups.contains("h2-beviljad") ? 1 : 0;
                assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as(groups.toString()).isEqualTo(expected);
                assertThat(tasks.createTaskQuery().taskId(task.getId()).listPage(0, 10)).as(groups.toString()).hasSize((int) expected);
                identity.clearAuthentication();
            }
        } finally {
            identity.clearAuthentication();
            authorizations.deleteAuthorization(grant.getId());
            tasks.deleteTask(task.getId(), true);
        }
    }

    /**
     * Camunda keeps a static registry of engines by name, which the webapps use: an engine of its own name keeps this
     * application apart from the shared test context running in the same JVM.
     */
    private static final String ENGINE = "h2default";

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(StegvisApplication.class)
                // command-line arguments: they outrank application.yaml
                .run("--spring.datasource.url=" + url, "--server.port=0", "--camunda.bpm.process-engine-name=" + ENGINE);
    }
}
