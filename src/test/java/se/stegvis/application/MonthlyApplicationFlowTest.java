package se.stegvis.application;

import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.LongValue;
import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import se.stegvis.support.ApplicationScenario;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.payment.pain001.Pain001Writer;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * From the e-service's REST call to the payment file on a real PostgreSQL: income check, calculation, investigation,
 * attest by another person, decision, letter, payment exactly once, the bank's file and its confirmation.
 */
@StegvisSpringTest
class MonthlyApplicationFlowTest {

    @LocalServerPort
    int port;

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;
    @Autowired PaymentRepository payments;
    @Autowired PaymentService paymentService;
    @Autowired se.stegvis.application.domain.ApplicationRepository applications;
    @Autowired se.stegvis.journey.domain.JourneyRepository journeys;

    @Autowired ApplicationContext context;

    ApplicationScenario scenario;

    @BeforeEach
    void inNovember2025() {
        ApplicationScenario.inNovember2025();
        scenario = new ApplicationScenario(context, port);
    }

    @AfterEach
    void resetClock() {
        ApplicationScenario.resetClock();
    }

    @Test
    void fromSubmissionToConfirmedPayment() {
        Http http = new Http(port);
        String month = "2025-11";
        var submitted = scenario.familyReadyForInvestigation(20261122);
        String pi = submitted.processInstanceId();
        var view = http.get(submitted.location(), "handlaggare1");
        assertThat(view.body()).contains("\"section\":\"NORM\"", "\"amount\":7050");
        long calculated = runtimeService.<LongValue>getVariableTyped(pi, CALCULATED_AMOUNT).getValue();
        assertThat(calculated).isEqualTo(ApplicationScenario.CALCULATED_FAMILY_ASSISTANCE);

        // Utred ansökan: partial grant, which the delegation table sends to a team leader.
        Task investigate = scenario.task(pi, TASK_INVESTIGATE);
        taskService.claim(investigate.getId(), "handlaggare1");
        scenario.as("handlaggare1", () -> taskService.complete(investigate.getId(), Variables.createVariables()
                .putValue(WARNINGS_ACKNOWLEDGED, true)
                .putValue(PROPOSED_DECISION, "DELVIS_BIFALL")
                .putValue(GRANTED_AMOUNT, 20000L)
                .putValue(REASONS, "Hemförsäkringen godtas inte som skälig kostnad denna månad.")));
        Task attest = scenario.task(pi, TASK_ATTEST);
        taskService.claim(attest.getId(), "teamledare1");
        scenario.as("teamledare1", () -> taskService.complete(attest.getId(),
                Variables.createVariables().putValue(APPROVAL, APPROVAL_APPROVED)));

        for (String step : new String[] {TASK_REGISTER_DECISION, TASK_CREATE_LETTER,
                TASK_SCHEDULE_PAYMENT, EVENT_START_JOURNEY}) {
            scenario.executeJob(pi, step);
        }
        UUID decisionId = UUID.fromString(runtimeService.<StringValue>getVariableTyped(pi, DECISION_ID).getValue());
        // The grant made the household a client of the journey: one journey, its process waiting at Kartläggning.
        UUID clientId = applications.findById(submitted.applicationId()).orElseThrow().getClient().getId();
        var journey = journeys.findByClientIdAndStatus(clientId, se.stegvis.journey.domain.JourneyStatus.AKTIV).orElseThrow();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(journey.getId().toString())
                .processDefinitionKey("klientresa").count()).isEqualTo(1);
        var letter = http.send(http.request("/api/beslut/" + decisionId + "/brev", "handlaggare1").GET().build());
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.body()).startsWith("%PDF");
        assertThat(http.get("/api/beslut/" + decisionId + "/brev", "etjanst").statusCode()).isEqualTo(403);

        // Exactly one payment, even when the step runs again.
        var payment = payments.findByDecisionId(decisionId).orElseThrow();
        assertThat(payment.getAmount()).isEqualTo(20000);
        assertThat(paymentService.schedule(decisionId, payment.getClientId(), 20000, YearMonth.parse(month)).orElseThrow().getId())
                .isEqualTo(payment.getId());

        // The bank's file for the payment day holds it, valid pain.001: the payment role makes it, not a caseworker.
        assertThat(http.post("/api/utbetalningsfiler?datum=" + payment.getPaymentDate(), "handlaggare1",
                "application/json", "").statusCode()).isEqualTo(403);
        var file = http.post("/api/utbetalningsfiler?datum=" + payment.getPaymentDate(), "utbetalning1",
                "application/json", "");
        assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
        var xml = http.send(http.request(file.headers().firstValue("Location").orElseThrow(), "utbetalning1").GET().build());
        assertThat(xml.statusCode()).isEqualTo(200);
        Pain001Writer.validate(xml.body().getBytes(StandardCharsets.UTF_8));
        assertThat(xml.body()).contains("20000.00");

        // The bank's client confirms (not a caseworker or team leader): the process ends as paid.
        for (String notTheBank : new String[] {"handlaggare1", "teamledare1", "utbetalning1"}) {
            assertThat(http.post("/api/utbetalningar/" + payment.getId() + "/bekraftelse", notTheBank,
                    "application/json", "").statusCode()).as(notTheBank).isEqualTo(403);
        }
        assertThat(http.post("/api/utbetalningar/" + payment.getId() + "/bekraftelse", "bank",
                "application/json", "").statusCode()).isEqualTo(200);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(END_PAID);
    }
}
