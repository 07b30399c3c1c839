package se.stegvis.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;
import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static se.stegvis.identity.StegvisGroups.*;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Creates the groups (and one group per unit, {@code enhet-...}), the administrator, the Tasklist filters and (when
 * enabled) the demo users, and makes the groups' authorizations exactly what their work needs ({@link GroupGrants}):
 * what is missing is granted, and what an earlier version granted beyond it is taken back. Runs at every start, before
 * the web server accepts calls; a restart is harmless.
 */
@Component
public class IdentitySetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    static final List<String> DEMO_USERS = List.of(
            "handlaggare1:Hanna:Handläggare:" + HANDLAGGARE,
            "handlaggare2:Hugo:Handläggare:" + HANDLAGGARE,
            "skyddad1:Sara:Skyddad:" + SKYDDAD_IDENTITET,
            "coach1:Cecilia:Coach:" + COACH,
            "teamledare1:Tove:Teamledare:" + TEAMLEDARE,
            "processagare1:Per:Processägare:" + PROCESSAGARE,
            "chef1:Charlotte:Chef:" + CHEF,
            "etjanst:E-tjänst:Klient:" + ETJANST,
            "granskare1:Gunnel:Granskare:" + LOGGRANSKARE,
            "utbetalning1:Ulf:Utbetalning:" + UTBETALNING,
            "bank:Bank:Integration:" + BANKINTEGRATION,
            "af:Arbetsförmedlingen:Integration:" + AFINTEGRATION,
            "prometheus1:Prometheus:Mätvärden:" + StegvisGroups.OVERVAKNING);

    static final String DEMO_PASSWORD = "demo";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;
    private final AdminProperties admin;
    private final EserviceProperties eservice;
    private final boolean demoUsers;
    private final boolean processOwnersDeploy;
    private final List<String> units;
    private final boolean readVariableOnTasks;

    /**
     * @param processOwnersDeploy {@code stegvis.models.process-owners-deploy}: whether process owners may create and
     *                            delete deployments (a test environment) or only read them (production, where only
     *                            administrators deploy). Either way every deployment passes the model guard.
     * @param environment         the units ({@code stegvis.units.names}: one group {@code enhet-...} each) and whether the
     *                            engine enforces the specific variable permissions
     */
    @Autowired
    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                         FilterService filterService, TaskService taskService, AdminProperties admin,
                         EserviceProperties eservice,
                         @Value("${stegvis.demo-users:false}") boolean demoUsers,
                         @Value("${stegvis.models.process-owners-deploy:false}") boolean processOwnersDeploy,
                         Environment environment) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
        this.admin = admin;
        this.eservice = eservice;
        this.demoUsers = demoUsers;
        this.processOwnersDeploy = processOwnersDeploy;
        this.units = environment == null ? List.of() : Binder.get(environment)
                .bind("stegvis.units.names", Bindable.listOf(String.class)).orElse(List.of());
        this.readVariableOnTasks = environment != null && environment.getProperty(
                "camunda.bpm.generic-properties.properties.enforce-specific-variable-permission", Boolean.class, false);
        // Fail the start-up itself, before anything is served, when the admin password is not acceptable.
        AdminPasswordPolicy.check(admin);
        AdminPasswordPolicy.check(eservice, admin.requireStrongPassword());
    }

    /** Without units (tests that only look at deployment rights). */
    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
                         FilterService filterService, TaskService taskService, AdminProperties admin,
                         EserviceProperties eservice, boolean demoUsers, boolean processOwnersDeploy) {
        this(identityService, authorizationService, filterService, taskService, admin, eservice, demoUsers,
                processOwnersDeploy, null);
    }

    /** The engine is built once its services are injected: set up identity before anything is served. */
    @Override
    public void afterPropertiesSet() {
        apply();
    }

    public void apply() {
        StegvisGroups.ALL.forEach(g -> ensureGroup(g.id(), g.name(), g.type()));
        List<String> unitGroups = units.stream().map(StegvisGroups::unitGroup).toList();
        for (String unit : units) {
            ensureGroup(StegvisGroups.unitGroup(unit), "Enhet " + unit.strip(), "WORKFLOW");
        }
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
        List<String> filters = ensureFilters();
        Set<String> caseWorkers = new TreeSet<>();
        for (String group : CASE_WORK) {
            identityService.createUserQuery().memberOfGroup(group).list().forEach(u -> caseWorkers.add(u.getId()));
        }
        Set<String> managed = new LinkedHashSet<>();
        StegvisGroups.ALL.forEach(g -> managed.add(g.id()));
        managed.addAll(unitGroups);
        reconcile(GroupGrants.intended(processOwnersDeploy, caseWorkers, unitGroups, filters), managed);
        downgradeTaskGrants(managed);
        if (readVariableOnTasks) {
            grantReadVariableOnOpenTasks();
        }
    }

    /**
     * Makes the managed groups' grants exactly the intended ones: missing grants are created, permissions added or
     * taken away, and a grant nobody intends any more (an earlier version's, or a setting switched off) is deleted.
     * Grants of other groups, and those the engine makes per task or process instance, stay as they are.
     */
    void reconcile(List<GroupGrants.Grant> intended, Set<String> managedGroups) {
        Map<String, GroupGrants.Grant> wanted = new LinkedHashMap<>();
        for (GroupGrants.Grant g : intended) {
            wanted.merge(g.key(), g, (a, b) -> {
                Set<Permission> both = new LinkedHashSet<>(a.permissions());
                both.addAll(b.permissions());
                return new GroupGrants.Grant(a.group(), a.resource(), a.resourceId(), both);
            });
        }
        for (String group : managedGroups) {
            for (Authorization existing : ownedGrants(group)) {
                Resource resource = ResourceTypeUtil.getResourceByType(existing.getResourceType());
                if (resource == null || !GroupGrants.owned(resource, existing.getResourceId())) {
                    continue;
                }
                GroupGrants.Grant want = wanted.remove(group + "|" + existing.getResourceType() + "|"
                        + existing.getResourceId());
                if (want == null) {
                    authorizationService.deleteAuthorization(existing.getId());
                    log.info("Group {} no longer has any grant on {} {}", group, resource.resourceName(),
                            existing.getResourceId());
                } else if (((AuthorizationEntity) existing).getPermissions() != mask(want.permissions())) {
                    ((AuthorizationEntity) existing).setPermissions(mask(want.permissions()));
                    authorizationService.saveAuthorization(existing);
                    log.info("Group {} now has exactly {} on {} {}", group, want.permissions(), resource.resourceName(),
                            existing.getResourceId());
                }
            }
        }
        for (GroupGrants.Grant want : wanted.values()) {
            Authorization auth = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
            auth.setGroupId(want.group());
            auth.setResource(want.resource());
            auth.setResourceId(want.resourceId());
            want.permissions().forEach(auth::addPermission);
            authorizationService.saveAuthorization(auth);
        }
    }

    /**
     * A managed group's grants that this set-up owns ({@link GroupGrants#owned}): those on ANY and those on the owned
     * resources, read by group and resource. Not the grants the engine makes per task and process instance: a role
     * with 150 000 open tasks has as many, and reading them all made every start seconds slower (BENCHMARKS.md,
     * "Start-up").
     */
    private java.util.Collection<Authorization> ownedGrants(String group) {
        Map<String, Authorization> grants = new LinkedHashMap<>();
        authorizationService.createAuthorizationQuery().groupIdIn(group).authorizationType(AUTH_TYPE_GRANT)
                .resourceId(ANY).list().forEach(a -> grants.put(a.getId(), a));
        for (Resource resource : GroupGrants.OWNED_RESOURCES) {
            authorizationService.createAuthorizationQuery().groupIdIn(group).authorizationType(AUTH_TYPE_GRANT)
                    .resourceType(resource).list().forEach(a -> grants.putIfAbsent(a.getId(), a));
        }
        return grants.values();
    }

    /**
     * What the engine now grants per task to its candidate groups, candidate users and assignee
     * ({@code default-user-permission-name-for-task: TASK_WORK}): read it, claim and complete it, and read its variables
     * when the engine enforces that permission.
     */
    Set<Permission> perTaskPermissions() {
        Set<Permission> permissions = new LinkedHashSet<>(List.of(TaskPermissions.READ, TaskPermissions.TASK_WORK));
        if (readVariableOnTasks) {
            permissions.add(TaskPermissions.READ_VARIABLE);
        }
        return permissions;
    }

    /**
     * Earlier versions let the engine grant UPDATE on each task (Camunda's default), and some granted TASK_ASSIGN: with
     * it a caseworker could set a task's variables, identity links and candidate groups outside completing it (#12).
     * Such grants on single tasks — of the managed groups and of users (candidate users, assignees) — are cut down to
     * exactly what the engine grants per task today ({@link #perTaskPermissions()}); grants on ANY task are reconciled
     * with the other grants, and other groups' grants stay as they are.
     *
     * @return how many grants were downgraded
     */
    int downgradeTaskGrants(Set<String> managedGroups) {
        Set<Permission> allowed = perTaskPermissions();
        int allowedMask = mask(allowed);
        Set<String> seen = new java.util.HashSet<>();
        int downgraded = 0;
        for (Permission extra : TaskPermissions.values()) {
            if (extra == TaskPermissions.NONE || extra == TaskPermissions.ALL || allowed.contains(extra)) {
                continue;
            }
            for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                    .authorizationType(AUTH_TYPE_GRANT).hasPermission(extra).list()) {
                boolean engineMade = grant.getUserId() != null
                        || (grant.getGroupId() != null && managedGroups.contains(grant.getGroupId()));
                if (ANY.equals(grant.getResourceId()) || !engineMade || !seen.add(grant.getId())) {
                    continue;
                }
                ((AuthorizationEntity) grant).setPermissions(allowedMask);
                authorizationService.saveAuthorization(grant);
                downgraded++;
            }
        }
        if (downgraded > 0) {
            log.info("{} task grants from earlier versions now allow only {}", downgraded, allowed);
        }
        return downgraded;
    }

    private static int mask(Set<Permission> permissions) {
        int mask = 0;
        for (Permission p : permissions) {
            mask |= p.getValue();
        }
        return mask;
    }

    /**
     * With the engine enforcing specific variable permissions, a task's candidates and assignee read its variables
     * only with READ_VARIABLE, which the engine adds to the grants of new tasks: tasks created before get it here.
     */
    private void grantReadVariableOnOpenTasks() {
        // Counted first: every start would otherwise read every open task's grants (BENCHMARKS.md, "Start-up").
        long read = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .authorizationType(AUTH_TYPE_GRANT).hasPermission(TaskPermissions.READ).count();
        long readAndVariables = authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .authorizationType(AUTH_TYPE_GRANT).hasPermission(TaskPermissions.READ)
                .hasPermission(TaskPermissions.READ_VARIABLE).count();
        if (read == readAndVariables) {
            return;
        }
        int added = 0;
        for (Authorization grant : authorizationService.createAuthorizationQuery().resourceType(Resources.TASK)
                .authorizationType(AUTH_TYPE_GRANT).hasPermission(TaskPermissions.READ).list()) {
            if (!grant.isPermissionGranted(TaskPermissions.READ_VARIABLE)) {
                grant.addPermission(TaskPermissions.READ_VARIABLE);
                authorizationService.saveAuthorization(grant);
                added++;
            }
        }
        if (added > 0) {
            log.info("{} task grants from before may now read the task's variables (READ_VARIABLE)", added);
        }
    }

    private List<String> ensureFilters() {
        TaskQuery groupTasks = taskService.createTaskQuery()
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .taskUnassigned();
        TaskQuery myTasks = taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}");
        return List.of(ensureFilter("Mina uppgifter", "Uppgifter som jag har tagit", -10, myTasks),
                ensureFilter("Mina gruppers uppgifter", "Otagna uppgifter för mina grupper", 0, groupTasks));
    }

    private String ensureFilter(String name, String description, int priority, TaskQuery query) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name)
                    .setOwner(admin.username())
                    .setQuery(query)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true));
            filterService.saveFilter(filter);
        }
        return filter.getId();
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
}
