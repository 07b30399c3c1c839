package se.stegvis.application;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Random;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.SyntheticPersonnummer;
import se.stegvis.integration.ssbtek.IncomeCheckWorker;
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
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired IdentityService identityService;
    @Autowired IncomeCheckWorker incomeCheckWorker;
    @Autowired ApplicationRepository applications;
    @Autowired PaymentRepository payments;
    @Autowired PaymentService paymentService;

    @org.junit.jupiter.api.BeforeEach
    void inNovember2025() {
        // The riksnorm table has amounts through 2025: the whole application follows the engine's clock.
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2025-11-03T08:00:00Z")));
    }

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void fromSubmissionToConfirmedPayment() {
        Http http = new Http(port);
        String personnummer = new SyntheticPersonnummer(new Random(20261122)).next().value();
        String month = "2025-11";
        var created = http.postJson("/api/ansokningar", "etjanst", """
                {"personnummer":"%s","month":"%s","kind":"ATERANSOKAN","adults":2,"childrenAges":[4,8],
                 "costs":{"housing":7500,"electricity":400,"homeInsurance":180},
                 "incomes":{"Barnbidrag":2500},
                 "payoutAccount":{"accountHolder":"Testperson Exempel","iban":"SE4550000000058398257466"}}
                """.formatted(personnummer, month));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        String pi = applications.findById(id).orElseThrow().getProcessInstanceId();

        // The register check (the SSBTEK worker), then the calculation.
        assertThat(incomeCheckWorker.fetchAndHandle()).isGreaterThanOrEqualTo(1);
        executeJob(pi, TASK_CALCULATE);
        var view = http.get(location, "handlaggare1");
        assertThat(view.body()).contains("\"section\":\"NORM\"", "\"amount\":7050");
        long calculated = (Long) runtimeService.getVariable(pi, CALCULATED_AMOUNT);
        assertThat(calculated).isEqualTo(7050 + 3030 + 3790 + 2010 + 7500 + 400 + 180 - 2500);

        // Utred ansökan: partial grant, which the delegation table sends to a team leader.
        Task investigate = task(pi, TASK_INVESTIGATE);
        taskService.claim(investigate.getId(), "handlaggare1");
        as("handlaggare1", () -> taskService.complete(investigate.getId(), Variables.createVariables()
                .putValue(WARNINGS_ACKNOWLEDGED, true)
                .putValue(PROPOSED_DECISION, "DELVIS_BIFALL")
                .putValue(GRANTED_AMOUNT, 20000L)
                .putValue(REASONS, "Hemförsäkringen godtas inte som skälig kostnad denna månad.")));
        Task attest = task(pi, TASK_ATTEST);
        taskService.claim(attest.getId(), "teamledare1");
        as("teamledare1", () -> taskService.complete(attest.getId(),
                Variables.createVariables().putValue(APPROVAL, APPROVAL_APPROVED)));

        for (String step : new String[] {TASK_REGISTER_DECISION, TASK_CREATE_LETTER, TASK_SEND_DECISION,
                TASK_SCHEDULE_PAYMENT}) {
            executeJob(pi, step);
        }
        UUID decisionId = UUID.fromString((String) runtimeService.getVariable(pi, DECISION_ID));
        var letter = http.send(http.request("/api/beslut/" + decisionId + "/brev", "handlaggare1").GET().build());
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.body()).startsWith("%PDF");
        assertThat(http.get("/api/beslut/" + decisionId + "/brev", "etjanst").statusCode()).isEqualTo(403);

        // Exactly one payment, even when the step runs again.
        var payment = payments.findByDecisionId(decisionId).orElseThrow();
        assertThat(payment.getAmount()).isEqualTo(20000);
        assertThat(paymentService.schedule(decisionId, payment.getClientId(), 20000, YearMonth.parse(month)).orElseThrow().getId())
                .isEqualTo(payment.getId());

        // The bank's file for the payment day holds it, valid pain.001.
        var file = http.post("/api/utbetalningsfiler?datum=" + payment.getPaymentDate(), "handlaggare1",
                "application/json", "");
        assertThat(file.statusCode()).as(file.body()).isEqualTo(201);
        var xml = http.send(http.request(file.headers().firstValue("Location").orElseThrow(), "handlaggare1").GET().build());
        assertThat(xml.statusCode()).isEqualTo(200);
        Pain001Writer.validate(xml.body().getBytes(StandardCharsets.UTF_8));
        assertThat(xml.body()).contains("20000.00");

        // The bank confirms: the process ends as paid.
        assertThat(http.post("/api/utbetalningar/" + payment.getId() + "/bekraftelse", "handlaggare1",
                "application/json", "").statusCode()).isEqualTo(200);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(END_PAID);
    }

    private void executeJob(String pi, String activity) {
        var job = managementService.createJobQuery().processInstanceId(pi).activityId(activity).singleResult();
        assertThat(job).as("job at " + activity).isNotNull();
        managementService.executeJob(job.getId());
    }

    private Task task(String pi, String key) {
        Task task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task " + key).isNotNull();
        return task;
    }

    private void as(String user, Runnable action) {
        identityService.setAuthenticatedUserId(user);
        try {
            action.run();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
