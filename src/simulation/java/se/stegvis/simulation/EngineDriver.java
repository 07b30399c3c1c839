package se.stegvis.simulation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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

    EngineDriver(ManagementService management, IncomeCheckWorker incomeCheck, StepCosts costs) {
        this.management = management;
        this.incomeCheck = incomeCheck;
        this.costs = costs;
    }

    /** Sets the engine's clock to {@code time} on {@code day}, Swedish time. */
    void at(LocalDate day, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(TimeConfig.SWEDEN).toInstant()));
    }

    /** Back to the real time. */
    void reset() {
        ClockUtil.reset();
    }

    /** Runs the register checks and every job that is due now, again and again until none is left. */
    void settle() {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            long t0 = System.nanoTime();
            int checked = incomeCheck.fetchAndHandle();
            long t1 = System.nanoTime();
            if (checked > 0) {
                costs.add(StepCosts.JOB, INCOME_CHECK, checked, t1 - t0);
            } else {
                costs.add(StepCosts.OWN, "(inkomstkontroll: tom hämtning)", t1 - t0);
            }
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
