package se.stegvis.integration.ssbtek;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.stereotype.Component;

/**
 * Works the external tasks of topic {@value IncomeCheckTopic#TOPIC} inside this application: fetches and locks a
 * batch, runs {@link IncomeCheckService#check} for each and completes it with {@value IncomeCheckTopic#REGISTER_CHECKED}
 * = true.
 *
 * <p>Failures: when the register does not answer ({@link RegisterUnavailableException}), the application changed
 * under the check, or the database could not be reached for the moment, the task is retried after
 * {@code stegvis.ssbtek.retry-timeout}, {@code stegvis.ssbtek.retries} attempts in all (default 3); after the last
 * the engine raises an incident with the message of the last failure (the register's is
 * {@value IncomeCheckTopic#REGISTER_UNAVAILABLE_MESSAGE}), visible in Cockpit. Any other failure (bad data: an unknown
 * application, a missing variable) raises an incident at once, with the cause as its message.
 *
 * <p>Several engine nodes may run this worker: fetch-and-lock gives each task to one node at a time.
 * {@link IncomeCheckPolling} calls {@link #fetchAndHandle()} when this node's engine creates a task and at least every
 * poll interval; tests call it directly.
 */
@Component
public class IncomeCheckWorker {

    private static final Logger log = LoggerFactory.getLogger(IncomeCheckWorker.class);
    private static final int MAX_ERROR_MESSAGE = 600;
    static final String DATABASE_UNAVAILABLE_MESSAGE = "Databasen svarade inte under inkomstkontrollen";

    private final ExternalTaskService externalTasks;
    private final IncomeCheckService incomeCheck;
    private final SsbtekProperties properties;
    private final String workerId = "stegvis-inkomstkontroll-" + UUID.randomUUID();

    public IncomeCheckWorker(ExternalTaskService externalTasks, IncomeCheckService incomeCheck,
                             SsbtekProperties properties) {
        this.externalTasks = externalTasks;
        this.incomeCheck = incomeCheck;
        this.properties = properties;
    }

    /**
     * Fetches and handles one batch of at most {@code stegvis.ssbtek.max-tasks} tasks.
     *
     * @return how many tasks were handled (completed or failed)
     */
    public int fetchAndHandle() {
        List<LockedExternalTask> tasks = externalTasks.fetchAndLock(properties.maxTasks(), workerId)
                .topic(IncomeCheckTopic.TOPIC, properties.lockDuration().toMillis())
                .variables(IncomeCheckTopic.APPLICATION_ID)
                .execute();
        for (LockedExternalTask task : tasks) {
            handle(task);
        }
        return tasks.size();
    }

    public String getWorkerId() {
        return workerId;
    }

    private void handle(LockedExternalTask task) {
        try {
            incomeCheck.check(IncomeCheckTopic.applicationId(task));
        } catch (RegisterUnavailableException e) {
            retryLater(task, IncomeCheckTopic.REGISTER_UNAVAILABLE_MESSAGE, e);
            return;
        } catch (TransientDataAccessException e) {
            retryLater(task, "Ansökan ändrades under inkomstkontrollen", e);
            return;
        } catch (CannotCreateTransactionException | DataAccessResourceFailureException
                 | RecoverableDataAccessException e) {
            // No connection to the database for the moment (all in use under load, or the database restarting): the
            // next attempt will do; this is no fault in the application's data.
            retryLater(task, DATABASE_UNAVAILABLE_MESSAGE, e);
            return;
        } catch (RuntimeException e) {
            fail(task, truncate("Inkomstkontrollen kunde inte göras: " + e.getMessage()), e, 0, 0);
            return;
        }
        try {
            externalTasks.complete(task.getId(), workerId, Map.of(IncomeCheckTopic.REGISTER_CHECKED, true));
        } catch (ProcessEngineException e) {
            // The lock expired and another node took the task, or the process was cancelled meanwhile. The warnings
            // stay; the other node's run replaces them.
            log.warn("Income-check task {} could not be completed: {}", task.getId(), e.getMessage());
        }
    }

    private void retryLater(LockedExternalTask task, String message, Exception e) {
        int retriesLeft = (task.getRetries() == null ? properties.retries() : task.getRetries()) - 1;
        long timeout = retriesLeft > 0 ? properties.retryTimeout().toMillis() : 0;
        fail(task, message, e, Math.max(retriesLeft, 0), timeout);
    }

    private void fail(LockedExternalTask task, String message, Exception e, int retriesLeft, long retryTimeout) {
        log.warn("Income-check task {} of process instance {} failed ({} retries left): {}",
                task.getId(), task.getProcessInstanceId(), retriesLeft, e.toString());
        try {
            externalTasks.handleFailure(task.getId(), workerId, message, stackTrace(e), retriesLeft, retryTimeout);
        } catch (ProcessEngineException lost) {
            log.warn("Failure of income-check task {} could not be reported: {}", task.getId(), lost.getMessage());
        }
    }

    private static String truncate(String message) {
        return message.length() <= MAX_ERROR_MESSAGE ? message : message.substring(0, MAX_ERROR_MESSAGE - 1) + "…";
    }

    private static String stackTrace(Exception e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
