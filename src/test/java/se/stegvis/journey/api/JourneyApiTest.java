package se.stegvis.journey.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
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
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.journey.domain.SanctionStatus;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.letter.SwedishFormat;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.support.Http;
import se.stegvis.support.PdfText;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * The journey API on the running application and embedded PostgreSQL: start, overview, absence into a sanction with
 * kommunicering, the client's reply, exit; every kind of bad input named, unknown ids 404, wrong group 403, state
 * conflicts 409.
 */
@StegvisSpringTest
class JourneyApiTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JOURNEYS = JourneyController.JOURNEYS;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JourneyRepository journeys;
    @Autowired SanctionRepository sanctions;
    @Autowired JourneyExitRepository exits;
    @Autowired PlacementRepository placements;
    @Autowired ClientRepository clients;

    Http http;
    JourneyScenario scenario;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        scenario = new JourneyScenario(context);
    }

    @AfterEach
    void deleteRunningJourneys() {
        scenario.deleteJourneyProcesses(scenario.clients());
    }

    @Test
    void aCoachStartsAJourneyAndReadsItsOverview() throws Exception {
        Client client = scenario.grantedClient();

        HttpResponse<String> created = http.postJson(JOURNEYS, "coach1", "{\"clientId\":\"" + client.getId() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(JSON.readTree(created.body()).get("id").asText());
        assertThat(created.headers().firstValue("Location")).contains(JOURNEYS + "/" + id);
        Journey journey = journeys.findById(id).orElseThrow();
        assertThat(journey.getStartedBy()).isEqualTo("coach1");
        assertThat(journey.getProcessInstanceId()).isNotNull();

        JsonNode overview = overview(id, "handlaggare1");
        assertThat(overview.get("status").asText()).isEqualTo("AKTIV");
        assertThat(overview.get("phase").asText()).isEqualTo("KARTLAGGNING");
        assertThat(overview.get("plan").isNull()).isTrue();
        assertThat(overview.at("/openTasks/0/name").asText()).isEqualTo("Kartläggning");
        assertThat(overview.toString()).doesNotContain(client.getPersonnummer().value());

        // One active journey per client.
        HttpResponse<String> again = http.postJson(JOURNEYS, "handlaggare1", "{\"clientId\":\"" + client.getId() + "\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertField(again, "clientId");
        assertThat(journeys.findByClientIdOrderByStartedAt(client.getId())).hasSize(1);

        // Mapped and planned: the plan's version and goal, the placement waiting for a provider.
        scenario.mapped(journey);
        assertThat(overview(id, "coach1").get("phase").asText()).isEqualTo("PLANERING");
        scenario.planned(journey);
        overview = overview(id, "teamledare1");
        assertThat(overview.get("phase").asText()).isEqualTo("VANTAR_PA_INSATS");
        assertThat(overview.at("/plan/version").asInt()).isEqualTo(1);
        assertThat(overview.at("/plan/goal").asText()).isEqualTo("ARBETE");
        assertThat(overview.at("/plan/occupation").asText()).isEqualTo("Undersköterska");
        assertThat(overview.at("/plan/interventions/0").asText()).isEqualTo("PRAKTIK");
        assertThat(overview.at("/placements/0/type").asText()).isEqualTo("PRAKTIK");
        assertThat(overview.at("/placements/0/status").asText()).isEqualTo("BEGARD");
        assertThat(overview.get("openTasks").findValuesAsText("name")).contains("Matcha mot arbetsgivare/utbildning");

        HttpResponse<String> list = http.get(JOURNEYS + "?clientId=" + client.getId(), "coach1");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).at("/0/id").asText()).isEqualTo(id.toString());
    }

    @Test
    void absenceBecomesACommunicatedSanctionAndTheClientsReplyReachesIt() throws Exception {
        Journey journey = activeJourney(scenario.grantedClient());
        UUID placementId = placements.findByJourneyIdOrderByRequestedOn(journey.getId()).get(0).getId();

        HttpResponse<String> reported = http.postJson(absence(journey), "coach1", """
                {"placementId":"%s","description":"Uteblev från praktiken 3–7 november utan att höra av sig.",
                 "proposedAmount":1000}""".formatted(placementId));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
        scenario.executeJob(journey, JourneyProcess.TASK_PROPOSE_SANCTION);
        Sanction sanction = sanctions.findByJourneyIdOrderByProposedAt(journey.getId()).get(0);
        assertThat(sanction.getStatus()).isEqualTo(SanctionStatus.KOMMUNICERAD);
        assertThat(sanction.getPlacementId()).contains(placementId);
        assertThat(sanction.getProposedAmount()).isEqualTo(1000);

        JsonNode overview = overview(journey.getId(), "coach1");
        assertThat(overview.at("/openSanctions/0/id").asText()).isEqualTo(sanction.getId().toString());
        assertThat(overview.at("/openSanctions/0/status").asText()).isEqualTo("KOMMUNICERAD");
        assertThat(overview.at("/openSanctions/0/clientResponded").asBoolean()).isFalse();

        String reply = JourneyController.SANCTIONS + "/" + sanction.getId() + "/klientens-svar";
        HttpResponse<String> blank = http.postJson(reply, "handlaggare1", "{\"response\":\"  \"}");
        assertThat(blank.statusCode()).isEqualTo(400);
        assertField(blank, "response");
        assertThat(http.postJson(reply, "handlaggare1", "{\"response\":\"" + "x".repeat(2001) + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(http.postJson(reply, "chef1", "{\"response\":\"Jag var sjuk.\"}").statusCode()).isEqualTo(403);
        assertThat(http.postJson(JourneyController.SANCTIONS + "/" + UUID.randomUUID() + "/klientens-svar", "handlaggare1",
                "{\"response\":\"Jag var sjuk.\"}").statusCode()).isEqualTo(404);

        HttpResponse<String> answered = http.postJson(reply, "handlaggare1", "{\"response\":\"Jag var sjuk, intyg kommer.\"}");
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
        scenario.executeJob(journey, JourneyProcess.TASK_RECORD_CLIENT_RESPONSE);
        assertThat(sanctions.findById(sanction.getId()).orElseThrow().getClientResponse()).contains("Jag var sjuk, intyg kommer.");
        assertThat(overview(journey.getId(), "coach1").at("/openSanctions/0/clientResponded").asBoolean()).isTrue();
        assertThat(overview(journey.getId(), "coach1").get("openTasks").findValuesAsText("name"))
                .contains("Besluta om nedsättning");

        HttpResponse<String> twice = http.postJson(reply, "handlaggare1", "{\"response\":\"Igen.\"}");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertField(twice, "sanctionId");
    }

    @Test
    void theKommuniceringAndTheReductionDecisionAreLettersOfTheirOwn() throws Exception {
        ClockUtil.reset(); // today: a decision under SoL 2025:400
        Journey journey = activeJourney(scenario.grantedClient());
        UUID placementId = placements.findByJourneyIdOrderByRequestedOn(journey.getId()).get(0).getId();
        assertThat(http.postJson(absence(journey), "coach1", """
                {"placementId":"%s","description":"Uteblev från praktiken 3–7 november utan att höra av sig.",
                 "proposedAmount":1000}""".formatted(placementId)).statusCode()).isEqualTo(202);
        scenario.executeJob(journey, JourneyProcess.TASK_PROPOSE_SANCTION);
        Sanction sanction = sanctions.findByJourneyIdOrderByProposedAt(journey.getId()).get(0);
        String kommunicering = JourneyController.SANCTIONS + "/" + sanction.getId() + "/kommunicering";
        String brev = JourneyController.SANCTIONS + "/" + sanction.getId() + "/brev";

        // The kommunicering went out with the proposal: the amount, the day to answer by, the right to answer orally.
        HttpResponse<byte[]> communicated = pdf(kommunicering, "handlaggare1");
        assertThat(communicated.statusCode()).isEqualTo(200);
        assertThat(communicated.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(PdfText.of(communicated.body())).contains(
                "Vi överväger att sätta ned ditt försörjningsstöd med 1 000 kr.",
                "Uteblev från praktiken 3–7 november utan att höra av sig.",
                "Svara senast den " + SwedishFormat.date(sanction.getResponseDue().orElseThrow()).replace('\u00A0', ' '),
                "muntligt (14 kap. 8 § socialtjänstlagen (2025:400))", "Din kontaktperson är Cecilia Coach");
        assertThat(overview(journey.getId(), "coach1").at("/openSanctions/0/communicationLetter").asText())
                .isEqualTo(kommunicering);
        // Not decided yet: no decision letter.
        assertThat(http.get(brev, "handlaggare1").statusCode()).isEqualTo(404);
        assertThat(overview(journey.getId(), "coach1").at("/openSanctions/0/decisionLetter").isNull()).isTrue();

        assertThat(http.postJson(JourneyController.SANCTIONS + "/" + sanction.getId() + "/klientens-svar",
                "handlaggare1", "{\"response\":\"Jag glömde.\"}").statusCode()).isEqualTo(202);
        scenario.executeJob(journey, JourneyProcess.TASK_RECORD_CLIENT_RESPONSE);
        decideAs("handlaggare1", journey, Map.of(JourneyProcess.SANCTION_DECISION, "UPHELD",
                JourneyProcess.SANCTION_AMOUNT, 800L,
                JourneyProcess.SANCTION_REASONS, "Frånvaron saknar godtagbart skäl: du glömde att höra av dig."));
        scenario.executeJob(journey, JourneyProcess.TASK_RECORD_SANCTION_DECISION);
        assertThat(http.get(brev, "handlaggare1").statusCode()).as("before the letter's own job").isEqualTo(404);
        scenario.executeJob(journey, JourneyProcess.TASK_CREATE_REDUCTION_LETTER);

        HttpResponse<byte[]> decided = pdf(brev, "handlaggare1");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(decided.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"nedsattning-" + sanction.getId() + ".pdf\"");
        JsonNode overview = overview(journey.getId(), "coach1");
        YearMonth month = YearMonth.parse(overview.at("/decidedSanctions/0/reductionMonth").asText());
        assertThat(PdfText.of(decided.body())).contains("Beslut: Nedsättning",
                "Ditt försörjningsstöd för " + SwedishFormat.month(month) + " sätts ned med 800 kr.",
                "Frånvaron saknar godtagbart skäl: du glömde att höra av dig.",
                "Uteblev från praktiken 3–7 november", "12 kap. 5 § socialtjänstlagen (2025:400)",
                "Så överklagar du beslutet", "(35 kap. 1 § första stycket 2", "Hanna Handläggare");
        assertThat(overview.at("/decidedSanctions/0/decisionLetter").asText()).isEqualTo(brev);

        // The same rules as the decision letter of an application.
        assertThat(pdf(brev, "teamledare1").statusCode()).isEqualTo(200);
        assertThat(pdf(brev, "coach1").statusCode()).isEqualTo(403);
        assertThat(pdf(brev, "chef1").statusCode()).isEqualTo(403);
        assertThat(pdf(brev, "etjanst").statusCode()).isEqualTo(403);
        assertThat(pdf(brev, null).statusCode()).isEqualTo(401);
        assertThat(pdf(kommunicering, "coach1").statusCode()).isEqualTo(403);
        assertThat(http.get(JourneyController.SANCTIONS + "/" + UUID.randomUUID() + "/brev", "handlaggare1").statusCode())
                .isEqualTo(404);
        assertThat(http.get(JourneyController.SANCTIONS + "/inte-ett-id/brev", "handlaggare1").statusCode())
                .isEqualTo(404);
        Client client = clients.findById(journey.getClientId()).orElseThrow();
        client.setProtectedIdentity(true);
        clients.saveAndFlush(client);
        HttpResponse<String> hidden = http.get(brev, "handlaggare1");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(hidden.body()).contains("Sanktionen finns inte.");
        assertThat(http.get(kommunicering, "teamledare1").statusCode()).isEqualTo(404);
    }

    @Test
    void theCoachSeesWhenTheRightToSfiEndsAndRecordsTheHuvudmansExtension() throws Exception {
        Journey journey = activeJourney(scenario.grantedClient());
        String extend = JOURNEYS + "/" + journey.getId() + "/sfi-forlangning";
        assertThat(overview(journey.getId(), "coach1").get("sfiRight").isNull()).isTrue();
        HttpResponse<String> noAdmission = http.postJson(extend, "coach1", "{\"extendedUntil\":\"2029-06-01\"}");
        assertThat(noAdmission.statusCode()).as(noAdmission.body()).isEqualTo(409);
        assertField(noAdmission, "extendedUntil");

        // An SFI placement whose matching recorded the first admission (in 2024: the right counts from 2026-01-01).
        Placement sfi = new Placement(journey.getId(), PlacementType.SFI, LocalDate.of(2026, 10, 20));
        sfi.recordSfiFirstAdmission(LocalDate.of(2024, 8, 20));
        placements.saveAndFlush(sfi);
        JsonNode right = overview(journey.getId(), "coach1").get("sfiRight");
        assertThat(right.get("firstAdmission").asText()).isEqualTo("2024-08-20");
        assertThat(right.get("countedFrom").asText()).isEqualTo("2026-01-01");
        assertThat(right.get("rightEnds").asText()).isEqualTo("2029-01-01");
        assertThat(right.get("active").asBoolean()).isTrue();
        assertThat(right.get("nextExtensionLimit").asText()).isEqualTo("2029-07-01");
        assertThat(right.get("latestPossibleEnd").asText()).isEqualTo("2032-01-01");
        assertThat(right.get("followUpOn").asText()).isEqualTo("2028-10-01");
        JsonNode sfiPlacement = null;
        for (JsonNode p : overview(journey.getId(), "handlaggare1").get("placements")) {
            if (p.get("id").asText().equals(sfi.getId().toString())) {
                sfiPlacement = p;
            }
        }
        assertThat(sfiPlacement).as("the SFI placement in the overview").isNotNull();
        assertThat(sfiPlacement.get("sfiFirstAdmission").asText()).isEqualTo("2024-08-20");

        // Refusals name the field and record nothing.
        assertBad(http.postJson(extend, "coach1", "{}"), "extendedUntil");
        assertBad(http.postJson(extend, "coach1", "{\"extendedUntil\":\"1 juli 2029\"}"), "extendedUntil");
        HttpResponse<String> tooFar = http.postJson(extend, "coach1", "{\"extendedUntil\":\"2029-07-02\"}");
        assertBad(tooFar, "extendedUntil");
        assertThat(tooFar.body()).contains("högst sex månader i taget");
        HttpResponse<String> tooEarly = http.postJson(extend, "coach1", "{\"extendedUntil\":\"2028-12-31\"}");
        assertBad(tooEarly, "extendedUntil");
        assertThat(tooEarly.body()).contains("ska sluta efter");
        assertThat(http.postJson(extend, "chef1", "{\"extendedUntil\":\"2029-07-01\"}").statusCode()).isEqualTo(403);
        assertThat(http.postJson(extend, "handlaggare1", "{\"extendedUntil\":\"2029-07-01\"}").statusCode()).isEqualTo(403);
        assertThat(overview(journey.getId(), "coach1").at("/sfiRight/extensions").size()).isZero();

        HttpResponse<String> extended = http.postJson(extend, "coach1", "{\"extendedUntil\":\"2029-07-01\"}");
        assertThat(extended.statusCode()).as(extended.body()).isEqualTo(200);
        assertThat(JSON.readTree(extended.body()).get("rightEnds").asText()).isEqualTo("2029-07-01");
        assertThat(JSON.readTree(extended.body()).get("nextExtensionLimit").asText()).isEqualTo("2030-01-01");
        // The same extension again (a retried call) changes nothing.
        assertThat(http.postJson(extend, "coach1", "{\"extendedUntil\":\"2029-07-01\"}").statusCode()).isEqualTo(200);
        right = overview(journey.getId(), "coach1").get("sfiRight");
        assertThat(right.get("extensions").size()).isEqualTo(1);
        assertThat(right.get("rightEnds").asText()).isEqualTo("2029-07-01");
        assertThat(right.get("followUpOn").asText()).isEqualTo("2029-04-01");
    }

    @Test
    void aPlanWithSfiAfterTheRightEndedIsRefusedInTasklistAnd400OverTheEngineApi() throws Exception {
        Journey journey = scenario.started(scenario.grantedClient().getId());
        // An earlier SFI placement recorded the first admission before the plan task is created.
        Placement earlier = new Placement(journey.getId(), PlacementType.SFI, LocalDate.of(2026, 10, 1));
        earlier.recordSfiFirstAdmission(LocalDate.of(2024, 8, 20));
        placements.saveAndFlush(earlier);
        scenario.mapped(journey);
        TaskService tasks = context.getBean(TaskService.class);
        Task plan = tasks.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(JourneyProcess.TASK_PLAN).singleResult();
        assertThat(tasks.getVariableLocal(plan.getId(), "sfiRatt").toString())
                .startsWith("Rätten till SFI gäller till och med 2029-01-01");
        String body = """
                {"variables": {
                  "planMal": {"value": "ARBETE"},
                  "valdaInsatser": {"value": "[\\"SFI\\"]", "type": "Json"},
                  "genomforande": {"value": "I_FOLJD"},
                  "overenskommenMedKlient": {"value": true}}}""";
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2029-01-02T09:00:00Z")));
        try {
            HttpResponse<String> refused = http.postJson("/engine-rest/task/" + plan.getId() + "/complete", "coach1", body);
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains("upphörde 2029-01-01", "Valda insatser", "valdaInsatser");
        } finally {
            ClockUtil.reset();
        }
        assertThat(tasks.createTaskQuery().taskId(plan.getId()).count()).as("the plan task stays open").isEqualTo(1);
        // Today the right holds: the same plan goes through.
        HttpResponse<String> done = http.postJson("/engine-rest/task/" + plan.getId() + "/complete", "coach1", body);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    @Test
    void badAbsenceReportsAreNamedAndSendNothing() throws Exception {
        Journey journey = activeJourney(scenario.grantedClient());
        Journey other = scenario.started(scenario.grantedClient().getId());
        scenario.mapped(other);
        scenario.planned(other);
        UUID otherPlacement = placements.findByJourneyIdOrderByRequestedOn(other.getId()).get(0).getId();
        String path = absence(journey);

        assertBad(http.postJson(path, "coach1", "{\"description\":\" \",\"proposedAmount\":500}"), "description");
        assertBad(http.postJson(path, "coach1", "{\"proposedAmount\":500}"), "description");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"" + "x".repeat(1001) + "\",\"proposedAmount\":500}"),
                "description");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\"}"), "proposedAmount");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":0}"), "proposedAmount");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":-200}"), "proposedAmount");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":99.5}"), "proposedAmount");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":\"mycket\"}"), "proposedAmount");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":500,\"placementId\":\"x\"}"),
                "placementId");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":500,\"placementId\":\""
                + otherPlacement + "\"}"), "placementId");
        assertBad(http.postJson(path, "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":500,\"datum\":\"igår\"}"),
                "datum");
        assertBad(http.postJson(path, "coach1", "{\"description\":"), null);

        String ok = "{\"description\":\"Uteblev.\",\"proposedAmount\":500}";
        assertThat(http.postJson(path, "handlaggare1", ok).statusCode()).as("caseworkers decide, coaches report").isEqualTo(403);
        assertThat(http.postJson(path, "etjanst", ok).statusCode()).isEqualTo(403);
        assertThat(http.postJson(path, null, ok).statusCode()).isEqualTo(401);
        assertThat(http.postJson(JOURNEYS + "/" + UUID.randomUUID() + "/franvaro", "coach1", ok).statusCode()).isEqualTo(404);
        assertThat(http.postJson(JOURNEYS + "/inte-ett-id/franvaro", "coach1", ok).statusCode()).isEqualTo(404);
        assertThat(sanctions.findByJourneyIdOrderByProposedAt(journey.getId())).isEmpty();
        assertThat(context.getBean(org.camunda.bpm.engine.ManagementService.class).createJobQuery()
                .processInstanceId(journey.getProcessInstanceId()).activityId(JourneyProcess.TASK_PROPOSE_SANCTION).count())
                .isZero();
    }

    @Test
    void absenceIsRefusedWhileTheJourneyIsMappedOrTheClientWasNeverGranted() {
        Journey mapping = scenario.started(scenario.grantedClient().getId());
        HttpResponse<String> early = http.postJson(absence(mapping), "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":500}");
        assertThat(early.statusCode()).isEqualTo(409);
        assertField(early, "journeyId");

        Journey firstTime = activeJourney(scenario.neverGrantedClient());
        HttpResponse<String> notGranted = http.postJson(absence(firstTime), "coach1",
                "{\"description\":\"Uteblev.\",\"proposedAmount\":500}");
        assertThat(notGranted.statusCode()).isEqualTo(409);
        assertThat(notGranted.body()).contains("redan får försörjningsstöd");
        assertThat(sanctions.findByJourneyIdOrderByProposedAt(firstTime.getId())).isEmpty();
    }

    @Test
    void exitByRequestEndsTheJourneyAndBadExitsAreNamed() throws Exception {
        Client client = scenario.grantedClient();
        Journey journey = activeJourney(client);
        String path = JOURNEYS + "/" + journey.getId() + "/avslut";
        LocalDate today = LocalDate.now(se.stegvis.config.TimeConfig.SWEDEN);

        assertBad(http.postJson(path, "coach1", "{\"date\":\"" + today + "\"}"), "reason");
        HttpResponse<String> unknownReason = http.postJson(path, "coach1", "{\"reason\":\"SEMESTER\",\"date\":\"" + today + "\"}");
        assertBad(unknownReason, "reason");
        assertThat(unknownReason.body()).contains("ARBETE", "STUDIER");
        assertBad(http.postJson(path, "coach1", "{\"reason\":\"ARBETE\"}"), "date");
        assertBad(http.postJson(path, "coach1", "{\"reason\":\"ARBETE\",\"date\":\"2025-02-30\"}"), "date");
        assertBad(http.postJson(path, "coach1", "{\"reason\":\"ARBETE\",\"date\":\"1/12 2025\"}"), "date");
        assertBad(http.postJson(path, "coach1", "{\"reason\":\"ARBETE\",\"date\":\"" + today.plusDays(1) + "\"}"), "date");
        assertBad(http.postJson(path, "coach1", "{\"reason\":\"ARBETE\",\"date\":\"2000-01-01\"}"), "date");
        assertBad(http.postJson(path, "coach1", "{\"reason\":\"ARBETE\",\"date\":\"" + today + "\",\"note\":\""
                + "x".repeat(1001) + "\"}"), "note");
        String ok = "{\"reason\":\"ARBETE\",\"date\":\"" + today + "\",\"note\":\"Anställd som undersköterska.\"}";
        assertThat(http.postJson(path, "handlaggare1", ok).statusCode()).isEqualTo(403);
        assertThat(http.postJson(path, "chef1", ok).statusCode()).isEqualTo(403);
        assertThat(http.postJson(JOURNEYS + "/" + UUID.randomUUID() + "/avslut", "coach1", ok).statusCode()).isEqualTo(404);
        assertThat(exits.findByJourneyId(journey.getId())).isEmpty();

        HttpResponse<String> exited = http.postJson(path, "coach1", ok);
        assertThat(exited.statusCode()).as(exited.body()).isEqualTo(202);
        scenario.executeJob(journey, JourneyProcess.TASK_RECORD_EXIT);
        var exit = exits.findByJourneyId(journey.getId()).orElseThrow();
        assertThat(exit.getReason()).isEqualTo(ExitReason.ARBETE);
        assertThat(exit.getExitDate()).isEqualTo(today);
        assertThat(exit.getRegisteredBy()).isEqualTo("coach1");
        assertThat(journeys.findById(journey.getId()).orElseThrow().getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);

        JsonNode overview = overview(journey.getId(), "coach1");
        assertThat(overview.get("phase").asText()).isEqualTo("AVSLUTAD");
        assertThat(overview.at("/exit/reason").asText()).isEqualTo("ARBETE");
        assertThat(overview.at("/exit/followUpDue").asText()).isEqualTo(today.plusMonths(6).toString());

        // Ended: no second exit, no absence; a new journey may start.
        assertThat(http.postJson(path, "coach1", ok).statusCode()).isEqualTo(409);
        assertThat(http.postJson(absence(journey), "coach1", "{\"description\":\"Uteblev.\",\"proposedAmount\":500}")
                .statusCode()).isEqualTo(409);
        assertThat(http.postJson(JOURNEYS, "coach1", "{\"clientId\":\"" + client.getId() + "\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void anExitDuringTheMappingEndsTheJourneyAndASecondRequestIsRefused() {
        Journey journey = scenario.started(scenario.grantedClient().getId());
        String path = JOURNEYS + "/" + journey.getId() + "/avslut";
        String moved = "{\"reason\":\"FLYTTAT\",\"date\":\"" + LocalDate.now(se.stegvis.config.TimeConfig.SWEDEN) + "\"}";
        HttpResponse<String> exited = http.postJson(path, "coach1", moved);
        assertThat(exited.statusCode()).as(exited.body()).isEqualTo(202);
        var runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        assertThat(runtime.getActiveActivityIds(journey.getProcessInstanceId()))
                .containsExactly(JourneyProcess.TASK_RECORD_EXIT);
        assertThat(context.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
                .processInstanceId(journey.getProcessInstanceId()).count()).as("Kartläggning is gone").isZero();

        // The exit is on its way (not yet recorded): a second request is a conflict, not a second exit.
        HttpResponse<String> again = http.postJson(path, "coach1", moved);
        assertThat(again.statusCode()).isEqualTo(409);
        assertField(again, "journeyId");

        scenario.executeJob(journey, JourneyProcess.TASK_RECORD_EXIT);
        var exit = exits.findByJourneyId(journey.getId()).orElseThrow();
        assertThat(exit.getReason()).isEqualTo(ExitReason.FLYTTAT);
        assertThat(journeys.findById(journey.getId()).orElseThrow().getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);
        assertThat(runtime.getActiveActivityIds(journey.getProcessInstanceId()))
                .containsExactly(JourneyProcess.CATCH_SIX_MONTHS_AFTER_EXIT);
        assertThat(http.postJson(path, "coach1", moved).statusCode()).isEqualTo(409);
    }

    @Test
    void anExitWhileThePlanIsWrittenEndsTheJourney() {
        Journey journey = scenario.started(scenario.grantedClient().getId());
        scenario.mapped(journey);
        assertThat(context.getBean(org.camunda.bpm.engine.TaskService.class).createTaskQuery()
                .processInstanceId(journey.getProcessInstanceId()).taskDefinitionKey(JourneyProcess.TASK_PLAN).count())
                .isEqualTo(1);
        HttpResponse<String> exited = http.postJson(JOURNEYS + "/" + journey.getId() + "/avslut", "coach1",
                "{\"reason\":\"ARBETE\",\"date\":\"" + LocalDate.now(se.stegvis.config.TimeConfig.SWEDEN) + "\"}");
        assertThat(exited.statusCode()).as(exited.body()).isEqualTo(202);
        scenario.executeJob(journey, JourneyProcess.TASK_RECORD_EXIT);
        assertThat(exits.findByJourneyId(journey.getId()).orElseThrow().getReason()).isEqualTo(ExitReason.ARBETE);
        assertThat(journeys.findById(journey.getId()).orElseThrow().getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);
    }

    @Test
    void startAndReadRefuseBadIdsUnknownClientsAndOtherGroups() {
        assertBad(http.postJson(JOURNEYS, "coach1", "{}"), "clientId");
        assertBad(http.postJson(JOURNEYS, "coach1", "{\"clientId\":\"123\"}"), "clientId");
        assertBad(http.postJson(JOURNEYS, "coach1", "{\"clientId\":42}"), "clientId");
        assertBad(http.get(JOURNEYS, "coach1"), "clientId");
        assertBad(http.get(JOURNEYS + "?clientId=nej", "coach1"), "clientId");
        assertThat(http.postJson(JOURNEYS, "coach1", "{\"clientId\":\"" + UUID.randomUUID() + "\"}").statusCode()).isEqualTo(404);
        assertThat(http.get(JOURNEYS + "/" + UUID.randomUUID(), "coach1").statusCode()).isEqualTo(404);

        Client client = scenario.grantedClient();
        String body = "{\"clientId\":\"" + client.getId() + "\"}";
        assertThat(http.postJson(JOURNEYS, "etjanst", body).statusCode()).isEqualTo(403);
        assertThat(http.postJson(JOURNEYS, "chef1", body).statusCode()).isEqualTo(403);
        assertThat(http.postJson(JOURNEYS, null, body).statusCode()).isEqualTo(401);
        assertThat(journeys.findByClientIdOrderByStartedAt(client.getId())).isEmpty();
        Journey journey = scenario.started(client.getId());
        assertThat(http.get(JOURNEYS + "/" + journey.getId(), "chef1").statusCode()).isEqualTo(403);
        assertThat(http.get(JOURNEYS + "/" + journey.getId(), "etjanst").statusCode()).isEqualTo(403);
    }

    @Test
    void aClientWithProtectedIdentityIsOnlyVisibleToTheDesignatedGroup() {
        Client client = scenario.grantedClient();
        client.setProtectedIdentity(true);
        clients.saveAndFlush(client);
        String body = "{\"clientId\":\"" + client.getId() + "\"}";
        assertThat(http.postJson(JOURNEYS, "coach1", body).statusCode()).isEqualTo(404);
        Journey journey = scenario.started(client.getId());
        assertThat(http.get(JOURNEYS + "/" + journey.getId(), "coach1").statusCode()).isEqualTo(404);
        assertThat(http.get(JOURNEYS + "?clientId=" + client.getId(), "handlaggare1").statusCode()).isEqualTo(404);
    }

    /** Completes "Besluta om nedsättning" as Tasklist does it for this user. */
    private void decideAs(String user, Journey journey, Map<String, Object> vars) {
        TaskService tasks = context.getBean(TaskService.class);
        IdentityService identity = context.getBean(IdentityService.class);
        Task task = tasks.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(JourneyProcess.TASK_DECIDE_SANCTION).singleResult();
        assertThat(task).as("Besluta om nedsättning").isNotNull();
        identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            tasks.complete(task.getId(), vars);
        } finally {
            identity.clearAuthentication();
        }
    }

    private HttpResponse<byte[]> pdf(String path, String user) throws Exception {
        return HttpClient.newHttpClient().send(http.request(path, user).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private Journey activeJourney(Client client) {
        Journey journey = scenario.started(client.getId());
        scenario.mapped(journey);
        scenario.planned(journey);
        return journeys.findById(journey.getId()).orElseThrow();
    }

    private static String absence(Journey journey) {
        return JOURNEYS + "/" + journey.getId() + "/franvaro";
    }

    private JsonNode overview(UUID id, String user) throws Exception {
        HttpResponse<String> response = http.get(JOURNEYS + "/" + id, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void assertBad(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        if (field != null) {
            assertField(response, field);
        }
    }

    private static void assertField(HttpResponse<String> response, String field) {
        try {
            assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).as(response.body()).isEqualTo(field);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
