package se.stegvis.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.letter.DecisionKind;
import se.stegvis.payment.api.PaymentController;
import se.stegvis.payment.api.PaymentFileController;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentFile;
import se.stegvis.payment.domain.PaymentFileRepository;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * A payee with protected identity is known only to the group {@code skyddad} on the payment side: the payment role
 * ({@code utbetalning1}) makes the day's files and gets the ordinary file, in which the payee is not, and only a count
 * of the protected payments; the file of protected payees is neither listed to it nor downloadable (404); caseworkers
 * and team leaders get 404 for the payment itself. {@code skyddad1} lists and downloads that file — complete for the
 * bank — and reads the payment.
 */
@StegvisSpringTest
class ProtectedPayeeTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROTECTED_HOLDER = "Skyddad Mottagarsson";

    @Autowired PaymentService paymentService;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired PaymentFileRepository files;

    @LocalServerPort int port;

    DecisionFixture fixture;
    Http http;

    @BeforeEach
    void setUp() {
        fixture = new DecisionFixture(clients, applications, decisions);
        http = new Http(port);
    }

    @Test
    void protectedPayeesAreKnownOnlyToSkyddadInFilesListsAndTheApi() throws Exception {
        Client ordinary = fixture.clientWithAccount();
        Client hidden = fixture.clientWithAccount();
        hidden.setPayoutAccount(PROTECTED_HOLDER, "5000", "1234567");
        hidden.setProtectedIdentity(true);
        clients.saveAndFlush(hidden);
        Payment paid = schedule(ordinary, 4_111);
        Payment paidProtected = schedule(hidden, 4_222);
        LocalDate executionDate = paid.getPaymentDate().isAfter(paidProtected.getPaymentDate())
                ? paid.getPaymentDate() : paidProtected.getPaymentDate();

        HttpResponse<String> made = http.post(PaymentFileController.PATH + "?datum=" + executionDate, "utbetalning1",
                "application/json", "");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode run = JSON.readTree(made.body());
        assertThat(ids(run.get("payments"))).contains(paid.getId()).doesNotContain(paidProtected.getId());
        assertThat(run.get("protectedFile").isNull()).isTrue();
        assertThat(run.get("protectedPaymentIds")).isEmpty();
        assertThat(run.get("protectedPayments").asInt()).as("counted, not listed").isPositive();
        assertThat(made.body()).doesNotContain(paidProtected.getId().toString()).doesNotContain(PROTECTED_HOLDER);
        String ordinaryFile = run.at("/file/id").asText();

        PaymentFile protectedFile = files.findByExecutionDateOrderByCreatedAt(executionDate).stream()
                .filter(PaymentFile::isProtectedPayees)
                .filter(f -> new String(f.getXml(), java.nio.charset.StandardCharsets.UTF_8).contains(
                        PaymentFileService.endToEndId(paidProtected.getId())))
                .findFirst().orElseThrow();
        // Complete for the bank: the payee is in it.
        assertThat(new String(protectedFile.getXml(), java.nio.charset.StandardCharsets.UTF_8)).contains(PROTECTED_HOLDER);

        // The payment role: the ordinary file, without the protected payee; the other file is unknown to it.
        HttpResponse<String> file = http.get(PaymentFileController.PATH + "/" + ordinaryFile, "utbetalning1");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).contains(PaymentFileService.endToEndId(paid.getId()))
                .doesNotContain(PROTECTED_HOLDER).doesNotContain(PaymentFileService.endToEndId(paidProtected.getId()));
        HttpResponse<String> list = http.get(PaymentFileController.PATH + "?datum=" + executionDate, "utbetalning1");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body()).findValuesAsText("id")).contains(ordinaryFile)
                .doesNotContain(protectedFile.getId().toString());
        assertThat(http.get(PaymentFileController.PATH + "/" + protectedFile.getId(), "utbetalning1").statusCode())
                .isEqualTo(404);
        // Caseworkers and team leaders: the ordinary payment, not the protected one (unknown, not forbidden).
        assertThat(http.get(PaymentController.PATH + "/" + paid.getId(), "handlaggare1").statusCode()).isEqualTo(200);
        for (String user : List.of("handlaggare1", "teamledare1")) {
            HttpResponse<String> payment = http.get(PaymentController.PATH + "/" + paidProtected.getId(), user);
            assertThat(payment.statusCode()).as(user).isEqualTo(404);
            assertThat(payment.body()).as(user).doesNotContain(hidden.getId().toString());
        }

        // skyddad: the file of protected payees, listed and downloaded, and the payment.
        HttpResponse<String> listedToSkyddad = http.get(PaymentFileController.PATH + "?datum=" + executionDate,
                "skyddad1");
        assertThat(listedToSkyddad.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listedToSkyddad.body()).findValuesAsText("id"))
                .contains(protectedFile.getId().toString());
        HttpResponse<String> downloaded = http.get(PaymentFileController.PATH + "/" + protectedFile.getId(), "skyddad1");
        assertThat(downloaded.statusCode()).isEqualTo(200);
        assertThat(downloaded.body()).contains(PROTECTED_HOLDER);
        HttpResponse<String> payment = http.get(PaymentController.PATH + "/" + paidProtected.getId(), "skyddad1");
        assertThat(payment.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(payment.body()).get("paymentFileId").asText()).isEqualTo(protectedFile.getId().toString());
    }

    private Payment schedule(Client client, long amount) {
        var decision = fixture.decision(fixture.application(client, YearMonth.now()), DecisionKind.BIFALL, amount, null);
        return paymentService.schedule(decision.getId(), client.getId(), amount, YearMonth.now()).orElseThrow();
    }

    private static List<UUID> ids(JsonNode array) {
        List<UUID> ids = new ArrayList<>();
        array.forEach(node -> ids.add(UUID.fromString(node.asText())));
        return ids;
    }
}
