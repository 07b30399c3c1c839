package se.stegvis.client.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.client.ClientUnits;
import se.stegvis.client.domain.Client;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TestUsers;
import se.stegvis.support.WebappSession;

/**
 * The engine itself scopes tasks by unit (#13): a caseworker of Hageby neither lists nor opens nor takes a task of a
 * client of Centrum — in the engine REST API (the load driver's and Tasklist's task query, Tasklist's filter "Mina
 * gruppers uppgifter") and in the Camunda webapps' own API after a Tasklist login — while a caseworker in no unit
 * group works every unit, the task's candidate group stays {@code handlaggare}, a client who moves takes the open
 * tasks along, and tasks granted on the bare role before this change are granted within the unit after start. A
 * coach or team leader of Hageby neither lists, opens, claims nor completes a Centrum client's coach or team leader
 * task; a group of a unit no longer configured limits neither lists nor assignments.
 */
@StegvisSpringTest
class UnitTaskScopeTest {

    static final String PASSWORD = "Enhet-Uppgift-2025";
    static final String OF_HAGEBY = "enhetuppgift1";
    static final String OF_CENTRUM = "enhetuppgift2";
    static final String COACH_OF_HAGEBY = "enhetuppgift3";
    static final String LEADER_OF_HAGEBY = "enhetuppgift4";
    /** A caseworker whose only unit group is of a unit no longer in {@code stegvis.units.names}. */
    static final String OF_A_REMOVED_UNIT = "enhetuppgift5";
    static final String REMOVED_UNIT_GROUP = StegvisGroups.unitGroup("Lund");
    static final List<String> USERS = List.of(OF_HAGEBY, OF_CENTRUM, COACH_OF_HAGEBY, LEADER_OF_HAGEBY,
            OF_A_REMOVED_UNIT);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    FilterService filters;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ClientUnits clientUnits;

    @Autowired
    UnitTaskGrantMigration migration;

    Http http;
    ApplicationScenario scenario;
    JourneyScenario journeys;
    final List<UUID> journeyClients = new ArrayList<>();

    @BeforeEach
    void setUp() {
        http = new Http(port, user -> USERS.contains(user) ? PASSWORD : "demo");
        scenario = new ApplicationScenario(context, port);
        journeys = new JourneyScenario(context);
        ApplicationScenario.inNovember2025();
        String hageby = StegvisGroups.unitGroup("Hageby");
        TestUsers.user(identityService, OF_HAGEBY, PASSWORD, StegvisGroups.HANDLAGGARE, hageby);
        TestUsers.user(identityService, OF_CENTRUM, PASSWORD, StegvisGroups.HANDLAGGARE,
                StegvisGroups.unitGroup("Centrum"));
        TestUsers.user(identityService, COACH_OF_HAGEBY, PASSWORD, StegvisGroups.COACH, hageby);
        TestUsers.user(identityService, LEADER_OF_HAGEBY, PASSWORD, StegvisGroups.TEAMLEDARE, hageby);
    }

    @AfterEach
    void tearDown() {
        ApplicationScenario.resetClock();
        journeys.deleteJourneyProcesses(journeyClients);
        TestUsers.delete(identityService, USERS.toArray(String[]::new));
        identityService.deleteGroup(REMOVED_UNIT_GROUP);
    }

    @Test
    void aUnitsTasksAreListedOpenedAndTakenOnlyByItsStaffAndThoseWhoCoverEveryUnit() {
        Task ofHageby = investigation(1401, "Hageby");
        Task ofCentrum = investigation(1402, "Centrum");

        // The model's role within the client's unit is the candidate group and has the engine's grant; the bare role
        // has neither.
        assertThat(candidateGroups(ofHageby)).containsExactly("handlaggare-hageby");
        assertThat(candidateGroups(ofCentrum)).containsExactly("handlaggare-centrum");
        assertThat(grantGroups(ofHageby)).containsExactly("handlaggare-hageby");
        assertThat(grantGroups(ofCentrum)).containsExactly("handlaggare-centrum");

        // Who is in which unit-role group: the role and the unit, or the role and no unit (every unit).
        assertThat(groupsOf(OF_HAGEBY)).contains("handlaggare-hageby").doesNotContain("handlaggare-centrum");
        assertThat(groupsOf("handlaggare1")).contains("handlaggare-hageby", "handlaggare-centrum",
                "handlaggare-navestad", "handlaggare-skarblacka");
        assertThat(groupsOf("coach1")).contains("coach-hageby").doesNotContain("handlaggare-hageby");
        assertThat(groupsOf("chef1")).noneMatch(g -> g.startsWith("handlaggare"));

        // The engine REST API's task list, as the load driver and Tasklist ask it: the bare role finds the role's tasks
        // in the caller's units (UnitCandidateGroupQueries), and the unit-role group its own.
        String byGroup = "/engine-rest/task?candidateGroup=handlaggare&maxResults=1000";
        assertThat(ids(http.get("/engine-rest/task?candidateGroup=handlaggare-hageby&maxResults=1000", OF_HAGEBY)))
                .contains(ofHageby.getId()).doesNotContain(ofCentrum.getId());
        assertThat(ids(http.get("/engine-rest/task?candidateGroup=handlaggare-centrum&maxResults=1000", OF_HAGEBY)))
                .as("the group named, but not theirs: the grant decides").doesNotContain(ofCentrum.getId());
        var inList = http.get("/engine-rest/task?candidateGroups=handlaggare,coach&maxResults=1000", OF_HAGEBY);
        assertThat(ids(inList)).contains(ofHageby.getId()).doesNotContain(ofCentrum.getId());
        assertThat(taskService.createTaskQuery().taskCandidateGroup(StegvisGroups.HANDLAGGARE).list())
                .as("the application's own code, unchecked: every unit").extracting(Task::getId)
                .contains(ofHageby.getId(), ofCentrum.getId());
        assertThat(ids(http.get(byGroup, OF_HAGEBY))).contains(ofHageby.getId()).doesNotContain(ofCentrum.getId());
        assertThat(ids(http.get(byGroup, OF_CENTRUM))).contains(ofCentrum.getId()).doesNotContain(ofHageby.getId());
        assertThat(ids(http.get(byGroup, "handlaggare1"))).contains(ofHageby.getId(), ofCentrum.getId());

        // Tasklist's filter "Mina gruppers uppgifter" (candidate groups = the user's groups).
        String filterId = filters.createFilterQuery().filterName("Mina gruppers uppgifter").singleResult().getId();
        var listed = http.post("/engine-rest/filter/" + filterId + "/list?maxResults=1000", OF_HAGEBY,
                "application/json", "{}");
        assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
        assertThat(ids(listed)).contains(ofHageby.getId()).doesNotContain(ofCentrum.getId());

        // The Camunda webapps' own API after a Tasklist login: the same groups, the same answer.
        assertThat(webappTaskIds(OF_HAGEBY)).contains(ofHageby.getId()).doesNotContain(ofCentrum.getId());

        // Opened or taken by id: not theirs.
        assertThat(http.get("/engine-rest/task/" + ofCentrum.getId(), OF_HAGEBY).statusCode()).isIn(403, 404);
        var claim = http.postJson("/engine-rest/task/" + ofCentrum.getId() + "/claim", OF_HAGEBY,
                "{\"userId\":\"" + OF_HAGEBY + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(403);
        // Nor can an administrator, who may assign any task, hand it to them.
        var handed = http.postJson("/engine-rest/task/" + ofCentrum.getId() + "/assignee", "admin",
                "{\"userId\":\"" + OF_HAGEBY + "\"}");
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(403);
        assertThat(handed.body()).contains("enhet Centrum");
        assertThat(taskService.createTaskQuery().taskId(ofCentrum.getId()).singleResult().getAssignee()).isNull();
        var own = http.postJson("/engine-rest/task/" + ofHageby.getId() + "/claim", OF_HAGEBY,
                "{\"userId\":\"" + OF_HAGEBY + "\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(204);

        // The Centrum client moves to Hageby: the open task goes along; the Hageby caseworker's claim is kept.
        Client moving = applications.findById(java.util.UUID.fromString(context.getBean(
                org.camunda.bpm.engine.RuntimeService.class).createProcessInstanceQuery()
                .processInstanceId(ofCentrum.getProcessInstanceId()).singleResult().getBusinessKey()))
                .orElseThrow().getClient();
        moving = context.getBean(se.stegvis.client.domain.ClientRepository.class).findById(moving.getId()).orElseThrow();
        assertThat(clientUnits.move(moving, "Hageby")).isEqualTo(1);
        assertThat(candidateGroups(ofCentrum)).containsExactly("handlaggare-hageby");
        assertThat(grantGroups(ofCentrum)).containsExactly("handlaggare-hageby");
        assertThat(ids(http.get(byGroup, OF_HAGEBY))).contains(ofCentrum.getId());
        assertThat(ids(http.get(byGroup, OF_CENTRUM))).doesNotContain(ofCentrum.getId());
    }

    @Test
    void tasksGrantedOnTheBareRoleBeforeAreGrantedWithinTheUnitAfterStart() {
        Task ofHageby = investigation(1403, "Hageby");
        // As an earlier version left it: the candidate group and the grant on the bare role, which every caseworker
        // holds.
        taskService.addCandidateGroup(ofHageby.getId(), StegvisGroups.HANDLAGGARE);
        taskService.deleteCandidateGroup(ofHageby.getId(), "handlaggare-hageby");
        authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(ofHageby.getId()).list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        Authorization bare = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        bare.setGroupId(StegvisGroups.HANDLAGGARE);
        bare.setResource(Resources.TASK);
        bare.setResourceId(ofHageby.getId());
        bare.addPermission(Permissions.READ);
        bare.addPermission(TaskPermissions.TASK_WORK);
        bare.addPermission(TaskPermissions.READ_VARIABLE);
        authorizations.saveAuthorization(bare);
        assertThat(ids(http.get("/engine-rest/task?candidateGroup=handlaggare&maxResults=1000", OF_CENTRUM)))
                .contains(ofHageby.getId());

        assertThat(migration.migrate()).isGreaterThanOrEqualTo(1);

        assertThat(candidateGroups(ofHageby)).containsExactly("handlaggare-hageby");
        assertThat(grantGroups(ofHageby)).containsExactly("handlaggare-hageby");
        assertThat(ids(http.get("/engine-rest/task?candidateGroup=handlaggare&maxResults=1000", OF_CENTRUM)))
                .doesNotContain(ofHageby.getId());
        assertThat(ids(http.get("/engine-rest/task?candidateGroup=handlaggare&maxResults=1000", OF_HAGEBY)))
                .contains(ofHageby.getId());
    }

    @Test
    void coachesAndTeamLeadersOfAnotherUnitCannotListOpenClaimOrCompleteItsTasks() {
        // A client of Centrum and one of Hageby, each with a coach's task (Kartläggning in the client journey) and a
        // team leader's (Följ upp försenad utredning, the escalation of an overdue investigation).
        ClientTasks centrum = coachAndTeamLeaderTasks(1405, "Centrum");
        ClientTasks hageby = coachAndTeamLeaderTasks(1406, "Hageby");
        assertThat(candidateGroups(centrum.mapping())).containsExactly("coach-centrum");
        assertThat(grantGroups(centrum.mapping())).containsExactly("coach-centrum");
        assertThat(candidateGroups(centrum.escalation())).containsExactly("teamledare-centrum");
        assertThat(grantGroups(centrum.escalation())).containsExactly("teamledare-centrum");

        // Their own unit's tasks they list, and those who cover every unit list Centrum's: the queries find the tasks.
        assertThat(ids(http.get(byGroup(hageby.mapping()), COACH_OF_HAGEBY))).contains(hageby.mapping().getId());
        assertThat(ids(http.get(byGroup(hageby.escalation()), LEADER_OF_HAGEBY)))
                .contains(hageby.escalation().getId());
        assertThat(ids(http.get(byGroup(centrum.mapping()), "coach1"))).contains(centrum.mapping().getId());
        assertThat(ids(http.get(byGroup(centrum.escalation()), "teamledare1")))
                .contains(centrum.escalation().getId());

        // Hageby's coach and team leader cannot reach Centrum's tasks, by the list or by id.
        cannotTouch(COACH_OF_HAGEBY, centrum.mapping());
        cannotTouch(LEADER_OF_HAGEBY, centrum.escalation());
        // Nor the other role's tasks of Centrum (their groups give them no grant there either).
        cannotTouch(COACH_OF_HAGEBY, centrum.escalation());
        cannotTouch(LEADER_OF_HAGEBY, centrum.mapping());

        // Their own unit's task they may take.
        var own = http.postJson("/engine-rest/task/" + hageby.mapping().getId() + "/claim", COACH_OF_HAGEBY,
                "{\"userId\":\"" + COACH_OF_HAGEBY + "\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(204);
    }

    @Test
    void aGroupOfAUnitNoLongerConfiguredLimitsNeitherListsNorAssignments() {
        // Lund was a unit once; its group is left in Camunda after the unit was taken out of stegvis.units.names.
        TestUsers.user(identityService, OF_A_REMOVED_UNIT, PASSWORD, StegvisGroups.HANDLAGGARE, REMOVED_UNIT_GROUP);
        var submitted = scenario.familyReadyForInvestigation(1407, ",\"enhet\":\"Centrum\"");
        Task ofCentrum = scenario.task(submitted.processInstanceId(), EkonomisktBistandProcess.TASK_INVESTIGATE);

        // One rule for lists and assignments: like a caseworker in no unit group, they see the client and the task ...
        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), OF_A_REMOVED_UNIT).statusCode())
                .isEqualTo(200);
        assertThat(ids(http.get("/engine-rest/task?candidateGroup=handlaggare&maxResults=100&processInstanceId="
                + submitted.processInstanceId(), OF_A_REMOVED_UNIT))).contains(ofCentrum.getId());
        // ... and the task may be given to them (a Hageby caseworker it may not: the rule is not switched off).
        var refused = http.postJson("/engine-rest/task/" + ofCentrum.getId() + "/assignee", "admin",
                "{\"userId\":\"" + OF_HAGEBY + "\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        var handed = http.postJson("/engine-rest/task/" + ofCentrum.getId() + "/assignee", "admin",
                "{\"userId\":\"" + OF_A_REMOVED_UNIT + "\"}");
        assertThat(handed.statusCode()).as(handed.body()).isEqualTo(204);
        assertThat(taskService.createTaskQuery().taskId(ofCentrum.getId()).singleResult().getAssignee())
                .isEqualTo(OF_A_REMOVED_UNIT);
    }

    /** A client's coach task and team leader task. */
    record ClientTasks(Task mapping, Task escalation) {}

    private ClientTasks coachAndTeamLeaderTasks(long seed, String unit) {
        var submitted = scenario.familyReadyForInvestigation(seed, ",\"enhet\":\"" + unit + "\"");
        String pi = submitted.processInstanceId();
        scenario.executeJob(pi, EkonomisktBistandProcess.TIMER_INVESTIGATION_OVERDUE);
        Task escalation = scenario.task(pi, EkonomisktBistandProcess.TASK_FOLLOW_UP_OVERDUE);
        UUID clientId = applications.findById(submitted.applicationId()).orElseThrow().getClient().getId();
        journeyClients.add(clientId);
        Journey journey = journeys.started(clientId);
        Task mapping = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(JourneyProcess.TASK_MAPPING).singleResult();
        assertThat(mapping).as("Kartläggning").isNotNull();
        return new ClientTasks(mapping, escalation);
    }

    /**
     * The task list by the task's role (its candidate group without the unit), as Tasklist and the load driver ask,
     * within the task's instance.
     */
    private String byGroup(Task task) {
        String role = candidateGroups(task).stream().map(g -> g.substring(0, g.indexOf('-'))).findFirst().orElseThrow();
        return "/engine-rest/task?candidateGroup=" + role + "&processInstanceId=" + task.getProcessInstanceId()
                + "&maxResults=100";
    }

    /** The user neither lists, opens (the task, its form's variables), claims nor completes the task. */
    private void cannotTouch(String user, Task task) {
        String id = task.getId();
        String as = user + " on " + task.getTaskDefinitionKey();
        assertThat(ids(http.get(byGroup(task), user))).as(as).doesNotContain(id);
        assertThat(ids(http.get("/engine-rest/task?processInstanceId=" + task.getProcessInstanceId()
                + "&maxResults=100", user)))
                .as(as).doesNotContain(id);
        assertThat(http.get("/engine-rest/task/count?taskId=" + id, user).body()).as(as).contains("\"count\":0");
        assertThat(http.get("/engine-rest/task/" + id, user).statusCode()).as(as).isIn(403, 404);
        assertThat(http.get("/engine-rest/task/" + id + "/form-variables", user).statusCode()).as(as).isIn(403, 404);
        assertThat(http.get("/engine-rest/task/" + id + "/variables", user).statusCode()).as(as).isIn(403, 404);
        var claim = http.postJson("/engine-rest/task/" + id + "/claim", user, "{\"userId\":\"" + user + "\"}");
        assertThat(claim.statusCode()).as(as + " " + claim.body()).isEqualTo(403);
        var complete = http.postJson("/engine-rest/task/" + id + "/complete", user, "{\"variables\":{}}");
        assertThat(complete.statusCode()).as(as + " " + complete.body()).isIn(403, 404);
        var submit = http.postJson("/engine-rest/task/" + id + "/submit-form", user, "{\"variables\":{}}");
        assertThat(submit.statusCode()).as(as + " " + submit.body()).isIn(403, 404);
        Task after = taskService.createTaskQuery().taskId(id).singleResult();
        assertThat(after).as(as + ": the task is still open").isNotNull();
        assertThat(after.getAssignee()).as(as).isNull();
    }

    private Task investigation(long seed, String unit) {
        var submitted = scenario.familyReadyForInvestigation(seed, ",\"enhet\":\"" + unit + "\"");
        return scenario.task(submitted.processInstanceId(), EkonomisktBistandProcess.TASK_INVESTIGATE);
    }

    private Set<String> candidateGroups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private Set<String> grantGroups(Task task) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list()
                .stream().map(Authorization::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private List<String> groupsOf(String user) {
        return identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** The task ids in a JSON answer (a list of tasks; a count has none). */
    private static Set<String> ids(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> ids = new HashSet<>();
        var m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** Logs into Tasklist as the user and lists the tasks through the webapps' engine API, as Tasklist does. */
    private Set<String> webappTaskIds(String user) {
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login("tasklist", user, PASSWORD)).isEqualTo(200);
        return ids(tasklist.get("/camunda/api/engine/engine/default/task?candidateGroup=handlaggare&maxResults=1000",
                "application/json"));
    }
}
