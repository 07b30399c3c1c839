package se.stegvis.client.process;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.stegvis.identity.StegvisGroups;

/**
 * Open tasks from before the unit-role grants, or of a client who got a unit from elsewhere, still have their grant on
 * the bare role ({@code handlaggare}), which every caseworker of the municipality holds. After start this routes each
 * such task once more ({@link ClientTaskRouting#rerouteTask}): a task of a client of a unit gets its grant within
 * the unit and loses the bare one; a task of a client without a unit keeps it. It runs on a thread of its own so that
 * start-up does not wait, and every node may run it (routing is idempotent; a task another node just changed is
 * left to it).
 */
@Component
class UnitTaskGrantMigration {

    private static final Logger log = LoggerFactory.getLogger(UnitTaskGrantMigration.class);
    private static final int PAGE = 500;

    private final AuthorizationService authorizations;
    private final ClientTaskRouting routing;

    UnitTaskGrantMigration(AuthorizationService authorizations, ClientTaskRouting routing) {
        this.authorizations = authorizations;
        this.routing = routing;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        Thread thread = new Thread(this::migrate, "unit-task-grants");
        thread.setDaemon(true);
        thread.start();
    }

    /** Routes every open task that has a grant on a bare case-work role; returns how many it routed. */
    int migrate() {
        Set<String> taskIds = new LinkedHashSet<>();
        String[] roles = StegvisGroups.CASE_WORK.toArray(String[]::new);
        for (int first = 0; ; first += PAGE) {
            List<Authorization> page = authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                    .groupIdIn(roles).orderByResourceId().asc().listPage(first, PAGE);
            page.forEach(a -> taskIds.add(a.getResourceId()));
            if (page.size() < PAGE) {
                break;
            }
        }
        if (taskIds.isEmpty()) {
            return 0;
        }
        for (String taskId : taskIds) {
            try {
                routing.rerouteTask(taskId);
            } catch (OptimisticLockingException changedMeanwhile) {
                log.debug("Task {} changed meanwhile; left to whoever changed it", taskId);
            } catch (RuntimeException e) {
                log.warn("Task {} could not be routed by unit: {}", taskId, e.getMessage());
            }
        }
        long left = authorizations.createAuthorizationQuery().resourceType(Resources.TASK).groupIdIn(roles).count();
        log.info("{} open tasks with a grant on a bare role routed by their client's unit; {} such grants remain "
                + "(clients without a unit)", taskIds.size(), left);
        return taskIds.size();
    }
}
