package se.stegvis.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.letter.DecisionKind;
import se.stegvis.payment.api.PaymentController;
import se.stegvis.payment.api.PaymentFileController;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentFile;
import se.stegvis.payment.domain.PaymentFileRepository;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.payment.pain001.Pain001Writer;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * Payments on the real database: once per decision (also from two threads at once), into exactly one valid pain.001
 * file, confirmed by the bank's receipt, and the HTTP API around it.
 */
@StegvisSpringTest
class PaymentIntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired PaymentService paymentService;
    @Autowired PaymentFileService fileService;
    @Autowired PaymentInsert insert;
    @Autowired PaymentRepository payments;
    @Autowired PaymentFileRepository files;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired TransactionTemplate transactions;
    @Autowired RuntimeService runtimeService;
    @Autowired RepositoryService repositoryService;

    @LocalServerPort int port;

    DecisionFixture fixture;
    Http http;

    @BeforeEach
    void setUp() {
        fixture = new DecisionFixture(clients, applications, decisions);
        http = new Http(port);
    }

    Decision grant(Client client, long amount) {
        return fixture.decision(fixture.application(client, YearMonth.now()), DecisionKind.BIFALL, amount, null);
    }

    Payment schedule(Client client, Decision decision) {
        return paymentService.schedule(decision.getId(), client.getId(), decision.getAmount(), YearMonth.now()).orElseThrow();
    }

    @Test
    void aDecisionIsScheduledOnceHoweverOftenItIsAsked() {
        Client client = fixture.clientWithAccount();
        Decision decision = grant(client, 8_480);

        Payment first = schedule(client, decision);
        Payment second = schedule(client, decision);

        assertThat(second.getId()).isEqualTo(first.getId());
        assertThat(first.getAmount()).isEqualTo(8_480);
        assertThat(first.getStatus()).isEqualTo(Payment.Status.PLANERAD);
        assertThat(first.getPaymentDate()).isAfterOrEqualTo(LocalDate.now());
        assertThat(payments.findAll()).filteredOn(p -> p.getDecisionId().equals(decision.getId())).hasSize(1);
    }

    @Test
    void twoThreadsSchedulingTheSameDecisionMakeOnePayment() throws Exception {
        for (int round = 0; round < 5; round++) {
            Client client = fixture.clientWithAccount();
            Decision decision = grant(client, 1_000 + round);
            CountDownLatch start = new CountDownLatch(1);
            Callable<UUID> task = () -> {
                start.await();
                return schedule(client, decision).getId();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<UUID> a = pool.submit(task);
                Future<UUID> b = pool.submit(task);
                start.countDown();
                assertThat(a.get()).isEqualTo(b.get());
            } finally {
                pool.shutdownNow();
            }
            assertThat(payments.findAll()).filteredOn(p -> p.getDecisionId().equals(decision.getId())).hasSize(1);
        }
    }

    @Test
    void aDuplicateInsertRollsBackToItsSavepointAndTheTransactionGoesOn() {
        Client client = fixture.clientWithAccount();
        Decision decision = grant(client, 2_000);
        Payment existing = schedule(client, decision);

        Optional<Payment> found = transactions.execute(status -> {
            boolean inserted = insert.insertUnlessDecisionPaid(
                    new Payment(decision.getId(), client.getId(), 2_000, existing.getPaymentDate(), Instant.now()));
            assertThat(inserted).isFalse();
            return payments.findByDecisionId(decision.getId()); // would fail in an aborted PostgreSQL transaction
        });
        assertThat(found).map(Payment::getId).contains(existing.getId());
    }

    @Test
    void aDecisionAndItsPaymentInOneTransaction() {
        Client client = fixture.clientWithAccount();
        var application = fixture.application(client, YearMonth.now());
        Payment payment = transactions.execute(status -> {
            Decision decision = decisions.save(new Decision(application.getId(), DecisionKind.BIFALL, 3_000, null,
                    "handlaggare1", null, Instant.now(), null));
            return paymentService.schedule(decision.getId(), client.getId(), 3_000, YearMonth.now()).orElseThrow();
        });
        assertThat(payments.findById(payment.getId())).isPresent();
    }

    @Test
    void aZeroDecisionHasNoPayment() {
        Client client = fixture.clientWithAccount();
        Decision refusal = fixture.decision(fixture.application(client, YearMonth.now()), DecisionKind.AVSLAG, 0, null);
        assertThat(paymentService.schedule(refusal.getId(), client.getId(), 0, YearMonth.now())).isEmpty();
        assertThat(payments.findByDecisionId(refusal.getId())).isEmpty();
    }

    @Test
    void duePaymentsGoIntoOneValidFileOnceAndAreConfirmed() throws Exception {
        Client paid = fixture.clientWithAccount();
        Client other = fixture.clientWithAccount();
        Client noAccount = fixture.clientWithoutAccount();
        Payment a = schedule(paid, grant(paid, 8_480));
        Payment b = schedule(other, grant(other, 1_234));
        Payment c = schedule(noAccount, grant(noAccount, 999));
        LocalDate executionDate = a.getPaymentDate();

        // Make the file through the API, as the payment role does.
        HttpResponse<String> created = http.post(PaymentFileController.PATH + "?datum=" + executionDate, "utbetalning1",
                "application/json", "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode run = JSON.readTree(created.body());
        UUID fileId = UUID.fromString(run.at("/file/id").asText());
        assertThat(created.headers().firstValue("Location")).contains(PaymentFileController.PATH + "/" + fileId);
        assertThat(ids(run.get("payments"))).contains(a.getId(), b.getId()).doesNotContain(c.getId());
        assertThat(ids(run.get("paymentsWithoutAccount"))).contains(c.getId());

        PaymentFile file = files.findById(fileId).orElseThrow();
        Pain001Writer.validate(file.getXml());
        List<Payment> inFile = payments.findByPaymentFileId(fileId);
        long sum = inFile.stream().mapToLong(Payment::getAmount).sum();
        assertThat(inFile).allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(Payment.Status.SKICKAD));
        assertThat(file.getControlSum()).isEqualTo(sum);
        assertThat(file.getTransactions()).isEqualTo(inFile.size());
        Document xml = parse(file.getXml());
        assertThat(new BigDecimal(text(xml, "CtrlSum"))).isEqualByComparingTo(BigDecimal.valueOf(sum));
        assertThat(text(xml, "ReqdExctnDt")).isEqualTo(executionDate.toString());
        assertThat(new String(file.getXml(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<EndToEndId>" + PaymentFileService.endToEndId(a.getId()) + "</EndToEndId>")
                .contains("<Ustrd>Ekonomiskt bistånd " + YearMonth.now() + "</Ustrd>");
        assertThat(payments.findById(c.getId()).orElseThrow().getStatus()).isEqualTo(Payment.Status.PLANERAD);

        // A second file the same day never carries the same payments again.
        PaymentFileRun again = fileService.createFile(executionDate);
        assertThat(again.paymentIds()).doesNotContain(a.getId(), b.getId());
        again.file().ifPresent(second -> assertThat(new String(second.getXml(), java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(PaymentFileService.endToEndId(a.getId())));

        // Listed and downloadable.
        HttpResponse<String> list = http.get(PaymentFileController.PATH + "?datum=" + executionDate, "utbetalning1");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).findValuesAsText("id")).contains(fileId.toString());
        HttpResponse<String> download = http.get(PaymentFileController.PATH + "/" + fileId, "utbetalning1");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/xml"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("attachment").contains("pain001-" + executionDate + "-" + file.getMessageId() + ".xml"));
        assertThat(download.body()).contains(file.getMessageId());

        // The bank's receipt: confirmed, once.
        HttpResponse<String> notSent = http.post(PaymentController.PATH + "/" + c.getId() + "/bekraftelse", "bank",
                "application/json", "");
        assertThat(notSent.statusCode()).isEqualTo(409);
        HttpResponse<String> confirmed = http.post(PaymentController.PATH + "/" + a.getId() + "/bekraftelse",
                "bank", "application/json", "");
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(JSON.readTree(confirmed.body()).get("status").asText()).isEqualTo("BEKRAFTAD");
        HttpResponse<String> shown = http.get(PaymentController.PATH + "/" + a.getId(), "teamledare1");
        assertThat(shown.statusCode()).isEqualTo(200);
        JsonNode payment = JSON.readTree(shown.body());
        assertThat(payment.get("status").asText()).isEqualTo("BEKRAFTAD");
        assertThat(payment.get("paymentFileId").asText()).isEqualTo(fileId.toString());
        assertThat(payment.get("amount").asLong()).isEqualTo(8_480);
    }

    @Test
    void aTransferTheFileCannotCarryStaysPlannedAndTheRestIsPaid() {
        // A row from before the holder's name was checked where the account is registered (#12): Arabic script.
        Client unwritable = fixture.clientWithAccount();
        unwritable.setPayoutAccount("\u0645\u062d\u0645\u062f \u0639\u0644\u064a", "5000", "1234567");
        clients.saveAndFlush(unwritable);
        Client ordinary = fixture.clientWithAccount();
        Payment blocked = schedule(unwritable, grant(unwritable, 5_100));
        Payment paid = schedule(ordinary, grant(ordinary, 5_200));
        LocalDate executionDate = blocked.getPaymentDate().isAfter(paid.getPaymentDate())
                ? blocked.getPaymentDate() : paid.getPaymentDate();

        PaymentFileRun run = fileService.createFile(executionDate);

        assertThat(run.paymentIds()).contains(paid.getId()).doesNotContain(blocked.getId());
        assertThat(run.paymentsWithoutAccount()).contains(blocked.getId());
        assertThat(payments.findById(blocked.getId()).orElseThrow().getStatus()).isEqualTo(Payment.Status.PLANERAD);
        assertThat(payments.findById(paid.getId()).orElseThrow().getStatus()).isEqualTo(Payment.Status.SKICKAD);
        Pain001Writer.validate(run.file().orElseThrow().getXml());
    }

    @Test
    void confirmationReachesAProcessWaitingForThePayment() {
        Client client = fixture.clientWithAccount();
        Payment payment = schedule(client, grant(client, 4_321));
        fileService.createFile(payment.getPaymentDate());
        BpmnModelInstance waiting = Bpmn.createExecutableProcess("test-vantar-pa-utbetalning")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent().message(PaymentService.MESSAGE_PAYMENT_CONFIRMED)
                .endEvent()
                .done();
        Deployment deployment = repositoryService.createDeployment().addModelInstance("test-vantar.bpmn", waiting).deploy();
        try {
            ProcessInstance pi = runtimeService.startProcessInstanceByKey("test-vantar-pa-utbetalning",
                    java.util.Map.of(PaymentService.VAR_PAYMENT_ID, payment.getId().toString()));
            ProcessInstance other = runtimeService.startProcessInstanceByKey("test-vantar-pa-utbetalning",
                    java.util.Map.of(PaymentService.VAR_PAYMENT_ID, UUID.randomUUID().toString()));

            paymentService.confirm(payment.getId());

            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi.getId()).count()).isZero();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(other.getId()).count()).isOne();
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void badInputAndUnknownIdsAndRoles() throws Exception {
        HttpResponse<String> badDate = http.get(PaymentFileController.PATH + "?datum=2026-13-01", "utbetalning1");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badDate.body()).at("/errors/0/field").asText()).isEqualTo("datum");
        HttpResponse<String> noDate = http.post(PaymentFileController.PATH, "utbetalning1", "application/json", "");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noDate.body()).at("/errors/0/field").asText()).isEqualTo("datum");
        HttpResponse<String> past = http.post(PaymentFileController.PATH + "?datum=2020-01-02", "utbetalning1",
                "application/json", "");
        assertThat(past.statusCode()).isEqualTo(400);
        LocalDate sunday = LocalDate.now().with(java.time.temporal.TemporalAdjusters.next(java.time.DayOfWeek.SUNDAY));
        HttpResponse<String> holiday = http.post(PaymentFileController.PATH + "?datum=" + sunday, "utbetalning1",
                "application/json", "");
        assertThat(holiday.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(holiday.body()).at("/errors/0/message").asText()).contains("bankdag");

        assertThat(http.get(PaymentFileController.PATH + "/" + UUID.randomUUID(), "utbetalning1").statusCode()).isEqualTo(404);
        assertThat(http.get(PaymentFileController.PATH + "/inte-ett-id", "utbetalning1").statusCode()).isEqualTo(404);
        assertThat(http.get(PaymentController.PATH + "/" + UUID.randomUUID(), "handlaggare1").statusCode()).isEqualTo(404);
        assertThat(http.post(PaymentController.PATH + "/" + UUID.randomUUID() + "/bekraftelse", "bank",
                "application/json", "").statusCode()).isEqualTo(404);

        assertThat(http.post(PaymentFileController.PATH + "?datum=" + LocalDate.now(), "etjanst", "application/json", "")
                .statusCode()).isEqualTo(403);
        assertThat(http.get(PaymentController.PATH + "/" + UUID.randomUUID(), "coach1").statusCode()).isEqualTo(403);
        // Making and reading payment files is the payment role's; confirming is the bank client's (#12).
        for (String user : new String[] {"handlaggare1", "teamledare1"}) {
            assertThat(http.post(PaymentFileController.PATH + "?datum=" + LocalDate.now(), user, "application/json", "")
                    .statusCode()).as(user).isEqualTo(403);
            assertThat(http.get(PaymentFileController.PATH + "?datum=" + LocalDate.now(), user).statusCode()).as(user)
                    .isEqualTo(403);
            assertThat(http.post(PaymentController.PATH + "/" + UUID.randomUUID() + "/bekraftelse", user,
                    "application/json", "").statusCode()).as(user).isEqualTo(403);
        }
        assertThat(http.get(PaymentFileController.PATH + "?datum=" + LocalDate.now(), null).statusCode()).isEqualTo(401);
    }

    private static List<UUID> ids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(node -> ids.add(UUID.fromString(node.asText())));
        return ids;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagNameNS(Pain001Writer.NAMESPACE, element).item(0).getTextContent();
    }
}
