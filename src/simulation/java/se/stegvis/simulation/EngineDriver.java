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

    private final ManagementService management;
    private final IncomeCheckWorker incomeCheck;
    private long jobsExecuted;
    private long jobFailures;

    EngineDriver(ManagementService management, IncomeCheckWorker incomeCheck) {
        this.management = management;
        this.incomeCheck = incomeCheck;
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
            timeByActivity.merge("(inkomstkontroll)", System.nanoTime() - t0, Long::sum);
            List<Job> due = management.createJobQuery().executable().list().stream()
                    .sorted(Comparator.comparing(Job::getDuedate, Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(j -> String.valueOf(j.getProcessDefinitionKey()))
                            .thenComparing(j -> String.valueOf(activityOf(j))))
                    .toList();
            if (checked == 0 && due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                long started = System.nanoTime();
                try {
                    management.executeJob(job.getId());
                    jobsExecuted++;
                    timeByActivity.merge(activityOf(job), System.nanoTime() - started, Long::sum);
                } catch (RuntimeException e) {
                    if (management.createJobQuery().jobId(job.getId()).count() == 0) {
                        continue; // an earlier job of this round removed it (e.g. a cancelled timer)
                    }
                    jobFailures++;
                    log.warn("Job {} at {} failed: {}", job.getId(), activityOf(job), e.getMessage());
                }
            }
        }
        throw new IllegalStateException("Jobs keep coming after " + MAX_ROUNDS + " rounds: a loop in a model?");
    }

    private final java.util.Map<String, String> activities = new java.util.HashMap<>();
    private final java.util.Map<String, Long> timeByActivity = new java.util.HashMap<>();

    /** The elements whose jobs took the most time so far, for the progress log. */
    String slowest(int n) {
        return timeByActivity.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(n).map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms").toList().toString();
    }

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
