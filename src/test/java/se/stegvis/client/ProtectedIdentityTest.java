package se.stegvis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
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
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.ProtectionChange;
import se.stegvis.client.domain.ProtectionChangeRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * Protected identity that takes effect at once: a client marked protected mid-case disappears from handlaggare1's and
 * coach1's Tasklist and APIs — every open task of every process moves to skyddad, the claim and the engine's per-task
 * grants of the others are gone — and only skyddad may lift it, which routes the tasks back. Audited.
 */
@StegvisSpringTest
class ProtectedIdentityTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TaskService taskService;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ClientRepository clients;

    @Autowired
    ProtectionChangeRepository changes;

    Http http;
    ApplicationScenario scenario;
    JourneyScenario journeys;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        scenario = new ApplicationScenario(context, port);
        journeys = new JourneyScenario(context);
        ApplicationScenario.inNovember2025();
    }

    @AfterEach
    void tearDown() {
        ApplicationScenario.resetClock();
    }

    @Test
    void aClientMarkedProtectedMidCaseDisappearsFromCaseworkersAndCoachesAtOnce() {
        var submitted = scenario.familyReadyForInvestigation(1301);
        UUID clientId = applications.findById(submitted.applicationId()).orElseThrow().getClient().getId();
        Task investigation = scenario.task(submitted.processInstanceId(), EkonomisktBistandProcess.TASK_INVESTIGATE);
        Journey journey = journeys.started(clientId);
        Task mapping = journeyTask(journey, JourneyProcess.TASK_MAPPING);
        taskService.claim(mapping.getId(), "coach1");
        assertThat(groups(investigation)).containsExactly("handlaggare-centrum");
        assertThat(groups(mapping)).containsExactly("coach-centrum");
        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), "handlaggare1").statusCode()).isEqualTo(200);
        assertThat(http.get("/api/klientresor/" + journey.getId(), "coach1").statusCode()).isEqualTo(200);
        assertThat(visibleTaskIds("handlaggare1")).contains(investigation.getId());
        assertThat(visibleTaskIds("coach1")).contains(mapping.getId());

        var set = put(clientId, "handlaggare1", true);
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(set.body()).contains("\"skyddad\":true").contains("\"flyttadeUppgifter\":2");

        assertThat(groups(investigation)).containsExactly("skyddad-centrum");
        assertThat(groups(mapping)).containsExactly("skyddad-centrum");
        assertThat(taskService.createTaskQuery().taskId(mapping.getId()).singleResult().getAssignee()).isNull();
        // Gone from their Tasklist (the engine's task query under their authorizations) and their APIs: unknown, not forbidden.
        assertThat(visibleTaskIds("handlaggare1")).doesNotContain(investigation.getId(), mapping.getId());
        assertThat(visibleTaskIds("coach1")).doesNotContain(investigation.getId(), mapping.getId());
        assertThat(http.get("/engine-rest/task/" + mapping.getId(), "coach1").statusCode()).isIn(403, 404);
        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), "handlaggare1").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/klientresor/" + journey.getId(), "coach1").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/klientresor?clientId=" + clientId, "coach1").statusCode()).isEqualTo(404);
        assertThat(http.get("/api/ansokningar?month=2025-11", "handlaggare1").body())
                .doesNotContain(submitted.applicationId().toString());
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(mapping.getId())
                .list()).allSatisfy(a -> assertThat(a.getGroupId()).isEqualTo(
                        se.stegvis.identity.StegvisGroups.unitRoleGroup("skyddad", clients.findById(clientId)
                                .orElseThrow().getUnit())));
        // skyddad sees and works the tasks.
        assertThat(visibleTaskIds("skyddad1")).contains(investigation.getId(), mapping.getId());
        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), "skyddad1").statusCode()).isEqualTo(200);
        // Nobody outside skyddad may lift it (they do not even see the client) or take a task of the client.
        assertThat(put(clientId, "handlaggare1", false).statusCode()).isEqualTo(404);
        assertThat(http.send(http.request("/engine-rest/task/" + investigation.getId() + "/assignee", "skyddad1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"userId\":\"handlaggare1\"}", StandardCharsets.UTF_8))
                .build()).statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(taskService.createTaskQuery().taskId(investigation.getId()).singleResult().getAssignee()).isNull();

        var lifted = put(clientId, "skyddad1", false);
        assertThat(lifted.statusCode()).as(lifted.body()).isEqualTo(200);
        assertThat(groups(investigation)).containsExactly("handlaggare-centrum");
        assertThat(groups(mapping)).containsExactly("coach-centrum");
        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), "handlaggare1").statusCode()).isEqualTo(200);

        List<ProtectionChange> audit = changes.findByClientIdOrderByChangedAt(clientId);
        assertThat(audit).extracting(ProtectionChange::getChangedBy).containsExactly("handlaggare1", "skyddad1");
        assertThat(audit).extracting(ProtectionChange::getNewValue).containsExactly(true, false);
        assertThat(audit).extracting(ProtectionChange::getOldValue).containsExactly(false, true);
    }

    @Test
    void onlySkyddadMayLiftProtectionAndTheValueIsRequired() {
        var submitted = scenario.familyReadyForInvestigation(1302);
        UUID clientId = applications.findById(submitted.applicationId()).orElseThrow().getClient().getId();
        assertThat(put(clientId, "handlaggare1", false).statusCode()).isEqualTo(403);
        var missing = http.send(http.request("/api/klienter/" + clientId + "/skyddad-identitet", "handlaggare1")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8)).build());
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("skyddad");
        assertThat(put(UUID.randomUUID(), "handlaggare1", true).statusCode()).isEqualTo(404);
        assertThat(put(clientId, "chef1", true).statusCode()).isEqualTo(403);
        assertThat(put(clientId, "admin", true).statusCode()).isEqualTo(403);
        assertThat(clients.findById(clientId).orElseThrow().isProtectedIdentity()).isFalse();
        assertThat(changes.findByClientIdOrderByChangedAt(clientId)).isEmpty();
    }

    @Test
    void theEServiceMayMarkAnApplicantProtectedAndTheTasksGoToSkyddadFromTheStart() {
        var submitted = scenario.familyReadyForInvestigation(1303, ",\"skyddadIdentitet\":true");
        Task investigation = scenario.task(submitted.processInstanceId(), EkonomisktBistandProcess.TASK_INVESTIGATE);
        assertThat(groups(investigation)).containsExactly("skyddad-centrum");
        assertThat(visibleTaskIds("handlaggare1")).doesNotContain(investigation.getId());
        assertThat(http.get("/api/ansokningar/" + submitted.applicationId(), "handlaggare1").statusCode()).isEqualTo(404);
        UUID clientId = applications.findById(submitted.applicationId()).orElseThrow().getClient().getId();
        assertThat(changes.findByClientIdOrderByChangedAt(clientId)).singleElement()
                .satisfies(c -> assertThat(c.getChannel()).isEqualTo(ProtectionChange.Channel.ANSOKAN));
    }

    private HttpResponse<String> put(UUID clientId, String user, boolean value) {
        return http.send(http.request("/api/klienter/" + clientId + "/skyddad-identitet", user)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"skyddad\":" + value + "}", StandardCharsets.UTF_8))
                .build());
    }

    private Set<String> groups(Task task) {
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
    }

    private Task journeyTask(Journey journey, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(journey.getId().toString())
                .taskDefinitionKey(key).singleResult();
    }

    /** The tasks the user's Tasklist can list: the engine's task query under the user's authorizations. */
    private Set<String> visibleTaskIds(String user) {
        var response = http.get("/engine-rest/task?maxResults=1000", user);
        assertThat(response.statusCode()).isEqualTo(200);
        var ids = new java.util.HashSet<String>();
        var m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(response.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
