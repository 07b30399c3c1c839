package se.stegvis.simulation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.SingleConsumerCondition;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.stegvis.config.TimeConfig;
import se.stegvis.integration.ssbtek.IncomeCheckWorker;

/**
 * Moves the engine's clock (the application's Clock follows it, config/EngineClock) and does what the job executor
 * and the register worker would do at that moment: the income checks, then every due job, until nothing is left.
 * Jobs run one at a time in the order of their due date, then element id and process definition, so the run never
 * depends on threads. A job that fails is retried as its retry cycle says; one without retries left is an incident,
 * as in production, and is counted.
 *
 * <p>The register check is fetched as production's worker (IncomeCheckPolling) does it: when the engine signals a
 * new external task (its own signal for long polling), and when the clock has moved since the last fetch (the
 * worker's poll interval) — never again and again at the same moment with nothing new, which found nothing.
 */
final class EngineDriver {

    private static final Logger log = LoggerFactory.getLogger(EngineDriver.class);
    private static final int MAX_ROUNDS = 10_000;
    /** The register check, by the checks it handled (its time per check is the worker's in production). */
    static final String INCOME_CHECK = "(inkomstkontroll)";

    private final ManagementService management;
    private final IncomeCheckWorker incomeCheck;
    private final StepCosts costs;
    private long jobsExecuted;
    private long jobFailures;
    /** Set when the engine has committed a new (or unlocked) external task since the last fetch. */
    private final AtomicBoolean externalTaskAvailable = new AtomicBoolean(true);
    private final SingleConsumerCondition externalTaskSignal = new SingleConsumerCondition(Thread.currentThread()) {
        @Override
        public void signal() {
            externalTaskAvailable.set(true);
        }
    };
    private Date fetchedAt;

    EngineDriver(ManagementService management, IncomeCheckWorker incomeCheck, StepCosts costs) {
        this.management = management;
        this.incomeCheck = incomeCheck;
        this.costs = costs;
    }

    /** Sets the engine's clock to {@code time} on {@code day}, Swedish time. */
    void at(LocalDate day, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(TimeConfig.SWEDEN).toInstant()));
    }

    /** Listens to the engine's signal for new external tasks until {@link #reset}. */
    void listen() {
        ProcessEngineImpl.EXT_TASK_CONDITIONS.addConsumer(externalTaskSignal);
    }

    /** Back to the real time; no longer listening. */
    void reset() {
        ProcessEngineImpl.EXT_TASK_CONDITIONS.removeConsumer(externalTaskSignal);
        ClockUtil.reset();
    }

    /**
     * The register checks that can be fetched now: only when a new one was signalled or the clock moved since the last
     * fetch (with the clock standing still, a lock cannot run out and a retry cannot fall due).
     */
    private int fetchIncomeChecks() {
        Date now = ClockUtil.getCurrentTime();
        boolean signalled = externalTaskAvailable.getAndSet(false);
        if (!signalled && now.equals(fetchedAt)) {
            return 0;
        }
        fetchedAt = now;
        long t0 = System.nanoTime();
        int checked = incomeCheck.fetchAndHandle();
        if (checked > 0) {
            costs.add(StepCosts.JOB, INCOME_CHECK, checked, System.nanoTime() - t0);
            externalTaskAvailable.set(true); // a full batch may have left more: fetch again, as the worker does
        } else {
            costs.add(StepCosts.OWN, "(inkomstkontroll: tom hämtning)", System.nanoTime() - t0);
        }
        return checked;
    }

    /** Runs the register checks and every job that is due now, again and again until none is left. */
    void settle() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int checked = fetchIncomeChecks();
            long t1 = System.nanoTime();
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .sorted(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(j -> String.valueOf(j.getProcessDefinitionKey()))
                            .thenComparing(j -> String.valueOf(activityOf(j))))
                    .toList();
            costs.add(StepCosts.OWN, "(jobbfrågan)", System.nanoTime() - t1);
            if (checked == 0 && due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                long started = System.nanoTime();
                try {
                    management.executeJob(job.getId());
                    jobsExecuted++;
                    costs.add(StepCosts.JOB, activityOf(job), System.nanoTime() - started);
                } catch (RuntimeException e) {
                    if (management.createJobQuery().jobId(job.getId()).count() == 0) {
                        costs.add(StepCosts.OWN, "(jobb som redan var borta)", System.nanoTime() - started);
                        continue; // an earlier job of this round removed it (e.g. a cancelled timer)
                    }
                    costs.add(StepCosts.JOB, activityOf(job) + " (misslyckat)", System.nanoTime() - started);
                    jobFailures++;
                    log.warn("Job {} at {} failed: {}", job.getId(), activityOf(job), e.getMessage());
                }
            }
        }
        throw new IllegalStateException("Jobs keep coming after " + MAX_ROUNDS + " rounds: a loop in a model?");
    }

    private final java.util.Map<String, String> activities = new java.util.HashMap<>();

    /** The element of a job, from its job definition (cached; a job without one sorts first). */
    private String activityOf(Job job) {
        String definition = job.getJobDefinitionId();
        if (definition == null) {
            return "";
        }
        return activities.computeIfAbsent(definition, id -> {
            var jobDefinition = management.createJobDefinitionQuery().jobDefinitionId(id).singleResult();
            return jobDefinition == null ? "" : jobDefinition.getActivityId();
        });
    }

    long jobsExecuted() {
        return jobsExecuted;
    }

    long jobFailures() {
        return jobFailures;
    }
}
