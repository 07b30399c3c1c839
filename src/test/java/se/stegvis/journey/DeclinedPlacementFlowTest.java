package se.stegvis.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.Reduction;
import se.stegvis.application.domain.ReductionRepository;
import se.stegvis.client.domain.Client;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionDecision;
import se.stegvis.journey.domain.SanctionLetter;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProvider;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.process.PlacementProcess;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.PdfText;
import se.stegvis.support.StegvisSpringTest;

/**
 * A placement the client declines, through the real processes on PostgreSQL. The matching gives the plan's activity its
 * provider (plan_activity.provider_id, shown in the journey overview). "Avsluta insats" with the outcome AVBRUTEN
 * must say why (400 over the engine's REST API naming {@code avbrottsgrund}). For a client covered by the aktivitetskrav
 * (granted August–October 2026, covered from November) "Klienten avböjde insatsen" proposes a reduction in the journey by
 * itself, marked as under the requirement and communicated; upheld, it is December's reduction with its decision letter.
 * A client not covered who breaks a placement off without godtagbart skäl gets no proposal by itself (as before the
 * requirement: the coach may still report it).
 */
@StegvisSpringTest
class DeclinedPlacementFlowTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired SanctionRepository sanctions;
    @Autowired ReductionRepository reductions;
    @Autowired SanctionLetters letters;
    @Autowired PlacementRepository placements;
    @Autowired PlacementProviderRepository providers;
    @Autowired IndividualPlanRepository plans;
    @Autowired PlanVersionRepository planVersions;

    static final ObjectMapper JSON = new ObjectMapper();

    JourneyScenario journeys;
    Http http;

    @BeforeEach
    void inNovember2026() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T08:00:00Z")));
        journeys = new JourneyScenario(context);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        journeys.deleteJourneyProcesses(journeys.clients());
    }

    @Test
    void aCoveredClientWhoDeclinesAPlacementGetsAReductionWithItsLetter() throws Exception {
        Client client = journeys.grantedFor(YearMonth.of(2026, 8), YearMonth.of(2026, 10), 9_000);
        Journey journey = journeys.started(client.getId());
        journeys.mapped(journey);
        journeys.planned(journey);
        Matched matched = matchedAndStarted(journey);
        String placementPi = matched.placementPi();

        // The matching gave the plan's praktik its provider, shown in the journey overview.
        var plan = plans.findByJourneyId(journey.getId()).orElseThrow();
        assertThat(planVersions.findByPlanIdOrderByVersionNumber(plan.getId())).singleElement()
                .satisfies(v -> assertThat(v.getActivities()).singleElement().satisfies(a -> {
                    assertThat(a.getPlacementType()).contains(PlacementType.PRAKTIK);
                    assertThat(a.getProviderId()).contains(matched.providerId());
                }));
        JsonNode activity = JSON.readTree(http.get("/api/klientresor/" + journey.getId(), "coach1").body())
                .get("plan").get("activities").get(0);
        assertThat(activity.get("placementType").asText()).isEqualTo("PRAKTIK");
        assertThat(activity.get("hoursPerWeek").asInt()).isEqualTo(35);
        assertThat(activity.get("provider").get("id").asText()).isEqualTo(matched.providerId().toString());
        assertThat(activity.get("provider").get("name").asText()).startsWith("Avböjda praktiken AB");

        // Avbruten without a ground is refused, naming the field; then declined by the client.
        Task end = claimed(placementPi, PlacementProcess.TASK_END);
        HttpResponse<String> noGround = complete(end, "coach1", """
                {"variables": {"utfall": {"value": "AVBRUTEN"}, "avbrottsorsak": {"value": "Vill inte."},
                               "slutdatum": {"value": "2026-11-05"}}}""");
        assertThat(noGround.statusCode()).as(noGround.body()).isEqualTo(400);
        assertThat(noGround.body()).contains(PlacementProcess.INTERRUPTION_GROUND);
        HttpResponse<String> declined = complete(end, "coach1", """
                {"variables": {"utfall": {"value": "AVBRUTEN"}, "avbrottsgrund": {"value": "AVBOJD"},
                               "avbrottsorsak": {"value": "Vill inte arbeta inom äldreomsorgen."},
                               "slutdatum": {"value": "2026-11-05"}}}""");
        assertThat(declined.statusCode()).as(declined.body()).isEqualTo(204);
        executeJob(placementPi, PlacementProcess.TASK_STORE_OUTCOME);
        Placement placement = placements.findByJourneyIdOrderByRequestedOn(journey.getId()).get(0);
        assertThat(placement.getOutcome()).contains(PlacementOutcome.AVBRUTEN);
        assertThat(placement.getInterruptionGround()).contains(InterruptionGround.AVBOJD);
        executeJob(placementPi, PlacementProcess.TASK_REPORT_DECLINED);
        JsonNode ended = JSON.readTree(http.get("/api/klientresor/" + journey.getId(), "coach1").body())
                .get("placements").get(0);
        assertThat(ended.get("outcome").asText()).isEqualTo("AVBRUTEN");
        assertThat(ended.get("interruptionGround").asText()).isEqualTo("AVBOJD");
        assertThat(ended.toString()).doesNotContain("äldreomsorgen");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(placementPi).count()).isZero();

        // The journey proposes the reduction by itself, under the aktivitetskrav, and communicates it.
        journeys.executeJob(journey, JourneyProcess.TASK_PROPOSE_SANCTION);
        Sanction sanction = sanctions.findByJourneyIdOrderByProposedAt(journey.getId()).stream().findFirst()
                .orElseThrow();
        assertThat(sanction.isUnderActivityRequirement()).isTrue();
        assertThat(sanction.getPlacementId()).contains(placement.getId());
        assertThat(sanction.getProposedAmount()).isEqualTo(JourneyProcess.DEFAULT_REDUCTION_FOR_DECLINED_PLACEMENT);
        assertThat(sanction.getAbsenceDescription()).isEqualTo("Klienten avböjde insatsen Praktik (avslutad 2026-11-05).");
        assertThat(sanction.getAbsenceDescription()).doesNotContain("äldreomsorgen");
        assertThat(PdfText.of(letters.find(sanction.getId(), SanctionLetter.Kind.KOMMUNICERING).orElseThrow().getPdf()))
                .contains("Du omfattas av aktivitetskravet.", "avböjde insatsen Praktik");
        HttpResponse<String> answer = http.postJson("/api/sanktioner/" + sanction.getId() + "/klientens-svar",
                "handlaggare1", "{\"response\":\"Jag har inget att tillägga.\"}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        journeys.executeJob(journey, JourneyProcess.TASK_RECORD_CLIENT_RESPONSE);

        // Upheld: December's reduction with its own decision letter.
        Task decide = claimed(journey.getProcessInstanceId(), JourneyProcess.TASK_DECIDE_SANCTION, "handlaggare1");
        HttpResponse<String> upheld = complete(decide, "handlaggare1", """
                {"variables": {"nedsattningBeslut": {"value": "UPHELD"}, "nedsattningBelopp": {"value": 1000},
                               "nedsattningMotivering": {"value": "Du avböjde praktiken utan godtagbart skäl."}}}""");
        assertThat(upheld.statusCode()).as(upheld.body()).isEqualTo(204);
        journeys.executeJob(journey, JourneyProcess.TASK_RECORD_SANCTION_DECISION);
        journeys.executeJob(journey, JourneyProcess.TASK_CREATE_REDUCTION_LETTER);
        Sanction decided = sanctions.findById(sanction.getId()).orElseThrow();
        assertThat(decided.getDecision()).contains(SanctionDecision.UPHELD);
        List<Reduction> december = reductions.findByClientIdAndMonth(client.getId(), "2026-12");
        assertThat(december).singleElement().satisfies(r -> {
            assertThat(r.getAmount()).isEqualTo(1000);
            assertThat(decided.getReductionId()).contains(r.getId());
        });
        assertThat(PdfText.of(letters.find(sanction.getId(), SanctionLetter.Kind.BESLUT).orElseThrow().getPdf()))
                .contains("Beslut: Nedsättning", "Du omfattas av aktivitetskravet.", "avböjde insatsen Praktik",
                        "12 kap. 5 § socialtjänstlagen (2025:400)", "35 kap. 1 § första stycket 2 socialtjänstlagen (2025:400)");
    }

    @Test
    void aClientNotCoveredWhoBreaksOffAPlacementGetsNoProposalByItself() {
        Client client = journeys.grantedFor(YearMonth.of(2026, 10), YearMonth.of(2026, 10), 9_000);
        Journey journey = journeys.started(client.getId());
        journeys.mapped(journey);
        journeys.planned(journey);
        String placementPi = matchedAndStarted(journey).placementPi();

        Task end = claimed(placementPi, PlacementProcess.TASK_END);
        HttpResponse<String> brokenOff = complete(end, "coach1", """
                {"variables": {"utfall": {"value": "AVBRUTEN"}, "avbrottsgrund": {"value": "UTAN_GODTAGBART_SKAL"},
                               "avbrottsorsak": {"value": "Slutade komma."}, "slutdatum": {"value": "2026-11-05"}}}""");
        assertThat(brokenOff.statusCode()).as(brokenOff.body()).isEqualTo(204);
        executeJob(placementPi, PlacementProcess.TASK_STORE_OUTCOME);
        assertThat(placements.findByJourneyIdOrderByRequestedOn(journey.getId()).get(0).getInterruptionGround())
                .contains(InterruptionGround.UTAN_GODTAGBART_SKAL);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(placementPi).count())
                .as("the placement ended without the report step").isZero();
        assertThat(managementService.createJobQuery().processInstanceId(journey.getProcessInstanceId())
                .activityId(JourneyProcess.TASK_PROPOSE_SANCTION).count()).isZero();
        assertThat(sanctions.findByJourneyIdOrderByProposedAt(journey.getId())).isEmpty();
    }

    record Matched(String placementPi, java.util.UUID providerId) {}

    /** The plan's praktik, matched to a provider with a free place and started. */
    private Matched matchedAndStarted(Journey journey) {
        ProcessInstance placementPi = runtimeService.createProcessInstanceQuery()
                .superProcessInstanceId(journey.getProcessInstanceId()).singleResult();
        assertThat(placementPi).isNotNull();
        PlacementProvider provider = providers.saveAndFlush(new PlacementProvider("Avböjda praktiken AB "
                + journey.getId(), PlacementType.PRAKTIK.providerKind(), 3));
        Task match = claimed(placementPi.getId(), PlacementProcess.TASK_MATCH);
        HttpResponse<String> matched = complete(match, "coach1", """
                {"variables": {"anordnareId": {"value": "%s"}, "matchadDatum": {"value": "2026-11-03"},
                               "startdatum": {"value": "2026-11-04"}, "planeratSlutdatum": {"value": "2027-02-04"}}}"""
                .formatted(provider.getId()));
        assertThat(matched.statusCode()).as(matched.body()).isEqualTo(204);
        executeJob(placementPi.getId(), PlacementProcess.TASK_REGISTER_MATCH);
        executeJob(placementPi.getId(), PlacementProcess.TASK_START);
        return new Matched(placementPi.getId(), provider.getId());
    }

    private Task claimed(String pi, String key) {
        return claimed(pi, key, "coach1");
    }

    private Task claimed(String pi, String key, String user) {
        Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key).isNotNull();
        taskService.claim(task.getId(), user);
        return task;
    }

    private void executeJob(String pi, String activityId) {
        var job = managementService.createJobQuery().processInstanceId(pi).activityId(activityId).singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    private HttpResponse<String> complete(Task task, String user, String body) {
        return http.postJson("/engine-rest/task/" + task.getId() + "/complete", user, body);
    }
}
