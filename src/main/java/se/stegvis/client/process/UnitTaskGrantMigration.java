package se.stegvis.client.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import se.stegvis.identity.StegvisGroups;

/**
 * Open tasks from before the unit-role grants and candidate groups, or of a client who got a unit from elsewhere, still
 * have their grant or candidate group on the bare role ({@code handlaggare}), which every caseworker of the
 * municipality holds. After start this routes each such task once more ({@link ClientTaskRouting#rerouteTask}, each
 * task in a transaction of its own): a task of a client of a unit gets its candidate group and grant within the unit
 * and loses the bare ones; a task of a client without a unit keeps them.
 *
 * <p>A {@link SmartLifecycle}: it starts on a thread of its own when the application context has started (so that
 * start-up does not wait), and when the context closes it stops after the task it is routing — the tasks left are
 * routed at the next start. Every node may run it: routing is idempotent, and a task another node just changed is left
 * to it.
 */
@Component
class UnitTaskGrantMigration implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UnitTaskGrantMigration.class);
    private static final int PAGE = 500;
    /** How long {@link #stop()} waits for the task being routed. */
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final AuthorizationService authorizations;
    private final ClientTaskRouting routing;
    private final Object lock = new Object();
    private volatile boolean stopping;
    private Thread worker;
    private Runnable onStopped;

    UnitTaskGrantMigration(AuthorizationService authorizations, ClientTaskRouting routing) {
        this.authorizations = authorizations;
        this.routing = routing;
    }

    @Override
    public void start() {
        synchronized (lock) {
            if (worker != null) {
                return;
            }
            stopping = false;
            worker = new Thread(this::runOnce, "unit-task-grants");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** Asks the migration to stop after the task it is routing; {@code callback} runs once it has. */
    @Override
    public void stop(Runnable callback) {
        synchronized (lock) {
            if (worker == null) {
                callback.run();
                return;
            }
            stopping = true;
            onStopped = callback;
        }
    }

    @Override
    public void stop() {
        Thread running;
        synchronized (lock) {
            stopping = true;
            running = worker;
        }
        if (running != null) {
            try {
                running.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Running while the migration's thread works; stopped once it has finished or been stopped. */
    @Override
    public boolean isRunning() {
        synchronized (lock) {
            return worker != null;
        }
    }

    private void runOnce() {
        try {
            migrate();
        } catch (RuntimeException e) {
            log.warn("Routing open tasks by unit stopped: {}", e.getMessage());
        } finally {
            Runnable callback;
            synchronized (lock) {
                worker = null;
                callback = onStopped;
                onStopped = null;
            }
            if (callback != null) {
                callback.run();
            }
        }
    }

    /**
     * Routes every open task that has a grant or a candidate group on a bare case-work role, until done or stopped;
     * returns how many tasks it took up.
     */
    int migrate() {
        Set<String> taskIds = new LinkedHashSet<>();
        String[] roles = StegvisGroups.CASE_WORK.toArray(String[]::new);
        addEveryPage(taskIds, (first, max) -> authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .groupIdIn(roles).orderByResourceId().asc().listPage(first, max).stream()
                .map(Authorization::getResourceId).toList());
        addEveryPage(taskIds, routing::tasksOfBareRoles);
        int done = 0;
        for (String taskId : taskIds) {
            if (stopping) {
                log.info("Routing open tasks by unit stopped with the application after {} of {} tasks; the rest "
                        + "are routed at the next start", done, taskIds.size());
                return done;
            }
            try {
                routing.rerouteTask(taskId);
            } catch (OptimisticLockingException changedMeanwhile) {
                log.debug("Task {} changed meanwhile; left to whoever changed it", taskId);
            } catch (RuntimeException e) {
                log.warn("Task {} could not be routed by unit: {}", taskId, e.getMessage());
            }
            done++;
        }
        if (taskIds.isEmpty()) {
            return 0;
        }
        long left = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).groupIdIn(roles).count();
        log.info("{} open tasks with a grant on a bare role routed by their client's unit; {} such grants remain "
                + "(clients without a unit)", done, left);
        return done;
    }

    /** Adds the task ids of every page ({@code page(first, max)}) until a page is short or the migration stops. */
    private void addEveryPage(Set<String> taskIds, BiFunction<Integer, Integer, List<String>> page) {
        for (int first = 0; !stopping; first += PAGE) {
            List<String> ids = page.apply(first, PAGE);
            taskIds.addAll(ids);
            if (ids.size() < PAGE) {
                return;
            }
        }
    }
}
