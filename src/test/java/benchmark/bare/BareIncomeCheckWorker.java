package benchmark.bare;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The bare process's income check: an in-process external-task worker (as Stegvis' own), fetching batches of ten
 * and completing them at once; when there is nothing to do it looks again after 100 ms.
 */
@Component
class BareIncomeCheckWorker implements SmartLifecycle, Runnable {

    private static final Logger log = LoggerFactory.getLogger(BareIncomeCheckWorker.class);
    private static final String WORKER_ID = "bare-income-check";

    private final ExternalTaskService externalTasks;
    private volatile boolean running;
    private Thread thread;

    BareIncomeCheckWorker(ExternalTaskService externalTasks) {
        this.externalTasks = externalTasks;
    }

    @Override
    public void run() {
        while (running) {
            try {
                List<LockedExternalTask> tasks = externalTasks.fetchAndLock(10, WORKER_ID)
                        .topic("income", 60_000).execute();
                for (LockedExternalTask task : tasks) {
                    externalTasks.complete(task.getId(), WORKER_ID, Map.of("incomeChecked", true));
                }
                if (tasks.isEmpty()) {
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Income check failed: {}", e.toString());
            }
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this, "bare-income-check");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
