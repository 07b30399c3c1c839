package se.stegvis.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import se.stegvis.application.DecisionRecords;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientNoticeRepository;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.letter.DecisionKind;
import se.stegvis.payment.api.PayoutAccountController;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.payment.domain.PayoutAccountChange;
import se.stegvis.payment.domain.PayoutAccountChangeRepository;
import se.stegvis.payment.pain001.Pain001Writer;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * #12 point 4: the payout account is fixed when the decision is made. Changing a client's account is an audited
 * operation of its own (old and new masked, a notice to the client) that redirects no decided payment; a new
 * application with another account does not change it but waits for staff.
 */
@StegvisSpringTest
class PayoutAccountFixedTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** The fixture's account: clearing 5000, account 1234567. */
    static final String OLD_BBAN = "50001234567";
    static final String NEW_CLEARING = "8327";
    static final String NEW_ACCOUNT = "9876543210";

    @Autowired DecisionRecords decisionRecords;
    @Autowired PaymentService paymentService;
    @Autowired PaymentFileService fileService;
    @Autowired PaymentRepository payments;
    @Autowired PayoutAccountChangeRepository changes;
    @Autowired ClientNoticeRepository notices;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;

    @LocalServerPort int port;

    DecisionFixture fixture;
    Http http;

    @BeforeEach
    void setUp() {
        fixture = new DecisionFixture(clients, applications, decisions);
        http = new Http(port);
    }

    @Test
    void aDecidedPaymentKeepsItsAccountAndALaterDecisionTakesTheNewOne() throws Exception {
        Client client = fixture.clientWithAccount();
        YearMonth month = YearMonth.now();
        Application first = fixture.application(client, month.minusMonths(1));
        Decision decided = decisionRecords.register(first.getId(), DecisionKind.BIFALL, 4_100, null, "handlaggare1",
                null);

        // The account changes after the decision, before its payment is planned.
        HttpResponse<String> changed = put(client.getId(), "handlaggare1", """
                {"accountHolder":"Testa Testsson","clearingNumber":"%s","accountNumber":"%s"}"""
                .formatted(NEW_CLEARING, NEW_ACCOUNT));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(changed.body());
        assertThat(body.get("account").asText()).isEqualTo("konto ****3210");
        assertThat(body.get("changed").asBoolean()).isTrue();
        assertThat(changed.body()).doesNotContain(NEW_ACCOUNT).doesNotContain("1234567");

        Payment old = paymentService.schedule(decided.getId(), client.getId(), decided.getAmount(), month.minusMonths(1))
                .orElseThrow();
        assertThat(old.payoutAccount().orElseThrow().accountNumber()).isEqualTo("1234567");

        // A decision made after the change pays to the new account.
        Application second = fixture.application(client, month);
        Decision later = decisionRecords.register(second.getId(), DecisionKind.BIFALL, 4_200, null, "handlaggare1",
                null);
        Payment next = paymentService.schedule(later.getId(), client.getId(), later.getAmount(), month).orElseThrow();
        assertThat(next.payoutAccount().orElseThrow().accountNumber()).isEqualTo(NEW_ACCOUNT);

        // The payment file pays each payment's own account.
        PaymentFileRun run = fileService.createFile(old.getPaymentDate().isAfter(next.getPaymentDate())
                ? old.getPaymentDate() : next.getPaymentDate());
        assertThat(run.paymentIds()).contains(old.getId(), next.getId());
        byte[] xml = run.file().orElseThrow().getXml();
        Pain001Writer.validate(xml);
        Document document = DocumentBuilderFactory.newDefaultNSInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml));
        assertThat(accountOf(document, old)).isEqualTo(OLD_BBAN);
        assertThat(accountOf(document, next)).isEqualTo(NEW_CLEARING + NEW_ACCOUNT);

        // Audit: who and when, both accounts masked; the client got a notice.
        List<PayoutAccountChange> audit = changes.findByClientIdOrderByChangedAtDescIdDesc(client.getId());
        assertThat(audit).hasSize(1);
        PayoutAccountChange change = audit.get(0);
        assertThat(change.getChangedBy()).isEqualTo("handlaggare1");
        assertThat(change.getChannel()).isEqualTo(PayoutAccountChange.Channel.API);
        assertThat(change.getOldAccount()).isEqualTo("konto ****4567");
        assertThat(change.getNewAccount()).isEqualTo("konto ****3210");
        assertThat(change.getChangedAt()).isNotNull();
        assertThat(notices.findByClientIdOrderByCreatedAtDesc(client.getId())).singleElement()
                .satisfies(n -> assertThat(n.getText()).contains("konto ****4567", "konto ****3210")
                        .doesNotContain(NEW_ACCOUNT).doesNotContain("1234567"));

        // The same account again changes nothing and writes no audit row.
        HttpResponse<String> again = put(client.getId(), "handlaggare1", """
                {"accountHolder":"Testa Testsson","clearingNumber":"%s","accountNumber":"%s"}"""
                .formatted(NEW_CLEARING, NEW_ACCOUNT));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).get("changed").asBoolean()).isFalse();
        assertThat(changes.findByClientIdOrderByChangedAtDescIdDesc(client.getId())).hasSize(1);
    }

    @Test
    void aPlannedPaymentWithoutAnyAccountTakesTheFirstOneRegistered() throws Exception {
        Client client = fixture.clientWithoutAccount();
        Application application = fixture.application(client, YearMonth.now());
        Decision decision = decisionRecords.register(application.getId(), DecisionKind.BIFALL, 3_300, null,
                "handlaggare1", null);
        Payment payment = paymentService.schedule(decision.getId(), client.getId(), 3_300, YearMonth.now()).orElseThrow();
        assertThat(payment.payoutAccount()).isEmpty();

        HttpResponse<String> registered = put(client.getId(), "teamledare1",
                "{\"accountHolder\":\"Testa Testsson\",\"iban\":\"SE45 5000 0000 0583 9825 7466\"}");

        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        assertThat(JSON.readTree(registered.body()).get("paymentsFilled").asInt()).isEqualTo(1);
        assertThat(payments.findById(payment.getId()).orElseThrow().payoutAccount().orElseThrow().iban())
                .isEqualTo("SE4550000000058398257466");
        assertThat(changes.findByClientIdOrderByChangedAtDescIdDesc(client.getId())).singleElement()
                .satisfies(c -> {
                    assertThat(c.getOldAccount()).isNull();
                    assertThat(c.getNewAccount()).isEqualTo("IBAN ****7466");
                });
    }

    @Test
    void aNameTheBankCannotCarryIsRefusedAndNothingChanges() throws Exception {
        Client client = fixture.clientWithAccount();

        HttpResponse<String> refused = put(client.getId(), "handlaggare1", """
                {"accountHolder":"\u0645\u062d\u0645\u062f \u0639\u0644\u064a","clearingNumber":"8327","accountNumber":"9876543210"}""");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("accountHolder");
        HttpResponse<String> badIban = put(client.getId(), "handlaggare1",
                "{\"accountHolder\":\"Testa Testsson\",\"iban\":\"SE4550000000058398257467\"}");
        assertThat(badIban.statusCode()).isEqualTo(400);
        assertThat(badIban.body()).contains("\"iban\"");
        assertThat(clients.findById(client.getId()).orElseThrow().payoutAccount().orElseThrow().accountNumber())
                .isEqualTo("1234567");
        assertThat(changes.findByClientIdOrderByChangedAtDescIdDesc(client.getId())).isEmpty();
    }

    @Test
    void onlyStaffWhoMaySeeTheClientChangeTheAccount() {
        Client client = fixture.clientWithAccount();
        String body = "{\"accountHolder\":\"Testa Testsson\",\"clearingNumber\":\"8327\",\"accountNumber\":\"9876543210\"}";

        for (String user : List.of("coach1", "processagare1", "utbetalning1", "etjanst")) {
            assertThat(put(client.getId(), user, body).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(http.get(path(client.getId()), "coach1").statusCode()).isEqualTo(403);
        // A client with protected identity is unknown to a caseworker outside the group skyddad.
        client.setProtectedIdentity(true);
        clients.saveAndFlush(client);
        assertThat(put(client.getId(), "handlaggare1", body).statusCode()).isEqualTo(404);
        assertThat(clients.findById(client.getId()).orElseThrow().payoutAccount().orElseThrow().accountNumber())
                .isEqualTo("1234567");
        assertThat(changes.findByClientIdOrderByChangedAtDescIdDesc(client.getId())).isEmpty();
    }

    @Test
    void aNewApplicationWithAnotherAccountWaitsForStaffInsteadOfRedirecting() throws Exception {
        Client client = fixture.clientWithAccount();
        fixture.application(client, YearMonth.now().minusMonths(1));
        String personnummer = client.getPersonnummer().value();

        HttpResponse<String> submitted = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"%s","kind":"ATERANSOKAN","adults":1,"childrenAges":[],
                 "costs":{"housing":6000},"incomes":{},
                 "payoutAccount":{"accountHolder":"Annan Person","iban":"SE4550000000058398257466"}}
                """.formatted(personnummer, YearMonth.now()));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);

        assertThat(clients.findById(client.getId()).orElseThrow().payoutAccount().orElseThrow().accountNumber())
                .isEqualTo("1234567");
        JsonNode overview = JSON.readTree(http.get(path(client.getId()), "handlaggare1").body());
        assertThat(overview.get("account").asText()).isEqualTo("konto ****4567");
        assertThat(overview.get("waiting")).hasSize(1);
        JsonNode waiting = overview.get("waiting").get(0);
        assertThat(waiting.get("account").asText()).isEqualTo("IBAN ****7466");
        assertThat(changes.findByClientIdOrderByChangedAtDescIdDesc(client.getId())).isEmpty();

        HttpResponse<String> confirmed = http.postJson(path(client.getId()) + "/begaran/" + waiting.get("id").asText()
                + "/bekrafta", "handlaggare2", "");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).get("account").asText()).isEqualTo("IBAN ****7466");
        assertThat(JSON.readTree(confirmed.body()).get("waiting")).isEmpty();
        assertThat(changes.findByClientIdOrderByChangedAtDescIdDesc(client.getId())).singleElement()
                .satisfies(c -> assertThat(c.getChangedBy()).isEqualTo("handlaggare2"));
        // Confirmed once: a second confirmation is a conflict.
        assertThat(http.postJson(path(client.getId()) + "/begaran/" + waiting.get("id").asText() + "/bekrafta",
                "handlaggare2", "").statusCode()).isEqualTo(409);
    }

    private HttpResponse<String> put(UUID clientId, String user, String json) {
        return http.send(http.request(path(clientId), user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
    }

    private static String path(UUID clientId) {
        return PayoutAccountController.PATH.replace("{clientId}", clientId.toString());
    }

    /** The creditor account (Othr/Id, the BBAN) of the payment's transfer in the file. */
    private static String accountOf(Document xml, Payment payment) {
        NodeList transfers = xml.getElementsByTagNameNS(Pain001Writer.NAMESPACE, "CdtTrfTxInf");
        for (int i = 0; i < transfers.getLength(); i++) {
            Element transfer = (Element) transfers.item(i);
            String endToEnd = transfer.getElementsByTagNameNS(Pain001Writer.NAMESPACE, "EndToEndId").item(0)
                    .getTextContent();
            if (endToEnd.equals(PaymentFileService.endToEndId(payment.getId()))) {
                Element account = (Element) transfer.getElementsByTagNameNS(Pain001Writer.NAMESPACE, "CdtrAcct").item(0);
                return account.getElementsByTagNameNS(Pain001Writer.NAMESPACE, "Id").item(1).getTextContent();
            }
        }
        throw new AssertionError("Payment " + payment.getId() + " is not in the file");
    }
}
