package se.stegvis.migration.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TasklistBrowser;

/**
 * Cockpit → Migrera instanser as processagare1: an application waits in "Utred ansökan" on the deployed version, a new
 * version renames that task; the page lists the older version, its plan shows the task under "Mappas inte", the
 * process owner maps it onto "Granska ansökan", validates and migrates; the batch moves the instance.
 */
@StegvisSpringTest
class MigrationCockpitBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    private String deploymentId;
    private String processInstanceId;

    @AfterEach
    void removeVersion2() {
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
        if (processInstanceId != null
                && runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
            runtime.deleteProcessInstance(processInstanceId, "migreringstest");
        }
        ApplicationScenario.resetClock();
    }

    @Test
    void aProcessOwnerMapsTheRenamedTaskAndMigrates() throws Exception {
        ApplicationScenario.inNovember2025();
        processInstanceId = new ApplicationScenario(context, port).familyReadyForInvestigation(4712).processInstanceId();
        String bpmn = Files.readString(Path.of("processes/ekonomiskt-bistand.bpmn"))
                .replace(EkonomisktBistandProcess.TASK_INVESTIGATE, MigrationApiTest.RENAMED)
                .replace("name=\"Utred ansökan\"", "name=\"Granska ansökan\"")
                .replace("camunda:versionTag=\"1.0\"", "camunda:versionTag=\"2.0\"");
        deploymentId = repository.createDeployment().name("migreringstest")
                .addString("ekonomiskt-bistand.bpmn", bpmn).deploy().getId();

        try (TasklistBrowser browser = new TasklistBrowser(port)) {
            WebDriver driver = browser.driver();
            browser.loginTo("cockpit", "processagare1", "demo");
            browser.awaitText("Migrera instanser");
            driver.findElement(By.linkText("Migrera instanser")).click();
            WebDriverWait slow = new WebDriverWait(driver, Duration.ofSeconds(90));
            WebElement row = slow.until(d -> d.findElements(By.cssSelector(".stegvis-migrering-oversikt tr[data-process='"
                    + EkonomisktBistandProcess.PROCESS_KEY + "']")).stream().filter(WebElement::isDisplayed)
                    .filter(r -> r.getText().contains("(2.0)")).findFirst().orElse(null));
            assertThat(row.getText()).contains("(1.0)", "(2.0)");
            row.findElement(By.cssSelector("button.stegvis-visa-plan")).click();

            WebElement unmapped = slow.until(d -> d.findElements(By.cssSelector(".stegvis-migrering-mappas-inte tr[data-activity='"
                    + EkonomisktBistandProcess.TASK_INVESTIGATE + "']")).stream().filter(WebElement::isDisplayed)
                    .filter(r -> !r.getText().isBlank()).findFirst().orElse(null));
            assertThat(unmapped.getText()).contains("Utred ansökan");
            assertThat(driver.findElements(By.cssSelector("button.stegvis-migrera")).stream().filter(WebElement::isDisplayed)
                    .findFirst().orElseThrow().isEnabled()).isFalse();
            new Select(unmapped.findElement(By.cssSelector("select")))
                    .selectByValue(MigrationApiTest.RENAMED);
            displayed(driver, "button.stegvis-validera").click();
            slow.until(d -> d.findElements(By.cssSelector(".stegvis-migrering-giltig")).stream()
                    .anyMatch(WebElement::isDisplayed) ? true : null);
            assertThat(displayed(driver, ".stegvis-migrering-mappas").getText()).contains("Granska ansökan");
            browser.screenshot(Path.of("docs", "screenshots", "cockpit-migrera-instanser.png"));

            displayed(driver, "button.stegvis-migrera").click();
            WebElement started = slow.until(d -> d.findElements(By.cssSelector(".stegvis-migrering-startad")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(started.getText()).contains("batch");
        }
        // The batch runs with the job executor; run it here as the executor would.
        var management = context.getBean(org.camunda.bpm.engine.ManagementService.class);
        var batch = management.createBatchQuery().list().stream()
                .filter(b -> b.getType().equals("instance-migration")).reduce((a, b) -> b).orElseThrow();
        management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getTaskDefinitionKey())
                .isEqualTo(MigrationApiTest.RENAMED);
    }

    private static WebElement displayed(WebDriver driver, String css) {
        return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    }
}
