package se.stegvis.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.norm.domain.AssistanceForm;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.Http;
import se.stegvis.support.PdfText;
import se.stegvis.support.RiksnormDeployments;
import se.stegvis.support.StegvisSpringTest;

/**
 * Issue 10 point 4, the rules of 2027-01-01 as an application meets them, on a real PostgreSQL through the REST APIs,
 * with a <b>test-only</b> 2027 riksnorm (2026's amounts copied as 2027, deployed as a process owner deploys it): lawful
 * residence NEJ goes to a decision on nödbistånd with its own letter text, a second-hand let without consent gets no
 * housing cost with a line saying why, and a supplement to the norm items is refused with 400 naming the field at the
 * application API and the trial calculation.
 */
@StegvisSpringTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Rules2027IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ApplicationRepository applications;

    Http http;
    ApplicationScenario scenario;
    RiksnormDeployments riksnorm;

    @BeforeAll
    void aTestOnlyRiksnormFor2027() {
        riksnorm = new RiksnormDeployments(port);
        riksnorm.deploy("riksnorm-testtabell-2027",
                RiksnormDeployments.withYearCopied(RiksnormDeployments.production(), 2026, 2027));
    }

    @AfterAll
    void theRealTableAgain() {
        riksnorm.restoreProduction();
    }

    @BeforeEach
    void inDecember2026() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-10T08:00:00Z")));
        http = new Http(port);
        scenario = new ApplicationScenario(context, port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void notLawfullyResidentIn2027IsDecidedOnEmergencyAidWithItsOwnLetter() throws Exception {
        UUID id = submit(20270101, "2027-01", "\"lawfulResidence\":\"NEJ\"");
        String pi = processOf(id);
        scenario.runIncomeCheck(pi);

        assertThat(applications.findById(id).orElseThrow().getAssistanceForm()).isEqualTo(AssistanceForm.NODBISTAND);
        assertThat(runtimeService.getVariable(pi, ASSISTANCE_FORM)).isEqualTo("NODBISTAND");
        // No calculation by the riksnorm: the way goes through the preparation of a nödbistånd decision.
        assertThat(jobAt(pi, TASK_CALCULATE)).isFalse();
        scenario.executeJob(pi, TASK_PREPARE_EMERGENCY_AID);
        Task investigate = scenario.task(pi, TASK_INVESTIGATE);

        JsonNode view = view(id);
        assertThat(view.get("assistanceForm").asText()).isEqualTo("NODBISTAND");
        assertThat(view.get("status").asText()).isEqualTo("UTREDNING");
        assertThat(view.get("calculation")).hasSize(1);
        assertThat(view.get("calculation").get(0).get("description").asText()).startsWith("Endast nödbistånd");
        assertThat(view.get("calculation").get(0).get("amount").asLong()).isZero();
        assertThat(view.get("calculation").get(0).get("rule").asText()).contains("laglig-vistelse");
        assertThat(runtimeService.getVariable(pi, BASIS_TEXT).toString()).contains("Endast nödbistånd");

        // The caseworker cannot grant in full; the acute need is granted as delvis bifall, attested, decided.
        taskService.claim(investigate.getId(), "handlaggare1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario.as("handlaggare1", () ->
                        taskService.complete(investigate.getId(), Variables.createVariables()
                                .putValue(PROPOSED_DECISION, "BIFALL"))))
                .hasMessageContaining("endast nödbistånd");
        scenario.as("handlaggare1", () -> taskService.complete(investigate.getId(), Variables.createVariables()
                .putValue(PROPOSED_DECISION, "DELVIS_BIFALL").putValue(GRANTED_AMOUNT, 1_200L)
                .putValue(REASONS, "Akut behov av mat och hygienartiklar under en vecka.")));
        Task attest = scenario.task(pi, TASK_ATTEST);
        taskService.claim(attest.getId(), "teamledare1");
        scenario.as("teamledare1", () -> taskService.complete(attest.getId(),
                Variables.createVariables().putValue(APPROVAL, APPROVAL_APPROVED)));
        scenario.executeJob(pi, TASK_REGISTER_DECISION);
        scenario.executeJob(pi, TASK_CREATE_LETTER);

        String decisionId = runtimeService.getVariable(pi, DECISION_ID).toString();
        HttpResponse<byte[]> letter = HttpClient.newHttpClient().send(
                http.request("/api/beslut/" + decisionId + "/brev", "handlaggare1").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(letter.statusCode()).isEqualTo(200);
        String text = PdfText.of(letter.body()).replace('\u00A0', ' ').replaceAll("\\s+", " ");
        assertThat(text).contains("Beslut: Delvis bifall", "Du beviljas nödbistånd för januari 2027 med 1 200 kr",
                "Nödbistånd i stället för försörjningsstöd", "inte vistas lagligt i Sverige",
                "prop. 2025/26:201", "Akut behov av mat och hygienartiklar", "Så överklagar du beslutet");
        assertThat(text).doesNotContain("Så har vi räknat", "Summa riksnorm");
    }

    @Test
    void residenceNotKnownIn2027IsCalculatedWithAWarningToInvestigateIt() throws Exception {
        UUID id = submit(20270102, "2027-01", "\"lawfulResidence\":\"EJ_KANT\"");
        String pi = processOf(id);
        scenario.runIncomeCheck(pi);
        scenario.task(pi, TASK_INVESTIGATE);

        JsonNode view = view(id);
        assertThat(view.get("assistanceForm").asText()).isEqualTo("UTRED");
        assertThat(view.get("warnings").findValuesAsText("code")).contains("VISTELSE_EJ_UTREDD");
        assertThat(runtimeService.getVariable(pi, HAS_WARNINGS)).isEqualTo(true);
        assertThat(runtimeService.getVariable(pi, BASIS_TEXT).toString())
                .contains("[ATT KVITTERA] Laglig vistelse i Sverige är inte utredd");
        // The ordinary calculation, with the test-only 2027 table.
        assertThat(view.get("calculation").findValuesAsText("description")).contains("Ensamstående vuxen");

        // The caseworker finds the applicant not lawfully resident: from now on nödbistånd only, recorded in the
        // application, not in the process.
        Task investigate = scenario.task(pi, TASK_INVESTIGATE);
        taskService.claim(investigate.getId(), "handlaggare1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario.as("handlaggare1", () ->
                        taskService.complete(investigate.getId(), Variables.createVariables()
                                .putValue(WARNINGS_ACKNOWLEDGED, true).putValue(RESIDENCE_INVESTIGATED, "NEJ")
                                .putValue(PROPOSED_DECISION, "BIFALL"))))
                .hasMessageContaining("endast nödbistånd");
        assertThat(applications.findById(id).orElseThrow().getAssistanceForm()).isEqualTo(AssistanceForm.UTRED);
        scenario.as("handlaggare1", () -> taskService.complete(investigate.getId(), Variables.createVariables()
                .putValue(WARNINGS_ACKNOWLEDGED, true).putValue(RESIDENCE_INVESTIGATED, "NEJ")
                .putValue(PROPOSED_DECISION, "DELVIS_BIFALL").putValue(GRANTED_AMOUNT, 900L)
                .putValue(REASONS, "Akut behov av mat under fyra dagar.")));
        var investigated = applications.findById(id).orElseThrow();
        assertThat(investigated.getAssistanceForm()).isEqualTo(AssistanceForm.NODBISTAND);
        assertThat(investigated.lawfulResidence()).isEqualTo(se.stegvis.norm.domain.LawfulResidence.NEJ);
        assertThat(runtimeService.getVariables(pi)).doesNotContainKey(RESIDENCE_INVESTIGATED);
        assertThat(context.getBean(org.camunda.bpm.engine.HistoryService.class).createHistoricVariableInstanceQuery()
                .processInstanceId(pi).variableName(RESIDENCE_INVESTIGATED).count()).isZero();
        scenario.task(pi, TASK_ATTEST);
    }

    @Test
    void aSecondHandLetWithoutConsentIn2027GetsNoHousingCostWithALineSayingWhy() throws Exception {
        UUID without = submit(20270103, "2027-01", "\"lawfulResidence\":\"JA\",\"secondHandLet\":true,"
                + "\"secondHandLetConsent\":false");
        UUID with = submit(20270104, "2027-01", "\"lawfulResidence\":\"JA\",\"secondHandLet\":true,"
                + "\"secondHandLetConsent\":true");
        UUID december = submit(20270105, "2026-12", "\"secondHandLet\":true,\"secondHandLetConsent\":false");
        for (UUID id : List.of(without, with, december)) {
            String pi = processOf(id);
            scenario.runIncomeCheck(pi);
            scenario.task(pi, TASK_INVESTIGATE);
        }

        List<JsonNode> costs = costLines(view(without));
        assertThat(costs).hasSize(1);
        assertThat(costs.get(0).get("amount").asLong()).isZero();
        assertThat(costs.get(0).get("description").asText()).contains("6500 kr", "godtas inte",
                "i andra hand utan samtycke");
        assertThat(costs.get(0).get("rule").asText()).contains("andrahandsuthyrning");
        // With consent, and before 2027 without it, the rent counts as before.
        assertThat(costLines(view(with))).extracting(line -> line.get("amount").asLong()).containsExactly(6_500L);
        assertThat(costLines(view(december))).extracting(line -> line.get("amount").asLong()).containsExactly(6_500L);
        long withoutAssistance = applications.findById(without).orElseThrow().getCalculatedAmount();
        long withAssistance = applications.findById(with).orElseThrow().getCalculatedAmount();
        assertThat(withAssistance - withoutAssistance).isEqualTo(6_500L);
    }

    @Test
    void aSupplementToTheNormItemsFrom2027IsRefusedAtTheApisNamingTheField() throws Exception {
        String supplement = "\"kind\":\"TILLAGGSANSOKAN\",\"extraNeed\":{\"description\":\"Fördyrad kost\","
                + "\"amount\":600,\"kind\":\"NORM_SUPPLEMENT\"}";
        var refused = post(20270106, "2027-01", supplement);
        assertField(refused, "extraNeed.kind", "riksnormen ett tak");
        // Costs of living beyond the norm stay allowed in 2027, and the supplement is allowed before it.
        assertThat(post(20270107, "2027-01", supplement.replace("NORM_SUPPLEMENT", "OTHER_LIVING_COSTS"))
                .statusCode()).isEqualTo(201);
        assertThat(post(20270108, "2026-12", supplement).statusCode()).isEqualTo(201);

        // The trial calculation: 400 naming normSupplement for 2027, a line of its own for 2026.
        assertField(http.postJson("/api/provberakning", null,
                "{\"year\":2027,\"adults\":1,\"normSupplement\":600}"), "normSupplement", "riksnormen ett tak");
        var allowed = http.postJson("/api/provberakning", null, "{\"year\":2026,\"adults\":1,\"normSupplement\":600}");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(allowed.body());
        assertThat(answer.get("normSupplement").asLong()).isEqualTo(600);
        assertThat(answer.get("assistance").asLong()).isEqualTo(answer.get("norm").asLong() + 600);
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndTheNextMonthIsPrefilledWithThem() throws Exception {
        assertField(post(20270109, "2027-01", "\"lawfulResidence\":\"KANSKE\""), "lawfulResidence", "JA, NEJ, EJ_KANT");
        assertField(post(20270110, "2027-01", "\"secondHandLet\":\"ja\""), "secondHandLet", "true eller false");
        assertField(post(20270111, "2027-01", "\"secondHandLet\":true"), "secondHandLetConsent", "samtyckt");
        assertField(post(20270112, "2027-01", "\"secondHandLetConsent\":true"), "secondHandLetConsent",
                "bara när bostaden hyrs i andra hand");

        String personnummer = personnummer(20270113);
        var first = http.postJson("/api/ansokningar", "etjanst", body(personnummer, "2026-12",
                "\"lawfulResidence\":\"JA\",\"secondHandLet\":true,\"secondHandLetConsent\":false"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var prefilled = http.postJson("/api/ansokningar/forifylld", "etjanst",
                "{\"personnummer\":\"" + personnummer + "\"}");
        assertThat(prefilled.statusCode()).as(prefilled.body()).isEqualTo(200);
        assertThat(prefilled.body()).contains("\"month\":\"2027-01\"", "\"lawfulResidence\":\"JA\"",
                "\"secondHandLet\":true", "\"secondHandLetConsent\":false");
        var next = http.postJson("/api/ansokningar", "etjanst", prefilled.body());
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        var stored = applications.findById(idOf(next)).orElseThrow();
        assertThat(stored.lawfulResidence()).isEqualTo(se.stegvis.norm.domain.LawfulResidence.JA);
        assertThat(stored.housingTerms()).isEqualTo(new se.stegvis.norm.domain.HousingTerms(true, false));
    }

    // --- steps ---

    private UUID submit(long seed, String month, String extra) {
        var created = post(seed, month, extra);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return idOf(created);
    }

    private HttpResponse<String> post(long seed, String month, String extra) {
        return http.postJson("/api/ansokningar", "etjanst", body(personnummer(seed), month, extra));
    }

    /** A single adult, rent 6 500, child benefit none; {@code extra} adds or overrides fields. */
    private static String body(String personnummer, String month, String extra) {
        String kind = extra.contains("\"kind\":\"TILLAGGSANSOKAN\"") ? "" : "\"kind\":\"NYANSOKAN\",";
        return """
                {"personnummer":"%s","month":"%s",%s"adults":1,"costs":{"housing":6500},
                 "payoutAccount":{"accountHolder":"Testperson Exempel","iban":"SE4550000000058398257466"}%s}
                """.formatted(personnummer, month, kind, extra.isEmpty() ? "" : "," + extra);
    }

    private static String personnummer(long seed) {
        return new SyntheticPersonnummer(new Random(seed)).next().value();
    }

    private static UUID idOf(HttpResponse<String> created) {
        String location = created.headers().firstValue("Location").orElseThrow();
        return UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
    }

    private static void assertField(HttpResponse<String> response, String field, String message) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(message);
    }

    private String processOf(UUID id) {
        return applications.findById(id).orElseThrow().getProcessInstanceId();
    }

    private boolean jobAt(String pi, String activity) {
        return context.getBean(org.camunda.bpm.engine.ManagementService.class).createJobQuery().processInstanceId(pi)
                .activityId(activity).count() > 0;
    }

    private JsonNode view(UUID id) throws Exception {
        var response = http.get("/api/ansokningar/" + id, "handlaggare1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<JsonNode> costLines(JsonNode view) {
        return view.get("calculation").findParents("section").stream()
                .filter(line -> "KOSTNAD".equals(line.get("section").asText())).toList();
    }
}
