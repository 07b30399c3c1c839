package se.stegvis.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.norm.process.RiksnormUpdateProcess;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.RiksnormDeployments;
import se.stegvis.support.StegvisSpringTest;

/**
 * Issue 10 on a real PostgreSQL, through the REST APIs: an application for a month whose year the deployed riksnorm
 * does not have waits — its own status with the reason, a task in the caseworkers' Tasklist, a task for the process
 * owner, no incident — and is calculated by itself once a version with the year is deployed through
 * {@code POST /engine-rest/deployment/create}. And an application for December 2026 reaches *Utred ansökan* with the
 * 2026 amounts.
 */
@StegvisSpringTest
class RiksnormWaitIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired ApplicationRepository applications;

    Http http;
    ApplicationScenario scenario;
    RiksnormDeployments riksnorm;

    @BeforeEach
    void onTheFirstOfDecember2026() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T08:00:00Z")));
        http = new Http(port);
        scenario = new ApplicationScenario(context, port);
        riksnorm = new RiksnormDeployments(port);
    }

    @AfterEach
    void realTableAndClock() {
        riksnorm.restoreProduction();
        runResumeJobs();
        ClockUtil.reset();
    }

    @Test
    void decemberTwentySixReachesInvestigationWithTheAmountsOf2026() throws Exception {
        UUID id = submitFamily(202612);
        String pi = processOf(id);
        scenario.runIncomeCheck(pi);

        assertThat(scenario.task(pi, TASK_INVESTIGATE).getName()).isEqualTo("Utred ansökan");
        JsonNode view = view(id);
        assertThat(view.get("status").asText()).isEqualTo("UTREDNING");
        assertThat(view.get("waitingReason").isNull()).isTrue();
        assertTwentySixLines(view);
    }

    @Test
    void aMissingYearWaitsWithoutIncidentAndIsCalculatedWhenAVersionWithTheYearIsDeployed() throws Exception {
        Submitted application = submittedWithout2026(202613);
        UUID id = application.id();
        String pi = application.processInstanceId();

        // Waiting, visibly: the status and the reason in the API, the caseworkers' task, no incident.
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
        assertThat(applications.findById(id).orElseThrow().getStatus()).isEqualTo(ApplicationStatus.VANTAR_PA_RIKSNORM);
        JsonNode view = view(id);
        assertThat(view.get("status").asText()).isEqualTo("VANTAR_PA_RIKSNORM");
        assertThat(view.get("waitingReason").asText()).contains("Riksnormen för 2026 är inte inlagd än");
        assertThat(view.get("calculation")).isEmpty();
        JsonNode listed = listItem(id);
        assertThat(listed.get("status").asText()).isEqualTo("VANTAR_PA_RIKSNORM");
        assertThat(listed.get("waitingReason").asText()).contains("2026");

        scenario.executeJob(pi, TASK_REQUEST_NORM);
        Task waiting = scenario.task(pi, TASK_AWAIT_NORM);
        assertThat(waiting.getName()).isEqualTo("Ansökan väntar på riksnormen");
        assertThat(taskService.createTaskQuery().taskId(waiting.getId()).taskCandidateGroup(StegvisGroups.HANDLAGGARE)
                .count()).isEqualTo(1);
        assertThat(taskService.getVariable(waiting.getId(), WAITING_REASON).toString()).contains("2026");

        // The process owner is asked for the year, once.
        var ownersCheck = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(RiksnormUpdateProcess.PROCESS_KEY)
                .variableValueEquals(RiksnormUpdateProcess.VAR_NORM_YEAR, 2026).singleResult();
        assertThat(ownersCheck).isNotNull();
        managementService.executeJob(jobAt(ownersCheck.getId(), RiksnormUpdateProcess.TASK_CHECK_NORM_YEAR).getId());
        assertThat(taskService.createTaskQuery().processInstanceId(ownersCheck.getId())
                .taskDefinitionKey(RiksnormUpdateProcess.TASK_ENTER_NORM)
                .taskCandidateGroup(StegvisGroups.PROCESSAGARE).count()).isEqualTo(1);

        try {
            // The process owner deploys the table with 2026 (from Modeler: the same REST call). Nobody touches the
            // application: the deployment starts the resumption, whose job the job executor would run.
            riksnorm.deploy("riksnorm-med-2026", RiksnormDeployments.production());
            assertThat(runResumeJobs()).isPositive();

            assertThat(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(TASK_AWAIT_NORM).count())
                    .isZero();
            // Each waiting application is calculated in a job of its own after the message.
            scenario.executeJob(pi, BOUNDARY_NORM_AVAILABLE);
            assertThat(scenario.task(pi, TASK_INVESTIGATE)).isNotNull();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
            JsonNode calculated = view(id);
            assertThat(calculated.get("status").asText()).isEqualTo("UTREDNING");
            assertThat(calculated.get("waitingReason").isNull()).isTrue();
            assertTwentySixLines(calculated);
            assertThat(runtimeService.getVariables(pi)).doesNotContainKeys(NORM_YEAR_AWAITED, WAITING_REASON);
        } finally {
            runtimeService.deleteProcessInstance(ownersCheck.getId(), "test done");
        }
    }

    @Test
    void aCaseworkersRetryOfTheWaitingApplicationCarriesNoValuesAndCalculatesInAJobOfItsOwn() throws Exception {
        Submitted application = submittedWithout2026(202614);
        UUID id = application.id();
        String pi = application.processInstanceId();
        scenario.executeJob(pi, TASK_REQUEST_NORM);
        Task waiting = scenario.task(pi, TASK_AWAIT_NORM);
        try {
            assertThat(http.postJson("/engine-rest/task/" + waiting.getId() + "/claim", "handlaggare1",
                    "{\"userId\":\"handlaggare1\"}").statusCode()).isEqualTo(204);

            // "Försök igen" cannot bring an amount or a form of assistance along: the form has no such field.
            for (String forged : List.of(CALCULATED_AMOUNT, ASSISTANCE_FORM)) {
                var refused = http.postJson("/engine-rest/task/" + waiting.getId() + "/complete", "handlaggare1",
                        "{\"variables\":{\"%s\":{\"value\":\"999999\"}}}".formatted(forged));
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
                assertThat(refused.body()).contains(forged);
                assertThat(taskService.createTaskQuery().taskId(waiting.getId()).count()).isOne();
            }

            // The plain retry returns at once: the calculation is a job after the task, not the caseworker's request.
            var retried = http.postJson("/engine-rest/task/" + waiting.getId() + "/complete", "handlaggare1", "{}");
            assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
            assertThat(taskService.createTaskQuery().processInstanceId(pi).count()).isZero();
            scenario.executeJob(pi, TASK_AWAIT_NORM);

            // Still no 2026: it waits again, visibly, without an incident, and nothing was calculated.
            scenario.executeJob(pi, TASK_REQUEST_NORM);
            assertThat(scenario.task(pi, TASK_AWAIT_NORM)).isNotNull();
            assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isZero();
            assertThat(view(id).get("status").asText()).isEqualTo("VANTAR_PA_RIKSNORM");
            assertThat(view(id).get("calculation")).isEmpty();
            assertThat(runtimeService.getVariables(pi)).doesNotContainKey(CALCULATED_AMOUNT);
        } finally {
            runtimeService.deleteProcessInstance(pi, "test done");
            runtimeService.createProcessInstanceQuery().processDefinitionKey(RiksnormUpdateProcess.PROCESS_KEY)
                    .variableValueEquals(RiksnormUpdateProcess.VAR_NORM_YEAR, 2026).list()
                    .forEach(owners -> runtimeService.deleteProcessInstance(owners.getId(), "test done"));
        }
    }

    /** A couple with a child of 3 at förskola and one of 8, rent 7 000, child benefit 2 650. */
    /** An application of a family, its income checked, while the deployed riksnorm has no 2026 (so it waits). */
    private Submitted submittedWithout2026(long seed) throws Exception {
        riksnorm.deploy("riksnorm-utan-2026", RiksnormDeployments.withoutYear(RiksnormDeployments.production(), 2026));
        runResumeJobs();
        UUID id = submitFamily(seed);
        String pi = processOf(id);
        scenario.runIncomeCheck(pi);
        return new Submitted(id, pi);
    }

    private record Submitted(UUID id, String processInstanceId) {}

    private UUID submitFamily(long seed) {
        String personnummer = new SyntheticPersonnummer(new Random(seed)).next().value();
        var created = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"2026-12","kind":"ATERANSOKAN","adults":2,
                 "children":[{"age":3,"lunchAtHome":false},{"age":8}],
                 "costs":{"housing":7000},"incomes":{"Barnbidrag":2650},
                 "payoutAccount":{"accountHolder":"Testperson Exempel","iban":"SE4550000000058398257466"}}
                """.formatted(personnummer));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static void assertTwentySixLines(JsonNode view) {
        List<Long> norm = view.get("calculation").findParents("section").stream()
                .filter(line -> "NORM".equals(line.get("section").asText()))
                .map(line -> line.get("amount").asLong()).toList();
        // sambor 7 100, 3 år utan lunch hemma 2 500, 8 år 3 820, gemensamma 4 personer 2 030 (SFS 2025:1046)
        assertThat(norm).containsExactly(7_100L, 2_500L, 3_820L, 2_030L);
        assertThat(view.get("calculation").findValuesAsText("rule"))
                .anySatisfy(rule -> assertThat(rule).contains("socialtjänstförordningen (2025:468) 12 kap. 2 §"));
        assertThat(view.get("calculation").findValuesAsText("description"))
                .contains("Barn 3 år, äter inte lunch hemma alla vardagar: lägre belopp (fullt belopp 2720 kr)");
    }

    private String processOf(UUID id) {
        return applications.findById(id).orElseThrow().getProcessInstanceId();
    }

    private JsonNode view(UUID id) throws Exception {
        var response = http.get("/api/ansokningar/" + id, "handlaggare1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private JsonNode listItem(UUID id) throws Exception {
        var response = http.get("/api/ansokningar?month=2026-12", "handlaggare1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(response.body())) {
            if (item.get("id").asText().equals(id.toString())) {
                return item;
            }
        }
        throw new AssertionError("application " + id + " not in the month's list");
    }

    private Job jobAt(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        return job;
    }

    /** Runs what the job executor would: every pending resumption started by a deployment of the riksnorm. */
    private int runResumeJobs() {
        List<Job> jobs = managementService.createJobQuery().activityId(RiksnormUpdateProcess.TASK_RESUME_WAITING)
                .executable().list();
        jobs.forEach(job -> managementService.executeJob(job.getId()));
        return jobs.size();
    }
}
