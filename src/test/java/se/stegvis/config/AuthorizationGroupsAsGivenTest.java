package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.support.StegvisSpringTest;

/**
 * The engine's authorization checks take the caller's groups as they are ({@link AuthorizationGroupsAsGiven}): no
 * statement reads every authorization's group first, and what a caller may see is decided by the grants alone — a
 * group without grants adds nothing and hides nothing, a grant made now counts at once.
 */
@StegvisSpringTest
class AuthorizationGroupsAsGivenTest {

    static final String GRANTED = "behorighetstest-beviljad";
    static final String WITHOUT_GRANTS = "behorighetstest-utan";

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService taskService;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    IdentityService identityService;

    String taskId;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
        if (taskId != null) {
            taskService.deleteTask(taskId, true);
            authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(taskId).list()
                    .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        }
    }

    @Test
    void theCallersGroupsReachTheChecksUnnarrowedAndWithoutAStatement() {
        List<String> groups = List.of(GRANTED, WITHOUT_GRANTS, GRANTED);
        List<List<String>> seen = commandExecutor().execute(context -> {
            AuthorizationManager manager = context.getAuthorizationManager();
            // The engine's own manager in the same command, for comparison: it drops the group without grants
            // (after reading the group of every authorization).
            AuthorizationManager engines = new AuthorizationManager();
            return List.of(List.of(manager.getClass().getName()), manager.filterAuthenticatedGroupIds(groups),
                    engines.filterAuthenticatedGroupIds(groups), manager.filterAuthenticatedGroupIds(List.of()));
        });
        assertThat(seen.get(0)).containsExactly(AuthorizationGroupsAsGiven.Manager.class.getName());
        assertThat(seen.get(1)).containsExactly(GRANTED, WITHOUT_GRANTS);
        assertThat(seen.get(2)).as("the engine's narrowing, which is left out").doesNotContain(WITHOUT_GRANTS);
        assertThat(seen.get(3)).isEmpty();
    }

    @Test
    void whatACallerSeesIsDecidedByTheGrantsOfTheirGroups() {
        Task task = taskService.newTask("behorighetstest-" + UUID.randomUUID());
        taskService.saveTask(task);
        taskId = task.getId();

        assertThat(visibleAs(GRANTED, WITHOUT_GRANTS)).as("no grant yet").isFalse();

        // A grant made now counts in the next command: nothing about the authorizations is remembered.
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(GRANTED);
        grant.setResource(Resources.TASK);
        grant.setResourceId(taskId);
        grant.addPermission(Permissions.READ);
        authorizations.saveAuthorization(grant);

        assertThat(visibleAs(GRANTED, WITHOUT_GRANTS)).as("the granted group beside one without grants").isTrue();
        assertThat(visibleAs(WITHOUT_GRANTS, GRANTED)).isTrue();
        assertThat(visibleAs(WITHOUT_GRANTS)).as("only a group without grants").isFalse();
        assertThat(visibleAs()).as("no groups").isFalse();

        authorizations.deleteAuthorization(grant.getId());
        assertThat(visibleAs(GRANTED, WITHOUT_GRANTS)).as("the grant removed").isFalse();
    }

    /** Whether the task is in a task list and its count for a user with these groups, with the engine's checks. */
    private boolean visibleAs(String... groups) {
        identityService.setAuthentication("behorighetstest-anvandare", List.of(groups));
        try {
            long count = taskService.createTaskQuery().taskId(taskId).count();
            List<Task> listed = taskService.createTaskQuery().taskId(taskId).listPage(0, 10);
            assertThat(listed).hasSize((int) count);
            return count == 1;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private CommandExecutor commandExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
