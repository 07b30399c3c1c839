package se.stegvis.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.integration.ssbtek.IncomeCheckWorker;

/**
 * A monthly application carried through the running application on the shared test context: submitted by the
 * e-service, register-checked and calculated, ready for "Utred ansökan". November 2025, because the riksnorm table
 * has amounts through 2025; the whole application follows the engine's clock.
 */
public final class ApplicationScenario {

    /** A couple with children 4 and 8, rent 7 500, electricity 400, home insurance 180, child benefit 2 500. */
    public static final long CALCULATED_FAMILY_ASSISTANCE = 7050 + 3030 + 3790 + 2010 + 7500 + 400 + 180 - 2500;

    private final ApplicationContext context;
    private final Http http;

    public record Submitted(UUID applicationId, String processInstanceId, String location) {}

    public ApplicationScenario(ApplicationContext context, int port) {
        this.context = context;
        this.http = new Http(port);
    }

    public static void inNovember2025() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2025-11-03T08:00:00Z")));
    }

    public static void resetClock() {
        ClockUtil.reset();
    }

    /** Submits the family's application (a household of its own per seed), runs the register check and calculation. */
    public Submitted familyReadyForInvestigation(long seed) {
        return familyReadyForInvestigation(seed, "");
    }

    /** {@link #familyReadyForInvestigation(long)} with more JSON members at the end of the application. */
    public Submitted familyReadyForInvestigation(long seed, String moreMembers) {
        String personnummer = new SyntheticPersonnummer(new Random(seed)).next().value();
        var created = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"2025-11","kind":"ATERANSOKAN","adults":2,"childrenAges":[4,8],
                 "costs":{"housing":7500,"electricity":400,"homeInsurance":180},
                 "incomes":{"Barnbidrag":2500},
                 "payoutAccount":{"accountHolder":"Testperson Exempel","iban":"SE4550000000058398257466"}%s}
                """.formatted(personnummer, moreMembers));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String pi = context.getBean(ApplicationRepository.class).findById(id).orElseThrow().getProcessInstanceId();
        runIncomeCheck(pi);
        return new Submitted(id, pi, location);
    }

    /**
     * Runs the register check until this instance's is done: other tests on the shared context may have left checks
     * waiting, and the worker takes a batch at a time. Then the rules on lawful residence ("Pröva rätten till bistånd
     * efter vistelse"), so that the instance waits at the calculation (or, for nödbistånd only, at its preparation).
     */
    public void runIncomeCheck(String pi) {
        var externalTasks = context.getBean(org.camunda.bpm.engine.ExternalTaskService.class);
        IncomeCheckWorker worker = context.getBean(IncomeCheckWorker.class);
        while (externalTasks.createExternalTaskQuery().processInstanceId(pi).count() > 0) {
            assertThat(worker.fetchAndHandle()).as("register checks done for " + pi).isGreaterThanOrEqualTo(1);
        }
        executeJob(pi, se.stegvis.application.process.EkonomisktBistandProcess.TASK_CHECK_RESIDENCE);
    }

    /**
     * Executes the one job at that activity. "Starta klientresan" sends the grant's message to the client journey:
     * then the journey's steps it started run too, as the job executor would run them.
     */
    public void executeJob(String pi, String activity) {
        ManagementService management = context.getBean(ManagementService.class);
        var job = management.createJobQuery().processInstanceId(pi).activityId(activity).singleResult();
        assertThat(job).as("job at " + activity).isNotNull();
        UUID clientId = se.stegvis.application.process.EkonomisktBistandProcess.EVENT_START_JOURNEY.equals(activity)
                ? context.getBean(ApplicationRepository.class).findById(UUID.fromString(context.getBean(
                        org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery().processInstanceId(pi)
                        .singleResult().getBusinessKey())).orElseThrow().getClient().getId() : null;
        management.executeJob(job.getId());
        if (clientId != null) {
            JourneyScenario.runGrantSteps(context, clientId);
        }
    }

    public Task task(String pi, String key) {
        Task task = context.getBean(TaskService.class).createTaskQuery().processInstanceId(pi).taskDefinitionKey(key)
                .singleResult();
        assertThat(task).as("task " + key).isNotNull();
        return task;
    }

    /** Runs {@code action} as the engine's authenticated user, as Tasklist and the REST API do. */
    public void as(String user, Runnable action) {
        IdentityService identity = context.getBean(IdentityService.class);
        identity.setAuthenticatedUserId(user);
        try {
            action.run();
        } finally {
            identity.clearAuthentication();
        }
    }
}
