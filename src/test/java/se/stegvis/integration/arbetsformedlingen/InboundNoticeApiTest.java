package se.stegvis.integration.arbetsformedlingen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.client.domain.Client;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * Arbetsförmedlingen's notice that a programme participant risks too little occupation, delivered by AF's integration
 * user over HTTP on PostgreSQL: it becomes the coach's task "Följ upp besked från Arbetsförmedlingen" in the client's
 * journey; the same delivery again is answered with the same receipt and gives no second task; the reference with
 * other facts, a bad field, another user and a client without a journey are refused and leave nothing behind. The
 * coach's follow-up is recorded on the notice. No personnummer in the process.
 */
@StegvisSpringTest
class InboundNoticeApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PATH = InboundNoticeController.PATH;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired InboundNoticeRepository notices;

    JourneyScenario journeys;
    Http http;

    @BeforeEach
    void setUp() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T08:00:00Z")));
        journeys = new JourneyScenario(context);
        http = new Http(port);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        journeys.deleteJourneyProcesses(journeys.clients());
    }

    @Test
    void aNoticeBecomesTheCoachsTaskOnceHoweverOftenItIsDelivered() throws Exception {
        Client client = journeys.grantedClient();
        Journey journey = journeys.started(client.getId());
        String pnr = client.getPersonnummer().value();
        String reference = "AF-" + client.getId();
        String body = delivery(reference, pnr, "2026-11-02", 12);

        HttpResponse<String> first = http.postJson(PATH, "af", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode receipt = JSON.readTree(first.body());
        assertThat(receipt.get("reference").asText()).isEqualTo(reference);
        assertThat(receipt.get("duplicate").asBoolean()).isFalse();
        assertThat(first.headers().firstValue("Location")).contains(PATH + "/" + receipt.get("id").asText());

        List<Task> tasks = followUpTasks(journey);
        assertThat(tasks).singleElement().satisfies(task -> {
            assertThat(task.getName()).isEqualTo("Följ upp besked från Arbetsförmedlingen");
            assertThat(taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("coach").count()).isEqualTo(1);
            assertThat(taskService.getVariable(task.getId(), JourneyProcess.AF_NOTICE_DESCRIPTION).toString())
                    .contains("2 november 2026", "riskerar för lite sysselsättning", "12 timmar i veckan", reference)
                    .doesNotContain(pnr, pnr.substring(2));
        });
        assertThat(runtimeService.getVariables(journey.getProcessInstanceId()).values())
                .noneMatch(v -> v != null && v.toString().contains(pnr.substring(2, 8)));

        // Delivered again (AF did not see the answer): the same receipt, no second task.
        HttpResponse<String> again = http.postJson(PATH, "af", body);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        JsonNode second = JSON.readTree(again.body());
        assertThat(second.get("id").asText()).isEqualTo(receipt.get("id").asText());
        assertThat(second.get("duplicate").asBoolean()).isTrue();
        assertThat(followUpTasks(journey)).hasSize(1);
        // The same reference with other facts is another notice under a used reference: refused.
        HttpResponse<String> changed = http.postJson(PATH, "af", delivery(reference, pnr, "2026-11-01", 12));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(409);
        assertThat(changed.body()).contains("\"field\":\"reference\"");
        assertThat(notices.findByClientIdOrderByReceivedAt(client.getId())).hasSize(1);

        // The coach follows it up: recorded on the notice, readable by the case groups.
        Task task = followUpTasks(journey).get(0);
        taskService.claim(task.getId(), "coach1");
        HttpResponse<String> noAction = http.postJson("/engine-rest/task/" + task.getId() + "/complete", "coach1",
                "{\"variables\": {}}");
        assertThat(noAction.statusCode()).as(noAction.body()).isEqualTo(400);
        assertThat(noAction.body()).contains(JourneyProcess.AF_NOTICE_ACTION);
        HttpResponse<String> done = http.postJson("/engine-rest/task/" + task.getId() + "/complete", "coach1",
                "{\"variables\": {\"afBeskedAtgard\": {\"value\": \"PLANERINGEN_REVIDERAS\"}}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        journeys.executeJob(journey, JourneyProcess.TASK_RECORD_AF_FOLLOW_UP);
        JsonNode list = JSON.readTree(http.get(PATH + "?clientId=" + client.getId(), "coach1").body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("status").asText()).isEqualTo("UPPFOLJD");
        assertThat(list.get(0).get("action").asText()).isEqualTo("PLANERINGEN_REVIDERAS");
        assertThat(list.get(0).get("followedUpBy").asText()).isEqualTo("coach1");
        assertThat(notices.findById(java.util.UUID.fromString(receipt.get("id").asText())).orElseThrow().getJourneyId())
                .contains(journey.getId());
    }

    @Test
    void badDeliveriesAreRefusedNamingTheFieldAndLeaveNothing() throws Exception {
        Client client = journeys.grantedClient();
        String pnr = client.getPersonnummer().value();
        // Only AF's integration user delivers.
        assertThat(http.postJson(PATH, "coach1", delivery("AF-X1", pnr, "2026-11-02", null)).statusCode()).isEqualTo(403);
        assertThat(http.postJson(PATH, "bank", delivery("AF-X1", pnr, "2026-11-02", null)).statusCode()).isEqualTo(403);
        assertBad(http.postJson(PATH, "af", delivery("", pnr, "2026-11-02", null)), "reference");
        assertBad(http.postJson(PATH, "af", delivery("AF-X1", "12345", "2026-11-02", null)), "personnummer");
        assertBad(http.postJson(PATH, "af", delivery("AF-X1", pnr, "2026-13-02", null)), "noticeDate");
        assertBad(http.postJson(PATH, "af", delivery("AF-X1", pnr, "2026-11-04", null)), "noticeDate");
        assertBad(http.postJson(PATH, "af", delivery("AF-X1", pnr, "2026-11-02", 200)), "occupationHoursPerWeek");
        // A client without a journey: no coach to follow it up; nothing is kept, AF may deliver it again later.
        HttpResponse<String> noJourney = http.postJson(PATH, "af", delivery("AF-X1-" + client.getId(), pnr, "2026-11-02", null));
        assertThat(noJourney.statusCode()).as(noJourney.body()).isEqualTo(409);
        assertThat(noJourney.body()).contains("\"field\":\"personnummer\"", "klientresa");
        assertThat(notices.findByClientIdOrderByReceivedAt(client.getId())).isEmpty();
    }

    private List<Task> followUpTasks(Journey journey) {
        return taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(JourneyProcess.TASK_FOLLOW_UP_AF_NOTICE).list();
    }

    private static void assertBad(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private static String delivery(String reference, String personnummer, String date, Integer hours) {
        return "{\"reference\":\"" + reference + "\",\"personnummer\":\"" + personnummer + "\",\"noticeDate\":\"" + date
                + "\"" + (hours == null ? "" : ",\"occupationHoursPerWeek\":" + hours) + "}";
    }
}
