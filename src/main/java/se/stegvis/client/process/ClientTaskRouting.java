package se.stegvis.client.process;

import static se.stegvis.identity.StegvisGroups.CASE_WORK;
import static se.stegvis.identity.StegvisGroups.SKYDDAD_IDENTITET;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import se.stegvis.client.ClientAccess;
import se.stegvis.client.UnitSettings;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.identity.StegvisGroups;

/**
 * The candidate group of every user task comes from the client: the model's group (handlaggare, coach, teamledare)
 * for an ordinary client, {@code skyddad} for a client with protected identity, in either case within the client's
 * unit ({@code handlaggare-hageby}, see {@link #grantGroup}); the engine's grant of the task goes to that group, so a
 * unit's staff list only their unit's tasks. Applied by the engine plugin
 * {@link ClientTaskRoutingPlugin} to every user task of every process when it is created — so a new task or a new
 * process gets it without naming it — and to the open tasks of a client whose protection changes ({@link #reroute}).
 * The client of a process instance is found by the features' {@link ClientProcesses} from its business key (or the
 * business key of the instance that called it).
 */
@Service
public class ClientTaskRouting {

    private static final Logger log = LoggerFactory.getLogger(ClientTaskRouting.class);

    private final Map<String, ClientProcesses> byProcessKey = new HashMap<>();
    private final List<ClientProcesses> features;
    private final ClientRepository clients;
    private final ProcessEngine engine;
    private final UnitSettings units;
    private final ClientAccess access;

    public ClientTaskRouting(List<ClientProcesses> features, ClientRepository clients, ProcessEngine engine,
                             UnitSettings units, ClientAccess access) {
        this.units = units;
        this.access = access;
        this.features = List.copyOf(features);
        features.forEach(f -> f.processKeys().forEach(key -> {
            if (byProcessKey.put(key, f) != null) {
                throw new IllegalStateException("Two features answer for the client of process " + key);
            }
        }));
        this.clients = clients;
        this.engine = engine;
    }

    /** The client of the process instance the execution belongs to, or of the instance that called it. */
    public Optional<Client> clientOf(DelegateExecution execution) {
        DelegateExecution instance = execution == null ? null : execution.getProcessInstance();
        while (instance != null) {
            String key = instance instanceof ExecutionEntity entity && entity.getProcessDefinition() != null
                    ? entity.getProcessDefinition().getKey() : null;
            ClientProcesses feature = key == null ? null : byProcessKey.get(key);
            if (feature != null) {
                Optional<UUID> clientId = feature.clientOf(key, instance.getProcessBusinessKey());
                if (clientId.isPresent()) {
                    return clients.findById(clientId.get());
                }
            }
            DelegateExecution caller = instance.getSuperExecution();
            instance = caller == null ? null : caller.getProcessInstance();
        }
        return Optional.empty();
    }

    /**
     * The candidate groups of a task of this client: the model's roles, or only {@code skyddad} for a client with
     * protected identity, each within the client's unit ({@link #grantGroup(String, Client)}). A caseworker's list then starts from the tasks of their own unit, not
     * from every task of the role in the municipality (BENCHMARKS.md, "Queries at national scale"); a query for the
     * bare role still finds them ({@link UnitCandidateGroupQueries}).
     */
    public Set<String> candidateGroupsFor(Client client, Collection<String> modelGroups) {
        Collection<String> roles = client != null && client.isProtectedIdentity()
                ? Set.of(SKYDDAD_IDENTITET) : modelGroups;
        Set<String> groups = new LinkedHashSet<>();
        roles.forEach(role -> groups.add(grantGroup(role, client)));
        return groups;
    }

    /**
     * The groups a task query for a bare case-work role stands for: the role itself (tasks of clients without a unit)
     * and the role within each of these units, of the configured ones. Any other group stands for itself.
     */
    public List<String> roleWithinUnits(String group, Collection<String> unitRoleGroupsOfCaller) {
        List<String> groups = new ArrayList<>();
        groups.add(group);
        if (CASE_WORK.contains(group)) {
            for (String unit : units.names()) {
                String within = StegvisGroups.unitRoleGroup(group, unit);
                if (unitRoleGroupsOfCaller == null || unitRoleGroupsOfCaller.contains(within)) {
                    groups.add(within);
                }
            }
        }
        return groups;
    }

    /**
     * The group the engine grants a task to for one of its candidate groups: for a client of a unit, the unit-role
     * group ({@code handlaggare-hageby}), so that only the role's staff of that unit — and those of the role who
     * cover every unit — list and work the task; otherwise the candidate group itself.
     */
    public String grantGroup(String candidateGroup, Client client) {
        if (client == null || client.getUnit() == null || !CASE_WORK.contains(candidateGroup)
                || !units.names().contains(client.getUnit())) {
            return candidateGroup;
        }
        return StegvisGroups.unitRoleGroup(candidateGroup, client.getUnit());
    }

    /** {@link #grantGroup(String, Client)} for a task of a process (a task outside every process has no client). */
    public String grantGroup(String candidateGroup, Task task) {
        if (!CASE_WORK.contains(candidateGroup) || !(task instanceof TaskEntity entity)
                || entity.getExecution() == null) {
            return candidateGroup;
        }
        return grantGroup(candidateGroup, clientOf(entity.getExecution()).orElse(null));
    }

    /** Whether the user may hold a task of this client: anyone for an ordinary client, a member of skyddad else. */
    public boolean mayBeAssigned(boolean protectedIdentity, String userId) {
        if (!protectedIdentity || userId == null) {
            return true;
        }
        IdentityService identity = engine.getIdentityService();
        return identity.createUserQuery().userId(userId).memberOfGroup(SKYDDAD_IDENTITET).count() > 0;
    }

    /**
     * Whether the user may hold a task of this client by unit: the unit half of the rule for who may see the client
     * ({@link ClientAccess#unitAllows}), so a user works the tasks of exactly the clients their lists show.
     * Protection is {@link #mayBeAssigned(boolean, String)}.
     */
    public boolean mayBeAssignedByUnit(Client client, String userId) {
        if (client == null || userId == null || client.getUnit() == null) {
            return true;
        }
        Set<String> groups = new LinkedHashSet<>();
        engine.getIdentityService().createGroupQuery().groupMember(userId).list().forEach(g -> groups.add(g.getId()));
        return access.unitAllows(client, new ClientAccess.Viewer(userId, groups));
    }

    /**
     * Gives every open task of the client the candidate groups the client's protection calls for (all processes):
     * the groups replaced, an assignee outside {@code skyddad} removed, and the engine's per-task grants of everyone
     * else taken back, so the task is gone from their Tasklist at once. Returns how many tasks were routed.
     */
    public int reroute(UUID clientId) {
        List<String> businessKeys = new ArrayList<>();
        features.forEach(f -> businessKeys.addAll(f.businessKeysOf(clientId)));
        if (businessKeys.isEmpty()) {
            return 0;
        }
        List<Task> tasks = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new)).list();
        CommandExecutor commands = commands();
        for (Task task : tasks) {
            commands.execute(route(task.getId()));
        }
        log.info("Client {}: {} open tasks routed anew", clientId, tasks.size());
        return tasks.size();
    }

    /**
     * A page (in id order) of the open tasks whose candidate group is a bare case-work role: tasks from before the
     * candidate groups were given within the unit, and tasks of clients without a unit.
     */
    public List<String> tasksOfBareRoles(int first, int max) {
        var management = engine.getManagementService();
        String roles = String.join(", ", CASE_WORK.stream().map(role -> "'" + role + "'").toList());
        return engine.getTaskService().createNativeTaskQuery()
                .sql("select RES.* from " + management.getTableName(TaskEntity.class) + " RES where exists (select 1 from "
                        + management.getTableName(IdentityLinkEntity.class) + " I where I.TASK_ID_ = RES.ID_"
                        + " and I.TYPE_ = 'candidate' and I.GROUP_ID_ in (" + roles + ")) order by RES.ID_")
                .listPage(first, max).stream().map(Task::getId).toList();
    }

    /** Routes one open task anew (see {@link #reroute}); false when there is no such task. */
    public boolean rerouteTask(String taskId) {
        return commands().execute(route(taskId));
    }

    /** The engine's command executor: a command joins the running transaction, else runs in one of its own. */
    private CommandExecutor commands() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }

    private Command<Boolean> route(String taskId) {
        return context -> {
            boolean checks = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null || task.getTaskDefinition() == null) {
                    return false;
                }
                ExecutionEntity execution = task.getExecution();
                Client client = clientOf(execution).orElse(null);
                boolean protectedIdentity = client != null && client.isProtectedIdentity();
                Set<String> groups = new LinkedHashSet<>();
                for (Expression expression : task.getTaskDefinition().getCandidateGroupIdExpressions()) {
                    // The plugin's expression already answers the client's groups (skyddad, within the unit).
                    addGroups(expression.getValue(execution), groups);
                }
                groups = candidateGroupsFor(client, groups);
                for (IdentityLink link : new ArrayList<>(task.getCandidates())) {
                    if (link.getGroupId() != null && !groups.contains(link.getGroupId())) {
                        task.deleteCandidateGroup(link.getGroupId());
                    } else if (link.getUserId() != null && protectedIdentity
                            && !mayBeAssigned(true, link.getUserId())) {
                        task.deleteCandidateUser(link.getUserId());
                    }
                }
                Set<String> present = new LinkedHashSet<>();
                task.getCandidates().forEach(l -> {
                    if (l.getGroupId() != null) {
                        present.add(l.getGroupId());
                    }
                });
                for (String group : groups) {
                    if (!present.contains(group)) {
                        task.addCandidateGroup(group);
                    }
                }
                if (!mayBeAssigned(protectedIdentity, task.getAssignee())
                        || !mayBeAssignedByUnit(client, task.getAssignee())) {
                    task.setAssignee(null);
                }
                // Each candidate group's grant goes to the group the client's unit calls for (the engine adds it
                // only when a candidate group is added, not when the client moves).
                Set<String> grantees = new LinkedHashSet<>();
                var provider = context.getProcessEngineConfiguration().getResourceAuthorizationProvider();
                for (String group : groups) {
                    grantees.add(grantGroup(group, client));
                    context.getTaskManager().saveDefaultAuthorizations(
                            provider.newTaskGroupIdentityLink(task, group, IdentityLinkType.CANDIDATE));
                }
                revokeOtherTaskGrants(task, grantees);
                return true;
            } finally {
                context.setAuthorizationCheckEnabled(checks);
            }
        };
    }

    /** The engine keeps a grant per candidate group and assignee when they are removed: take back the others. */
    private void revokeOtherTaskGrants(TaskEntity task, Set<String> groups) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        Set<String> users = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
        }
        task.getCandidates().forEach(l -> {
            if (l.getUserId() != null) {
                users.add(l.getUserId());
            }
        });
        for (Authorization grant : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task.getId()).list()) {
            boolean keep = grant.getGroupId() != null ? groups.contains(grant.getGroupId())
                    : grant.getUserId() == null || users.contains(grant.getUserId());
            if (!keep) {
                authorizations.deleteAuthorization(grant.getId());
            }
        }
    }

    static void addGroups(Object value, Set<String> groups) {
        if (value instanceof String text) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    groups.add(part.strip());
                }
            }
        } else if (value instanceof Collection<?> values) {
            values.forEach(v -> addGroups(v, groups));
        }
    }
}
