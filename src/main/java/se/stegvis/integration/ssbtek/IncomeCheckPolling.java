package se.stegvis.integration.ssbtek;

import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.util.SingleConsumerCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the income check on this node while {@code stegvis.ssbtek.worker-enabled} is true (the default; the test
 * profile turns it off): a thread of its own fetches and handles batches until none is left, then waits — for at most
 * {@code stegvis.ssbtek.poll-interval} (default 2000 ms), and no longer than until this node's engine commits a new
 * external task. That is the engine's own signal for long polling (the one the REST API's {@code fetchAndLock} with
 * {@code asyncResponseTimeout} waits on), so an application submitted here is checked at once instead of after a
 * polling delay (issue #14); tasks created on other nodes are found by the next poll. Started when the application
 * is up, stopped on shutdown.
 */
@Component
@ConditionalOnProperty(name = "stegvis.ssbtek.worker-enabled", havingValue = "true", matchIfMissing = true)
public class IncomeCheckPolling implements SmartLifecycle, Runnable {

    private static final Logger log = LoggerFactory.getLogger(IncomeCheckPolling.class);

    private final IncomeCheckWorker worker;
    private final long pollMillis;
    private volatile boolean running;
    private Thread thread;
    private SingleConsumerCondition newTask;

    public IncomeCheckPolling(IncomeCheckWorker worker, SsbtekProperties properties) {
        this.worker = worker;
        this.pollMillis = properties.pollInterval().toMillis();
    }

    @Override
    public void run() {
        while (running) {
            try {
                int handled;
                do {
                    handled = worker.fetchAndHandle();
                } while (handled > 0 && running);
            } catch (RuntimeException e) {
                // The engine or the database is unavailable (e.g. shutting down): try again at the next poll.
                log.warn("Polling for income-check tasks failed: {}", e.toString());
            }
            if (running) {
                newTask.await(pollMillis);
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this, "inkomstkontroll");
        thread.setDaemon(true);
        newTask = new SingleConsumerCondition(thread);
        ProcessEngineImpl.EXT_TASK_CONDITIONS.addConsumer(newTask);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            ProcessEngineImpl.EXT_TASK_CONDITIONS.removeConsumer(newTask);
            newTask.signal();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
