package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * The task query with the caller's grants looked up per task ({@link TaskGrantLookup}) answers as the engine's own
 * statement does, for every kind of grant that decides a task's visibility: the user's and a group's READ on the task,
 * a grant without READ, READ_TASK on the process definition (and READ without it), a grant on another resource type
 * with the task's id, a TASK grant named by the process's key (the engine matches all three values against every
 * grant), every task ({@code '*'}), a global authorization, another group's grant, tasks outside every process — for
 * callers with and without groups, lists, counts, pages, an or-query, a candidate group, and with a REVOKE in force.
 */
@StegvisSpringTest
class TaskGrantLookupTest {

    private static final String PROCESS_A = "Process_GrantLookupA";
    private static final String PROCESS_B = "Process_GrantLookupB";
    private static final String NAME = "grantlookup";
    private static final String GROUP = "grantlookup-grupp";
    private static final String OTHER_GROUP = "grantlookup-annan";
    private static final String CANDIDATES = "grantlookup-kandidater";
    private static final String REVOKED = "grantlookup-nekad";
    /** A demo caseworker with a grant of their own on one of the test's tasks. */
    private static final String CASEWORKER = "handlaggare2";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;

    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired AuthorizationService authorizations;
    @Autowired IdentityService identityService;

    private final List<String> deployments = new ArrayList<>();
    private final List<String> standalone = new ArrayList<>();
    private final List<String> grants = new ArrayList<>();
    private List<String> a;
    private List<String> b;

    @BeforeEach
    void tasksAndGrants() {
        a = tasksOf(PROCESS_A, 4);
        b = tasksOf(PROCESS_B, 2);
        for (int i = 0; i < 3; i++) {
            Task task = taskService.newTask();
            task.setName(NAME + " fristående " + i);
            taskService.saveTask(task);
            standalone.add(task.getId());
        }
        grant("user1", null, Resources.TASK, a.get(0), Permissions.READ);
        grant(null, GROUP, Resources.TASK, a.get(1), Permissions.READ);
        grant(null, GROUP, Resources.TASK, a.get(2), Permissions.UPDATE);
        grant(null, GROUP, Resources.PROCESS_DEFINITION, PROCESS_B, Permissions.READ_TASK);
        grant(null, OTHER_GROUP, Resources.PROCESS_DEFINITION, PROCESS_A, Permissions.READ);
        grant(null, GROUP, Resources.PROCESS_INSTANCE, standalone.get(0), Permissions.READ);
        grant(null, GROUP, Resources.TASK, standalone.get(1), Permissions.READ);
        grant(null, OTHER_GROUP, Resources.TASK, standalone.get(2), Permissions.READ);
        grant(null, "grantlookup-nyckel", Resources.TASK, PROCESS_A, Permissions.READ);
        grant("user2", null, Resources.TASK, "*", Permissions.READ);
        Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
        global.setResource(Resources.TASK);
        global.setResourceId(a.get(3));
        global.addPermission(Permissions.READ);
        grants.add(authorizations.saveAuthorization(global).getId());
    }

    @AfterEach
    void removeThem() {
        identityService.clearAuthentication();
        grants.forEach(authorizations::deleteAuthorization);
        standalone.forEach(id -> taskService.deleteTask(id, true));
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void theRulesOfTheEnginesCheckDecideWhatACallerSees() {
        assertThat(visible("user1", GROUP)).as("the user's and the group's READ, the process's READ_TASK, global, "
                + "a standalone task's grant").containsExactlyInAnyOrder(a.get(0), a.get(1), a.get(3),
                b.get(0), b.get(1), standalone.get(1));
        assertThat(visible("user3", OTHER_GROUP)).as("READ on a process definition is not READ_TASK")
                .containsExactlyInAnyOrder(a.get(3), standalone.get(2));
        assertThat(visible("user4")).as("no grants: the global one only").containsExactly(a.get(3));
        assertThat(visible("user2")).as("READ on every task").hasSize(a.size() + b.size() + standalone.size());
        assertThat(visible("user5", "grantlookup-nyckel")).as("a TASK grant named as the process's key, as the engine")
                .containsExactlyInAnyOrder(a.get(0), a.get(1), a.get(2), a.get(3));
    }

    @Test
    void theStatementsAnswerAsTheEnginesForEveryCallerAndQuery() {
        assertSameAnswersForEveryCallerAndQuery(null);
    }

    @Test
    void withARevokeInForceTheEnginesOwnCheckRuns() {
        // In force for the callers a REVOKE names (the engine's "auto" mode): this user, not the others.
        grants.add(authorizations.saveAuthorization(revokeOf(REVOKED, a.get(1))).getId());
        assertSameAnswersForEveryCallerAndQuery(REVOKED);
        assertThat(visible(REVOKED, GROUP)).as("the group's READ revoked for the user")
                .doesNotContain(a.get(1)).contains(b.get(0));
    }

    /**
     * As an attacker with the engine REST API would ask: a manager, a process owner, a coach and a caseworker list,
     * count and or-query the test's tasks by id, by process and by name, as JSON and as HAL — each sees exactly the
     * tasks the grants allow (here the global one, and a caseworker's own grant), a stranger nothing.
     */
    @Test
    void throughTheRestApiNoCallerSeesMoreThanTheGrantsAllow() throws Exception {
        grant(CASEWORKER, null, Resources.TASK, a.get(0), Permissions.READ);
        List<String> ours = new ArrayList<>(a);
        ours.addAll(b);
        ours.addAll(standalone);
        String ids = String.join(",", ours);
        Http http = new Http(port);
        Map<String, List<String>> allowed = Map.of("chef1", List.of(a.get(3)), "processagare1", List.of(a.get(3)),
                "coach1", List.of(a.get(3)), CASEWORKER, List.of(a.get(0), a.get(3)));
        for (var caller : allowed.entrySet()) {
            String user = caller.getKey();
            List<String> expected = caller.getValue();
            assertThat(listed(http.get("/engine-rest/task?taskIdIn=" + ids + "&maxResults=100", user)))
                    .as(user + ": by id").containsExactlyInAnyOrderElementsOf(expected);
            assertThat(json(http.get("/engine-rest/task/count?taskIdIn=" + ids, user)).get("count").asLong())
                    .as(user + ": count").isEqualTo(expected.size());
            assertThat(listed(http.postJson("/engine-rest/task?maxResults=100", user, "{\"taskIdIn\":"
                    + JSON.writeValueAsString(ours) + ",\"orQueries\":[{\"processDefinitionKey\":\"" + PROCESS_A
                    + "\"},{\"taskNameLike\":\"" + NAME + "%\"}]}")))
                    .as(user + ": an or-query by process and name").containsExactlyInAnyOrderElementsOf(expected);
            HttpResponse<String> hal = http.send(http.request("/engine-rest/task?taskIdIn=" + ids + "&maxResults=100",
                    user).header("Accept", "application/hal+json").GET().build());
            List<String> halIds = new ArrayList<>();
            json(hal).path("_embedded").path("task").forEach(task -> halIds.add(task.get("id").asText()));
            assertThat(halIds).as(user + ": as HAL").containsExactlyInAnyOrderElementsOf(expected);
        }
        assertThat(http.get("/engine-rest/task?taskIdIn=" + ids + "&maxResults=100", null).statusCode())
                .as("a stranger").isEqualTo(401);
    }

    @Test
    void aChangedTaskQueryOfTheEngineStopsTheStart() {
        String engines = new String(TaskGrantLookup.resource(TaskGrantLookup.ENGINE_TASK_MAPPING), StandardCharsets.UTF_8);
        assertThat(new String(TaskGrantLookup.mapper(engines), StandardCharsets.UTF_8))
                .contains("selectTaskByQueryCriteria_grantLookup").doesNotContain("AUTH.RESOURCE_ID_ ${authJoinStart}");
        String otherJoin = engines.replace("RES.ID_ ${authJoinSeparator} D.KEY_", "RES.ID_ ${authJoinSeparator} E.ID_");
        assertThat(otherJoin).isNotEqualTo(engines);
        assertThatThrownBy(() -> TaskGrantLookup.mapper(otherJoin)).hasMessageContaining("review TaskGrantLookup");
        String joinedTwice = engines.replace("</where>\n  </sql>", "AND AUTH.RESOURCE_ID_ IS NOT NULL </where>\n  </sql>");
        assertThat(joinedTwice).isNotEqualTo(engines);
        assertThatThrownBy(() -> TaskGrantLookup.mapper(joinedTwice)).hasMessageContaining("joined grant elsewhere");
    }

    /** {@code revoked}: the caller for whom a REVOKE is in force, or null. */
    private void assertSameAnswersForEveryCallerAndQuery(String revoked) {
        List<String> ours = new ArrayList<>(a);
        ours.addAll(b);
        ours.addAll(standalone);
        String[] ids = ours.toArray(String[]::new);
        Map<String, UnaryOperator<TaskQuery>> queries = Map.of(
                "all, by id", q -> q.taskIdIn(ids).orderByTaskId().asc(),
                "by name, newest first", q -> q.taskNameLike(NAME + "%").orderByTaskCreateTime().desc().orderByTaskId().asc(),
                "a candidate group", q -> q.taskIdIn(ids).taskCandidateGroup(CANDIDATES).orderByTaskId().asc(),
                "a process", q -> q.taskIdIn(ids).processDefinitionKey(PROCESS_B).orderByTaskId().asc(),
                "an or-query", q -> q.taskIdIn(ids).or().processDefinitionKey(PROCESS_A).taskName(NAME + " fristående 1")
                        .endOr().orderByTaskId().asc());
        Map<String, List<String>> callers = Map.of("user1", List.of(GROUP, OTHER_GROUP), "user2", List.of(),
                "user3", List.of(OTHER_GROUP), "user4", List.of(), "user5", List.of("grantlookup-nyckel"),
                REVOKED, List.of(GROUP));
        int compared = 0;
        for (var caller : callers.entrySet()) {
            for (var query : queries.entrySet()) {
                for (int[] page : new int[][] {{0, Integer.MAX_VALUE}, {1, 2}}) {
                    Answers answers = answers(caller.getKey(), caller.getValue(), query.getValue(), page);
                    String what = caller.getKey() + ", " + query.getKey() + ", page " + page[0];
                    assertThat(answers.revokeCheck).as(what).isEqualTo(caller.getKey().equals(revoked));
                    assertThat(answers.lookedUp).as(what).isEqualTo(answers.engines);
                    assertThat(answers.lookedUpCount).as(what).isEqualTo(answers.enginesCount);
                    compared += answers.engines.size();
                }
            }
        }
        assertThat(compared).as("the comparison saw tasks").isGreaterThan(50);
    }

    private record Answers(List<String> engines, List<String> lookedUp, long enginesCount, long lookedUpCount,
                           boolean revokeCheck) {}

    /** The engine's statements and the looked-up ones on the same configured query, in one command. */
    private Answers answers(String user, List<String> groups, UnaryOperator<TaskQuery> build, int[] page) {
        identityService.setAuthentication(user, groups);
        try {
            return commandExecutor().execute(context -> {
                TaskQueryImpl query = (TaskQueryImpl) build.apply(new TaskQueryImpl());
                query.setFirstResult(page[0]);
                query.setMaxResults(page[1]);
                context.getAuthorizationManager().configureTaskQuery(query);
                context.getTenantManager().configureQuery(query);
                assertThat(TaskGrantLookup.applies(query)).isTrue();
                assertThat(query.getAuthCheck().isAuthorizationCheckEnabled()).isTrue();
                DbEntityManager db = context.getDbEntityManager();
                List<Task> engines = db.selectList("selectTaskByQueryCriteria", query);
                List<Task> lookedUp = db.selectList(TaskGrantLookup.LIST, query);
                return new Answers(ids(engines), ids(lookedUp),
                        (Long) db.selectOne("selectTaskCountByQueryCriteria", query),
                        (Long) db.selectOne(TaskGrantLookup.COUNT, query),
                        query.getAuthCheck().isRevokeAuthorizationCheckEnabled());
            });
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The test's tasks a caller finds through the task service (the application's task manager), list and count. */
    private List<String> visible(String user, String... groups) {
        identityService.setAuthentication(user, List.of(groups));
        try {
            List<String> ids = new ArrayList<>(a);
            ids.addAll(b);
            ids.addAll(standalone);
            TaskQuery query = taskService.createTaskQuery().taskIdIn(ids.toArray(String[]::new));
            List<String> listed = ids(query.listPage(0, 100));
            assertThat(query.count()).isEqualTo(listed.size());
            return listed;
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> tasksOf(String process, int instances) {
        deployments.add(repositoryService.createDeployment().addModelInstance(process + ".bpmn",
                Bpmn.createExecutableProcess(process).camundaHistoryTimeToLive(1).startEvent()
                        .userTask("UserTask_Probe").name(NAME + " " + process).camundaCandidateGroups(CANDIDATES)
                        .endEvent().done()).deploy().getId());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            String instance = runtimeService.startProcessInstanceByKey(process).getId();
            ids.add(taskService.createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        return ids;
    }

    private void grant(String user, String group, Resource resource, String resourceId, Permission permission) {
        Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(user);
        grant.setGroupId(group);
        grant.setResource(resource);
        grant.setResourceId(resourceId);
        grant.addPermission(permission);
        grants.add(authorizations.saveAuthorization(grant).getId());
    }

    private Authorization revokeOf(String user, String taskId) {
        Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId(user);
        revoke.setResource(Resources.TASK);
        revoke.setResourceId(taskId);
        revoke.removePermission(Permissions.READ);
        return revoke;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> listed(HttpResponse<String> response) throws Exception {
        List<String> ids = new ArrayList<>();
        json(response).forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private static List<String> ids(List<Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }

    private CommandExecutor commandExecutor() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired();
    }
}
