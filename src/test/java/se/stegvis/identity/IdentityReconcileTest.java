package se.stegvis.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.support.StegvisSpringTest;

/**
 * The identity set-up reconciles: on a database that had the grants of earlier versions (managers reading every
 * instance, task and history; process owners working every task; team leaders reading every instance; everyone
 * listing every user), a start takes back what is no longer intended and leaves the engine's per-task grants and
 * other groups' grants alone.
 */
@StegvisSpringTest
class IdentityReconcileTest {

    static final String OTHER_GROUP = "egen-grupp-i-admin";
    static final String TASK_ID = "uppgift-fran-forr";

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    IdentitySetup setup;

    @AfterEach
    void tearDown() {
        authorizations.createAuthorizationQuery().groupIdIn(OTHER_GROUP).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(TASK_ID).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        setup.apply();
    }

    @Test
    void aStartTakesBackTheGrantsOfEarlierVersions() {
        // What the earlier IdentitySetup granted (only ever added to).
        grant(StegvisGroups.CHEF, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(StegvisGroups.CHEF, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(StegvisGroups.CHEF, Resources.TASK, ANY, Permissions.READ);
        grant(StegvisGroups.CHEF, Resources.USER, ANY, Permissions.READ);
        grant(StegvisGroups.PROCESSAGARE, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
        grant(StegvisGroups.PROCESSAGARE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
        grant(StegvisGroups.CHEF, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(StegvisGroups.TEAMLEDARE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(StegvisGroups.TEAMLEDARE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(StegvisGroups.HANDLAGGARE, Resources.USER, ANY, Permissions.READ);
        grant(StegvisGroups.HANDLAGGARE, Resources.GROUP, ANY, Permissions.READ);
        // Not the set-up's to take: the engine's grant on one task, and a group an administrator made.
        grant(StegvisGroups.HANDLAGGARE, Resources.TASK, TASK_ID, TaskPermissions.READ, TaskPermissions.TASK_WORK);
        grant(OTHER_GROUP, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);

        setup.apply();

        assertThat(find(StegvisGroups.CHEF, Resources.PROCESS_INSTANCE, ANY)).isNull();
        assertThat(find(StegvisGroups.CHEF, Resources.TASK, ANY)).isNull();
        assertThat(find(StegvisGroups.CHEF, Resources.USER, ANY)).isNull();
        Authorization chefDefinitions = find(StegvisGroups.CHEF, Resources.PROCESS_DEFINITION, ANY);
        assertThat(chefDefinitions.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(chefDefinitions.isPermissionGranted(Permissions.READ_HISTORY)).isFalse();
        assertThat(chefDefinitions.isPermissionGranted(Permissions.READ_INSTANCE)).isFalse();
        assertThat(find(StegvisGroups.PROCESSAGARE, Resources.TASK, ANY)).isNull();
        assertThat(find(StegvisGroups.PROCESSAGARE, Resources.PROCESS_INSTANCE, ANY)).isNull();
        assertThat(find(StegvisGroups.CHEF, Resources.APPLICATION, "tasklist")).isNull();
        // Process owners keep Tasklist for their own tasks (a riksnorm to enter), granted per task.
        assertThat(find(StegvisGroups.PROCESSAGARE, Resources.APPLICATION, "tasklist")).isNotNull();
        assertThat(find(StegvisGroups.PROCESSAGARE, Resources.PROCESS_DEFINITION, ANY)
                .isPermissionGranted(Permissions.READ_INSTANCE)).isTrue();
        // Team leaders keep starting instances (the start form) but read none across the board.
        assertThat(find(StegvisGroups.TEAMLEDARE, Resources.PROCESS_INSTANCE, ANY)
                .isPermissionGranted(Permissions.READ)).isFalse();
        assertThat(find(StegvisGroups.TEAMLEDARE, Resources.PROCESS_DEFINITION, ANY)
                .isPermissionGranted(Permissions.READ_INSTANCE)).isFalse();
        // Caseworkers list their colleagues only, not every user.
        assertThat(find(StegvisGroups.HANDLAGGARE, Resources.USER, ANY)).isNull();
        assertThat(find(StegvisGroups.HANDLAGGARE, Resources.USER, "handlaggare2")).isNotNull();
        assertThat(find(StegvisGroups.HANDLAGGARE, Resources.USER, "chef1")).isNull();
        assertThat(find(StegvisGroups.HANDLAGGARE, Resources.USER, "admin")).isNull();
        assertThat(find(StegvisGroups.HANDLAGGARE, Resources.GROUP, ANY)).isNull();
        assertThat(find(StegvisGroups.HANDLAGGARE, Resources.GROUP, StegvisGroups.TEAMLEDARE)).isNotNull();
        // Left alone; the task grant now also reads the task's variables (the engine enforces that permission).
        Authorization task = find(StegvisGroups.HANDLAGGARE, Resources.TASK, TASK_ID);
        assertThat(task.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(task.isPermissionGranted(TaskPermissions.READ_VARIABLE)).isTrue();
        assertThat(find(OTHER_GROUP, Resources.PROCESS_INSTANCE, ANY)).isNotNull();
    }

    @Test
    void aStartDowngradesTheTaskGrantsOfEarlierVersions() {
        // What the engine granted per task before TASK_WORK (Camunda's default UPDATE), and a TASK_ASSIGN of old.
        grant(StegvisGroups.HANDLAGGARE, Resources.TASK, TASK_ID, TaskPermissions.READ, TaskPermissions.UPDATE);
        grant(StegvisGroups.TEAMLEDARE, Resources.TASK, TASK_ID, TaskPermissions.READ, TaskPermissions.TASK_ASSIGN,
                TaskPermissions.UPDATE_VARIABLE);
        Authorization assignee = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        assignee.setUserId("handlaggare1");
        assignee.setResource(Resources.TASK);
        assignee.setResourceId(TASK_ID);
        assignee.addPermission(TaskPermissions.READ);
        assignee.addPermission(TaskPermissions.UPDATE);
        authorizations.saveAuthorization(assignee);
        // Not the engine's: a group an administrator made keeps what the administrator gave it.
        grant(OTHER_GROUP, Resources.TASK, TASK_ID, TaskPermissions.READ, TaskPermissions.UPDATE);

        setup.apply();

        for (Authorization task : List.of(find(StegvisGroups.HANDLAGGARE, Resources.TASK, TASK_ID),
                find(StegvisGroups.TEAMLEDARE, Resources.TASK, TASK_ID),
                authorizations.createAuthorizationQuery().userIdIn("handlaggare1").resourceType(Resources.TASK)
                        .resourceId(TASK_ID).singleResult())) {
            assertThat(task.isPermissionGranted(TaskPermissions.READ)).isTrue();
            assertThat(task.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
            assertThat(task.isPermissionGranted(TaskPermissions.READ_VARIABLE)).isTrue();
            assertThat(task.isPermissionGranted(TaskPermissions.UPDATE)).isFalse();
            assertThat(task.isPermissionGranted(TaskPermissions.TASK_ASSIGN)).isFalse();
            assertThat(task.isPermissionGranted(TaskPermissions.UPDATE_VARIABLE)).isFalse();
        }
        assertThat(find(OTHER_GROUP, Resources.TASK, TASK_ID).isPermissionGranted(TaskPermissions.UPDATE)).isTrue();
        // A second start finds nothing left to downgrade.
        assertThat(setup.downgradeTaskGrants(java.util.Set.of(StegvisGroups.HANDLAGGARE, StegvisGroups.TEAMLEDARE)))
                .isZero();
    }

    @Test
    void theIntendedGrantsGiveNobodyButAdministratorsAVariablePermissionOnDefinitions() {
        List<GroupGrants.Grant> grants = GroupGrants.intended(true, List.of("handlaggare1"), List.of("enhet-hageby"),
                List.of("filter"));
        assertThat(grants).filteredOn(g -> !g.group().equals(StegvisGroups.CAMUNDA_ADMIN))
                .allSatisfy(g -> assertThat(g.permissions()).doesNotContain(Permissions.ALL,
                        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
                        org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_TASK_VARIABLE));
        assertThat(grants).filteredOn(g -> g.group().equals(StegvisGroups.CHEF))
                .allSatisfy(g -> assertThat(g.permissions()).containsAnyOf(Permissions.READ, Permissions.ACCESS)
                        .doesNotContain(Permissions.READ_INSTANCE, Permissions.READ_HISTORY));
    }

    private void grant(String group, Resource resource, String id, Permission... permissions) {
        Authorization existing = find(group, resource, id);
        Authorization auth = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        auth.setGroupId(group);
        auth.setResource(resource);
        auth.setResourceId(id);
        for (Permission p : permissions) {
            auth.addPermission(p);
        }
        authorizations.saveAuthorization(auth);
    }

    private Authorization find(String group, Resource resource, String id) {
        return authorizations.createAuthorizationQuery().groupIdIn(group).resourceType(resource).resourceId(id)
                .authorizationType(AUTH_TYPE_GRANT).singleResult();
    }
}
