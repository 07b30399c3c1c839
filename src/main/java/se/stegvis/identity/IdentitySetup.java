package se.stegvis.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static se.stegvis.identity.StegvisGroups.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the groups, the administrator, the authorizations each group's work needs, the Tasklist filters and
 * (when enabled) the demo users. Runs at every start, before the web server accepts calls, and changes only what is missing, so a restart is harmless.
 */
@Component
public class IdentitySetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final List<String> DEMO_USERS = List.of(
            "handlaggare1:Hanna:Handläggare:" + HANDLAGGARE,
            "handlaggare2:Hugo:Handläggare:" + HANDLAGGARE,
            "coach1:Cecilia:Coach:" + COACH,
            "teamledare1:Tove:Teamledare:" + TEAMLEDARE,
            "processagare1:Per:Processägare:" + PROCESSAGARE,
            "chef1:Charlotte:Chef:" + CHEF,
            "etjanst:E-tjänst:Klient:" + ETJANST);

    static final String DEMO_PASSWORD = "demo";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AdminProperties admin;
    private final EserviceProperties eservice;
    private final boolean demoUsers;
    private final boolean processOwnersDeploy;

    /**
     * @param processOwnersDeploy {@code stegvis.models.process-owners-deploy}: whether process owners may create and
     *                            delete deployments (a test environment) or only read them (production, where only
     *                            administrators deploy). Either way every deployment passes the model guard.
     */
    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                         FilterService filterService, TaskService taskService, AdminProperties admin,
                         EserviceProperties eservice,
                         @Value("${stegvis.demo-users:false}") boolean demoUsers,
                         @Value("${stegvis.models.process-owners-deploy:false}") boolean processOwnersDeploy) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.admin = admin;
        this.eservice = eservice;
        this.demoUsers = demoUsers;
        this.processOwnersDeploy = processOwnersDeploy;
        // Fail the start-up itself, before anything is served, when the admin password is not acceptable.
        AdminPasswordPolicy.check(admin);
        AdminPasswordPolicy.check(eservice, admin.requireStrongPassword());
    }

    /** The engine is built once its services are injected: set up identity before anything is served. */
    @Override
    public void afterPropertiesSet() {
        apply();
    }

    public void apply() {
        StegvisGroups.ALL.forEach(g -> ensureGroup(g.id(), g.name(), g.type()));
        grantGroupAuthorizations();
        ensureUser(admin.username(), "Stegvis", "Administratör", admin.password(), CAMUNDA_ADMIN);
        if (demoUsers) {
            for (String line : DEMO_USERS) {
                String[] f = line.split(":");
                ensureUser(f[0], f[1], f[2], DEMO_PASSWORD, f[3]);
            }
            log.info("Demo users are seeded (password 'demo'); the postgres profile has none.");
        }
        if (eservice.enabled()) {
            // Its password is checked by Stegvis (CamundaIdentityAuthenticationProvider), never by Camunda; a new account
            // gets a Camunda password nobody knows.
            ensureUser(eservice.username(), "E-tjänst", "Klient", java.util.UUID.randomUUID() + "-" +
                    java.util.UUID.randomUUID(), ETJANST);
        }
        ensureFilters();
    }

    private void grantGroupAuthorizations() {
        // Administrators: everything on every resource.
        for (Resources r : Resources.values()) {
            grant(CAMUNDA_ADMIN, r, ANY, Permissions.ALL);
        }
        for (String g : CASE_WORK) {
            grant(g, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(g, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.CREATE_INSTANCE);
            grant(g, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            grant(g, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
            grant(g, Resources.USER, ANY, Permissions.READ);
            grant(g, Resources.GROUP, ANY, Permissions.READ);
        }
        // Process owners inspect models and incidents; they deploy only in a test environment (in production only
        // administrators do), and a grant from an earlier start is taken back when the setting is off.
        grant(PROCESSAGARE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(PROCESSAGARE, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(PROCESSAGARE, Resources.DEPLOYMENT, ANY, Permissions.READ);
        if (processOwnersDeploy) {
            grant(PROCESSAGARE, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
        } else {
            revoke(PROCESSAGARE, Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.DELETE);
        }
        grant(PROCESSAGARE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.UPDATE, Permissions.CREATE_INSTANCE);
        grant(PROCESSAGARE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ, Permissions.CREATE);
        grant(PROCESSAGARE, Resources.TASK, ANY, Permissions.READ, Permissions.UPDATE);
        grant(PROCESSAGARE, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.CREATE_INSTANCE);
        grant(PROCESSAGARE, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(PROCESSAGARE, Resources.USER, ANY, Permissions.READ);
        grant(PROCESSAGARE, Resources.GROUP, ANY, Permissions.READ);
        // Managers read history and Cockpit, and change nothing.
        grant(CHEF, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(CHEF, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE);
        grant(CHEF, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(CHEF, Resources.TASK, ANY, Permissions.READ);
        grant(CHEF, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(CHEF, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(CHEF, Resources.USER, ANY, Permissions.READ);
        grant(CHEF, Resources.GROUP, ANY, Permissions.READ);
        // Team leaders also see the process overview in Cockpit (read only).
        grant(TEAMLEDARE, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(TEAMLEDARE, Resources.PROCESS_DEFINITION, ANY, Permissions.READ_HISTORY, Permissions.READ_INSTANCE);
        grant(TEAMLEDARE, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    }

    private void ensureFilters() {
        TaskQuery groupTasks = taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned();
        TaskQuery myTasks = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        ensureFilter("Mina uppgifter", "Uppgifter som jag har tagit", -10, myTasks);
        ensureFilter("Mina gruppers uppgifter", "Otagna uppgifter för mina grupper", 0, groupTasks);
    }

    private void ensureFilter(String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setOwner(admin.username())
                    .setQuery(query)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
            filterService.saveFilter(filter);
        }
        for (String g : List.of(HANDLAGGARE, COACH, TEAMLEDARE, PROCESSAGARE, SKYDDAD_IDENTITET)) {
            grant(g, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private void ensureGroup(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            var group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
    }

    private void ensureUser(String id, String first, String last, String password, String groupId) {
        User user = identityService.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identityService.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setPassword(password);
            identityService.saveUser(user);
        }
        if (identityService.createUserQuery().userId(id).memberOfGroup(groupId).count() == 0) {
            identityService.createMembership(id, groupId);
        }
    }

    /** Takes permissions out of a group's grant, if it has them (a setting that was switched off). */
    private void revoke(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT).singleResult();
        if (existing == null) {
            return;
        }
        boolean changed = false;
        for (Permission p : permissions) {
            if (existing.isPermissionGranted(p)) {
                existing.removePermission(p);
                changed = true;
            }
        }
        if (changed) {
            authorizationService.saveAuthorization(existing);
            log.info("Group {} no longer has {} on {} {}", groupId, java.util.Arrays.toString(permissions),
                    resource.resourceName(), resourceId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .authorizationType(AUTH_TYPE_GRANT).singleResult();
        Authorization auth = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        Set<Permission> missing = new java.util.LinkedHashSet<>();
        for (Permission p : permissions) {
            if (existing == null || !existing.isPermissionGranted(p)) {
                missing.add(p);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (existing == null) {
            auth.setGroupId(groupId);
            auth.setResource(resource);
            auth.setResourceId(resourceId);
        }
        missing.forEach(auth::addPermission);
        authorizationService.saveAuthorization(auth);
    }
}
