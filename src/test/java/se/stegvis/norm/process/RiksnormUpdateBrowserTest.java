package se.stegvis.norm.process;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.norm.process.RiksnormUpdateProcess.*;

import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TasklistBrowser;

/**
 * The process owner's December task, end to end in a real browser: the engine finds no riksnorm for 2031, the task
 * appears in Tasklist for the group processagare, processagare1 claims it, sees the Camunda Form and completes it,
 * and the engine checks the table again.
 */
@StegvisSpringTest
class RiksnormUpdateBrowserTest {

    static final Path SCREENSHOT = Path.of("docs", "screenshots", "tasklist-riksnorm-uppdatering.png");
    static final String TASK_NAME = "Lägg in riksnormen för året";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Test
    void processOwnerCompletesTheMissingNormTaskInTasklist() {
        ProcessInstance pi = runtimeService.createMessageCorrelation(MESSAGE_CHECK_REQUESTED)
                .setVariable(VAR_NORM_YEAR, 2031)
                .correlateStartMessage();
        managementService.executeJob(asyncJobAt(pi, TASK_CHECK_NORM_YEAR).getId());
        Task task = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task).as("user task after the check").isNotNull();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(TASK_ENTER_NORM);
        assertThat(task.getName()).isEqualTo(TASK_NAME);
        assertThat(task.getAssignee()).isNull();

        try (TasklistBrowser browser = new TasklistBrowser(port)) {
            browser.login("processagare1", "demo")
                    .openFilter("Mina gruppers uppgifter")
                    // The group's filter lists the task; then the very instance of this test is opened by id.
                    .openTask(TASK_NAME)
                    .openTaskById(task.getId());
            assertThat(browser.taskName()).isEqualTo(TASK_NAME);

            browser.claim();
            assertThat(browser.formText()).contains("Riksnormen saknas för året");
            assertThat(browser.fieldValue("År som saknas")).isEqualTo("2031");
            assertThat(browser.isReadonly("År som saknas")).isTrue();
            assertThat(browser.driver().findElements(By.cssSelector(".ce-eol-banner")))
                    .as("the Camunda 8 migration banner is hidden").noneMatch(WebElement::isDisplayed);

            browser.check("Jag har lagt in och driftsatt årets belopp");
            browser.screenshot(SCREENSHOT);
            browser.complete();
            browser.logout();
        }

        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isZero();
        HistoricTaskInstance done = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult();
        assertThat(done.getEndTime()).isNotNull();
        assertThat(done.getDeleteReason()).isEqualTo("completed");
        assertThat(done.getAssignee()).isEqualTo("processagare1");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName(VAR_NORM_DEPLOYED).singleResult().getValue()).isEqualTo(true);
        // Back to the engine: the table is checked again, behind its async boundary.
        assertThat(asyncJobAt(pi, TASK_CHECK_NORM_YEAR)).isNotNull();
        assertThat(runtimeService.getActiveActivityIds(pi.getId())).containsExactly(TASK_CHECK_NORM_YEAR);
    }

    private Job asyncJobAt(ProcessInstance pi, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId).singleResult();
        assertThat(job).as("async job at " + activityId).isNotNull();
        return job;
    }
}
