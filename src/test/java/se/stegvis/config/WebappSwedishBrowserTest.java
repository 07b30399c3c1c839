package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TasklistBrowser;

/**
 * Camunda's webapps in Swedish, in a real browser (Chromium with Swedish as its language): the login page,
 * handläggare1's Tasklist with a task, chef1's Cockpit and admin's Admin, and the welcome page, each under the name
 * Stegvis and without the empty band the hidden vendor banner left under the header. Screenshots in docs/screenshots/.
 */
@StegvisSpringTest
class WebappSwedishBrowserTest {

    static final Path SCREENSHOTS = Path.of("docs", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    TaskService taskService;

    private String taskId;

    @AfterEach
    void removeTask() {
        if (taskId != null) {
            taskService.deleteTask(taskId, true);
        }
    }

    @Test
    void tasklistCockpitAdminAndWelcomeSpeakSwedish() {
        // A task for handläggarna, so that Tasklist shows a task's buttons and tabs.
        Task task = taskService.newTask();
        task.setName("Kontrollera svenska knappar");
        task.setDescription("En uppgift som bara testet skapar.");
        taskService.saveTask(task);
        taskId = task.getId();
        taskService.addCandidateGroup(taskId, StegvisGroups.HANDLAGGARE);

        try (TasklistBrowser browser = new TasklistBrowser(port)) {
            WebDriver driver = browser.driver();

            // The login page
            browser.openLoginPage("tasklist");
            browser.awaitText("Logga in");
            assertThat(driver.findElement(TasklistBrowser.USERNAME).getDomAttribute("placeholder")).isEqualTo("Användarnamn");
            assertThat(driver.findElement(TasklistBrowser.PASSWORD).getDomAttribute("placeholder")).isEqualTo("Lösenord");
            assertThat(driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).getText().trim())
                    .isEqualTo("Logga in");
            browser.screenshot(SCREENSHOTS.resolve("inloggning-svenska.png"));

            // Tasklist as handlaggare1
            browser.login("handlaggare1", "demo");
            browser.awaitText("Starta process").awaitText("Mina gruppers uppgifter");
            assertThat(driver.getTitle()).contains("Stegvis");
            browser.openTaskById(taskId);
            browser.awaitText("Ta uppgiften").awaitText("Sätt uppföljningsdatum").awaitText("Sätt förfallodatum")
                    .awaitText("Lägg till kommentar").awaitText("Formulär").awaitText("Historik")
                    .awaitText("Beskrivning");
            assertNoBandUnderTheHeader(driver, ".page-wrap");
            browser.screenshot(SCREENSHOTS.resolve("tasklist-svenska.png"));
            // A task without a Camunda Form: take it with the button and wait for Tasklist's generic form.
            driver.findElement(By.cssSelector(".task-details button.claim")).click();
            browser.awaitText("Slutför").awaitText("Lägg till en variabel");
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Claim", "Complete", "Set follow-up date");

            // Cockpit as chef1 (the key figures' link stays)
            driver.manage().deleteAllCookies();
            browser.loginTo("cockpit", "chef1", "demo");
            browser.awaitText("Processer").awaitText("Beslut").awaitText("Pågående processinstanser")
                    .awaitText("Öppna incidenter").awaitText("Nyckeltal");
            assertThat(driver.getTitle()).contains("Stegvis");
            assertNoBandUnderTheHeader(driver, ".ctn-main");
            browser.screenshot(SCREENSHOTS.resolve("cockpit-svenska.png"));

            // Admin as admin
            driver.manage().deleteAllCookies();
            browser.loginTo("admin", "admin", "demo");
            browser.awaitText("Användare").awaitText("Grupper").awaitText("Behörigheter").awaitText("System");
            assertNoBandUnderTheHeader(driver, ".ctn-main");
            browser.screenshot(SCREENSHOTS.resolve("admin-svenska.png"));

            // The welcome page of the same session
            driver.get("http://localhost:" + port + "/camunda/app/welcome/default/");
            browser.awaitText("Program");
            assertThat(driver.getTitle()).contains("Stegvis");
            Number padding = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return parseFloat(getComputedStyle(document.body).paddingTop);");
            assertThat(padding.doubleValue()).as("welcome: the body's top offset is the header's 45 px").isEqualTo(45.0);
        }
    }

    /** The content starts right under the header: the 20 px the hidden banner had are gone too. */
    @SuppressWarnings("unchecked")
    private static void assertNoBandUnderTheHeader(WebDriver driver, String content) {
        List<Number> edges = (List<Number>) ((JavascriptExecutor) driver).executeScript(
                "const h = document.querySelector('[cam-widget-header]').getBoundingClientRect();"
                        + "const c = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + "return [h.bottom, c.top];", content);
        assertThat(edges.get(1).doubleValue()).as("top of " + content + " vs. bottom of the header")
                .isCloseTo(edges.get(0).doubleValue(), org.assertj.core.data.Offset.offset(2.0));
    }
}
