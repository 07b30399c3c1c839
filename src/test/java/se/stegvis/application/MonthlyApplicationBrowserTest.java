package se.stegvis.application;

import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.LongValue;
import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import se.stegvis.support.ApplicationScenario;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TasklistBrowser;

/**
 * The monthly application end to end in a real browser: the e-service submits it over REST, the engine checks the
 * incomes and calculates; in Tasklist handlaggare1 investigates it in the Camunda Form "Utred ansökan" (a refusal
 * without reasons is refused first, then a partial grant with reasons), teamledare1 attests it in "Attestera beslut";
 * then the engine registers the decision, writes the letter and schedules the payment.
 */
@StegvisSpringTest
class MonthlyApplicationBrowserTest {

    static final Path SCREENSHOT_INVESTIGATE = Path.of("docs", "screenshots", "tasklist-utred-ansokan.png");
    static final Path SCREENSHOT_ATTEST = Path.of("docs", "screenshots", "tasklist-attestera-beslut.png");
    static final String INVESTIGATE_NAME = "Utred ansökan";
    static final String ATTEST_NAME = "Attestera beslut";
    static final String GROUP_FILTER = "Mina gruppers uppgifter";
    static final long GRANTED = 20000;
    static final String REASONS_TEXT = "Hemförsäkringen godtas inte som skälig kostnad denna månad.";

    @LocalServerPort
    int port;

    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired PaymentRepository payments;

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
    void caseworkerInvestigatesAndTeamLeaderAttestsInTasklist() {
        Http http = new Http(port);
        // Another seed than MonthlyApplicationFlowTest: its own household, in the shared context.
        var submitted = scenario.familyReadyForInvestigation(20261123);
        UUID applicationId = submitted.applicationId();
        String pi = submitted.processInstanceId();
        long calculated = runtimeService.<LongValue>getVariableTyped(pi, CALCULATED_AMOUNT).getValue();
        assertThat(calculated).isEqualTo(ApplicationScenario.CALCULATED_FAMILY_ASSISTANCE);
        assertThat(GRANTED).isLessThan(calculated);
        boolean hasWarnings = Boolean.TRUE.equals(runtimeService.getVariable(pi, HAS_WARNINGS));
        Task investigate = scenario.task(pi, TASK_INVESTIGATE);
        assertThat(investigate.getName()).isEqualTo(INVESTIGATE_NAME);
        assertThat(investigate.getAssignee()).isNull();

        try (TasklistBrowser browser = new TasklistBrowser(port)) {
            // 1. Utred ansökan, as the caseworker
            browser.login("handlaggare1", "demo")
                    .openFilter(GROUP_FILTER)
                    .openTaskById(investigate.getId());
            assertThat(browser.taskName()).isEqualTo(INVESTIGATE_NAME);
            browser.claim();
            assertNoMigrationBanner(browser);

            assertThat(browser.formText()).contains("Utred ansökan", "Underlag", "Beräknat bistånd (kr)");
            assertThat(browser.fieldValue("Underlag")).contains("Beräkning", "Beräknat bistånd", "Varningar");
            assertThat(browser.isReadonly("Underlag")).isTrue();
            assertThat(browser.fieldValue("Beräknat bistånd (kr)").replaceAll("\\D", ""))
                    .isEqualTo(Long.toString(calculated));
            assertThat(browser.isReadonly("Beräknat bistånd (kr)")).isTrue();
            // Conditionals: the amount only for a partial grant, the supplement text only when one is needed.
            assertThat(browser.hasField("Beviljat belopp (kr)")).isFalse();
            assertThat(browser.hasField("Vad ska kompletteras?")).isFalse();
            assertThat(browser.hasField("Jag har gått igenom varningarna")).isEqualTo(hasWarnings);
            if (browser.hasField("Jag har gått igenom varningarna")) {
                browser.check("Jag har gått igenom varningarna");
            }

            // A refusal without reasons: the task listener refuses the completion, Tasklist shows why.
            browser.chooseRadio("Beslutsförslag", "Avslag");
            assertThat(browser.hasField("Beviljat belopp (kr)")).isFalse();
            assertThat(browser.completeExpectingError()).contains("ska beslutet motiveras");
            assertThat(taskService.createTaskQuery().taskId(investigate.getId()).count()).isOne();

            browser.chooseRadio("Beslutsförslag", "Delvis bifall");
            browser.fillNumber("Beviljat belopp (kr)", Long.toString(GRANTED))
                    .fillTextarea("Motivering", REASONS_TEXT);
            browser.scrollTo("Beslutsförslag").screenshot(SCREENSHOT_INVESTIGATE);
            browser.complete();
            browser.logout();

            // 2. Attestera beslut, as the team leader: the partial grant needs four eyes.
            Task attest = scenario.task(pi, TASK_ATTEST);
            assertThat(attest.getName()).isEqualTo(ATTEST_NAME);
            browser.login("teamledare1", "demo")
                    .openFilter(GROUP_FILTER)
                    .openTaskById(attest.getId());
            assertThat(browser.taskName()).isEqualTo(ATTEST_NAME);
            browser.claim();
            assertNoMigrationBanner(browser);
            assertThat(browser.formText()).contains("Attestera beslut");
            assertThat(browser.fieldValue("Underlag")).contains("Beräknat bistånd");
            // The proposal as the caseworker chose it, in words (a read-only radio group), not the code DELVIS_BIFALL.
            assertThat(browser.selectedOption("Beslutsförslag")).isEqualTo("Delvis bifall");
            assertThat(browser.fieldValue("Beviljat belopp (kr)").replaceAll("\\D", ""))
                    .isEqualTo(Long.toString(GRANTED));
            assertThat(browser.fieldValue("Motivering")).isEqualTo(REASONS_TEXT);
            assertThat(browser.fieldValue("Utredd av")).isEqualTo("handlaggare1");
            for (String readonly : new String[] {"Underlag", "Beslutsförslag", "Beviljat belopp (kr)", "Motivering",
                    "Utredd av"}) {
                assertThat(browser.isReadonly(readonly)).as(readonly + " read-only").isTrue();
            }
            assertThat(browser.hasField("Kommentar till handläggaren")).isFalse();
            browser.chooseRadio("Attest", "Godkänn beslutet");
            browser.screenshot(SCREENSHOT_ATTEST);
            browser.complete();
            browser.logout();
        }

        // 3. Back in the engine: decision, letter, sending, payment.
        assertThat(taskService.createTaskQuery().processInstanceId(pi).count()).as("open tasks").isZero();
        for (String step : new String[] {TASK_REGISTER_DECISION, TASK_CREATE_LETTER,
                TASK_SCHEDULE_PAYMENT, EVENT_START_JOURNEY}) {
            scenario.executeJob(pi, step);
        }
        UUID decisionId = UUID.fromString(runtimeService.<StringValue>getVariableTyped(pi, DECISION_ID).getValue());
        var decision = decisions.findById(decisionId).orElseThrow();
        assertThat(decision.getApplicationId()).isEqualTo(applicationId);
        assertThat(decision.getAmount()).isEqualTo(GRANTED);
        assertThat(decision.getReasons()).isEqualTo(REASONS_TEXT);
        assertThat(decision.getInvestigator()).isEqualTo("handlaggare1");
        assertThat(decision.getApprover()).isEqualTo("teamledare1");

        var payment = payments.findByDecisionId(decisionId).orElseThrow();
        assertThat(payment.getAmount()).isEqualTo(GRANTED);

        var letter = http.send(http.request("/api/beslut/" + decisionId + "/brev", "handlaggare1").GET().build());
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.body()).startsWith("%PDF");
    }

    private static void assertNoMigrationBanner(TasklistBrowser browser) {
        assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                .as("the Camunda 8 migration banner is hidden").noneMatch(WebElement::isDisplayed);
    }

}
