package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.letter.DecisionKind;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TasklistBrowser;

/**
 * The Cockpit plugin "Nyckeltal" in a real browser: chef1 logs into Cockpit, opens Nyckeltal from the header, changes
 * the period, and sees exactly the figures that GET /api/nyckeltal gives for it — in the charts and in the table;
 * downloads the CSV; gets a readable message for a reversed period. Saves docs/screenshots/cockpit-nyckeltal.png.
 */
@StegvisSpringTest
class CockpitKeyFiguresBrowserTest {

    static final Path SCREENSHOT = Path.of("docs", "screenshots", "cockpit-nyckeltal.png");

    private static final By ROOT = By.cssSelector("section.stegvis-nyckeltal");

    @LocalServerPort
    int port;

    @Autowired
    ClientRepository clients;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    DecisionRepository decisions;

    @Autowired
    ObjectMapper json;

    private TasklistBrowser browser;
    private WebDriver driver;

    @BeforeEach
    void grantsInTheFirstHalfOf2025() {
        // Households with assistance: 3 in January growing to 8 in June (each client keeps assistance once granted,
        // apart from one who leaves in April), so the charts have a shape. Other tests add to 2025 too: the
        // assertions compare with what the API says for the same period, never with these counts alone.
        DecisionFixture fixture = new DecisionFixture(clients, applications, decisions);
        List<Client> households = new ArrayList<>();
        int[] householdsPerMonth = {3, 4, 4, 6, 7, 8};
        for (int m = 0; m < householdsPerMonth.length; m++) {
            while (households.size() < householdsPerMonth[m]) {
                households.add(fixture.clientWithAccount());
            }
            YearMonth month = YearMonth.of(2025, m + 1);
            for (int h = 0; h < households.size(); h++) {
                if (h == 1 && month.getMonthValue() == 4) {
                    continue; // out for a month: outflow in April, inflow again in May
                }
                Application application = fixture.application(households.get(h), month);
                fixture.decision(application, DecisionKind.BIFALL, 4000 + 500L * h,
                        month.atDay(5).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
            }
        }
        browser = new TasklistBrowser(port);
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void managerSeesTheApisFiguresInCockpitForTheChosenPeriod() throws Exception {
        loginToCockpit("chef1");
        until("the 'Nyckeltal' link in Cockpit's header",
                d -> d.findElements(By.linkText("Nyckeltal")).stream().filter(WebElement::isDisplayed).findFirst()
                        .orElse(null)).click();
        awaitReady(null);
        // The view opens on the last 12 months; the presets set the month fields.
        LocalDate today = LocalDate.now();
        assertThat(value("#nt-from")).isEqualTo(YearMonth.from(today).minusMonths(11).toString());
        driver.findElement(By.cssSelector("button[data-preset='forra-aret']")).click();
        assertThat(value("#nt-from")).isEqualTo((today.getYear() - 1) + "-01");
        assertThat(value("#nt-to")).isEqualTo((today.getYear() - 1) + "-12");
        awaitReady((today.getYear() - 1) + "-01/" + (today.getYear() - 1) + "-12");

        // The manager chooses January–June 2025.
        choosePeriod("2025-01", "2025-06");
        awaitReady("2025-01/2025-06");

        JsonNode api = json.readTree(new Http(port).get("/api/nyckeltal?from=2025-01&to=2025-06", "chef1").body());
        List<Map<String, Object>> expected = new ArrayList<>();
        for (JsonNode f : api.get("figures")) {
            expected.add(row(f.get("id").asText(), text(f, "month"), text(f, "year"), text(f, "category"),
                    f.get("value").isNull() ? null : f.get("value").asDouble()));
        }
        assertThat(tableRows()).as("every figure of the API, in the table").isEqualTo(expected);

        // Our households are there: at least 3 in January, 8 in June; the chart shows the API's numbers.
        assertThat(apiValue(api, "hushall_per_manad", "2025-01")).isGreaterThanOrEqualTo(3);
        assertThat(apiValue(api, "hushall_per_manad", "2025-06")).isGreaterThanOrEqualTo(8);
        assertThat(apiValue(api, "utflode", "2025-04")).isGreaterThanOrEqualTo(1);
        for (String month : List.of("2025-01", "2025-04", "2025-06")) {
            assertThat(chartValue("hushall_per_manad", "Hushåll", month))
                    .as("households in " + month).isEqualTo(apiValue(api, "hushall_per_manad", month));
            assertThat(chartValue("inflode_utflode", "Utflöde", month))
                    .as("outflow in " + month).isEqualTo(apiValue(api, "utflode", month));
            assertThat(chartValue("andel_av_befolkningen", "Andel av befolkningen", month))
                    .as("share in " + month).isEqualTo(apiValue(api, "andel_av_befolkningen", month));
        }
        // Charts are images with a title for screen readers, and their numbers are also a table.
        WebElement households = chart("hushall_per_manad");
        assertThat(households.findElement(By.cssSelector("svg[role='img'] > title")).getDomProperty("textContent"))
                .isEqualTo("Hushåll och personer med bistånd per månad");
        assertThat(households.findElements(By.cssSelector("svg rect[data-value]"))).hasSizeGreaterThanOrEqualTo(12);
        assertThat(households.findElement(By.cssSelector("details table")).getDomProperty("textContent"))
                .contains("jun 2025");
        assertThat(driver.findElements(By.cssSelector("figure.nt-chart")).stream()
                .map(f -> f.getDomAttribute("data-chart")).toList())
                .contains("andel_av_befolkningen", "hushall_per_manad", "inflode_utflode", "avslut_per_orsak",
                        "stegforflyttning", "andel_arbete_studier", "uppfoljning_i_tid", "tid_till_beslut",
                        "aktivitetskrav_omfattade");

        // The unit filter offers the API's units (when the API has any).
        Select unit = new Select(driver.findElement(By.id("nt-enhet")));
        List<String> units = new ArrayList<>();
        if (api.hasNonNull("enheter")) {
            api.get("enheter").forEach(u -> units.add(u.asText()));
        }
        assertThat(unit.getOptions().stream().map(WebElement::getText).skip(1).toList()).isEqualTo(units);
        if (!units.isEmpty()) {
            unit.selectByVisibleText(units.get(0));
            awaitReady("2025-01/2025-06");
            JsonNode perUnit = json.readTree(new Http(port).get("/api/nyckeltal?from=2025-01&to=2025-06&enhet="
                    + java.net.URLEncoder.encode(units.get(0), java.nio.charset.StandardCharsets.UTF_8), "chef1").body());
            assertThat(chartValue("hushall_per_manad", "Hushåll", "2025-06"))
                    .isEqualTo(apiValue(perUnit, "hushall_per_manad", "2025-06"));
            unit.selectByIndex(0);
            awaitReady("2025-01/2025-06");
        } else {
            assertThat(unit.getWrappedElement().isEnabled()).isFalse();
        }

        // CSV: the same endpoint with Accept text/csv, saved as a file by the browser.
        Path downloads = Files.createTempDirectory("stegvis-nyckeltal-csv-");
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        WebElement csv = driver.findElement(By.cssSelector("a.nt-csv"));
        assertThat(csv.getText()).isEqualTo("Ladda ner CSV");
        csv.click();
        Path file = downloads.resolve("nyckeltal-2025-01-2025-06.csv");
        until("the downloaded file " + file, d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(file.getFileName() + ".crdownload")) ? true : null);
        var apiCsv = new Http(port).send(new Http(port).request("/api/nyckeltal?from=2025-01&to=2025-06", "chef1")
                .header("Accept", "text/csv").GET().build());
        assertThat(Files.readString(file)).isEqualTo(apiCsv.body());

        // A reversed period: the API's message, on the field it names.
        choosePeriod("2025-06", "2025-01");
        until("the error message", d -> "error".equals(root().getDomAttribute("data-state")) ? true : null);
        WebElement error = driver.findElement(By.cssSelector(".nt-error"));
        assertThat(error.getText()).contains("Till månad: Perioden slutar före den börjar");
        assertThat(driver.findElement(By.id("nt-to")).getDomAttribute("aria-invalid")).isEqualTo("true");

        // Back to the first half of 2025 for the picture in README and docs/nyckeltal.md.
        choosePeriod("2025-01", "2025-06");
        awaitReady("2025-01/2025-06");
        assertThat(error.isDisplayed()).isFalse();
        driver.manage().window().setSize(new Dimension(1400, 1500));
        browser.screenshot(SCREENSHOT);
        assertThat(SCREENSHOT).exists();

        // A process owner uses Cockpit too, but may not read the figures: no link for them.
        driver.manage().deleteAllCookies();
        loginToCockpit("processagare1");
        until("Cockpit's header links", d -> d.findElements(By.linkText("Processer")).isEmpty() ? null : true);
        until("the 'Nyckeltal' link to be hidden for processagare1",
                d -> d.findElements(By.linkText("Nyckeltal")).stream().noneMatch(WebElement::isDisplayed) ? true : null);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void loginToCockpit(String user) {
        driver.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
        fillLogin(user);
        until("being logged into Cockpit as " + user, Duration.ofSeconds(60),
                d -> d.findElements(By.cssSelector("li.account > a.dropdown-toggle"))
                        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private void fillLogin(String user) {
        // Cockpit's first load is heavy on a busy machine: give it longer than the other steps.
        WebElement name = until("Cockpit's login form", Duration.ofSeconds(90),
                d -> d.findElements(TasklistBrowser.USERNAME).stream()
                        .filter(WebElement::isDisplayed).findFirst().orElse(null));
        WebElement password = driver.findElement(TasklistBrowser.PASSWORD);
        name.clear();
        name.sendKeys(user);
        password.clear();
        password.sendKeys("demo");
        // Never submit a half-typed password: a failed login delays the user's next ones (Camunda's login throttling).
        until("the login form to hold " + user + "'s credentials", d -> user.equals(name.getDomProperty("value"))
                && "demo".equals(password.getDomProperty("value")) ? true : null);
        driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    }

    /** Month inputs are typed by the browser's locale; set them as a date picker would, then press "Visa". */
    private void choosePeriod(String from, String to) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[2]; arguments[1].value = arguments[3];"
                        + "arguments[0].dispatchEvent(new Event('change')); arguments[1].dispatchEvent(new Event('change'));",
                driver.findElement(By.id("nt-from")), driver.findElement(By.id("nt-to")), from, to);
        driver.findElement(By.cssSelector("button.nt-show")).click();
    }

    private void awaitReady(String period) {
        until("the key figures" + (period == null ? "" : " for " + period), d -> {
            WebElement root = root();
            if (root == null) {
                return null;
            }
            if ("error".equals(root.getDomAttribute("data-state"))) {
                throw new AssertionError("Nyckeltal showed an error: " + d.findElement(By.cssSelector(".nt-error")).getText());
            }
            return "ready".equals(root.getDomAttribute("data-state"))
                    && (period == null || period.equals(root.getDomAttribute("data-period"))) ? true : null;
        });
    }

    private WebElement root() {
        return driver.findElements(ROOT).stream().findFirst().orElse(null);
    }

    private String value(String css) {
        return driver.findElement(By.cssSelector(css)).getDomProperty("value");
    }

    private WebElement chart(String id) {
        return driver.findElement(By.cssSelector("figure.nt-chart[data-chart='" + id + "']"));
    }

    private Double chartValue(String chart, String series, String month) {
        String v = chart(chart).findElement(By.cssSelector("td[data-series='" + series + "'][data-x='" + month + "']"))
                .getDomAttribute("data-value");
        return v == null ? null : Double.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tableRows() {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('table.nt-figures tbody tr')).map(tr => ({"
                        + "id: tr.dataset.id, month: tr.dataset.month ?? null, year: tr.dataset.year ?? null,"
                        + "category: tr.dataset.category ?? null,"
                        + "value: tr.querySelector('td.nt-value-cell').dataset.value ?? null}));");
        return rows.stream().map(r -> row((String) r.get("id"), (String) r.get("month"), (String) r.get("year"),
                (String) r.get("category"), r.get("value") == null ? null : Double.valueOf((String) r.get("value"))))
                .toList();
    }

    private static Map<String, Object> row(String id, String month, String year, String category, Double value) {
        var row = new java.util.LinkedHashMap<String, Object>();
        row.put("id", id);
        row.put("month", month);
        row.put("year", year);
        row.put("category", category);
        row.put("value", value);
        return row;
    }

    private static String text(JsonNode figure, String field) {
        JsonNode node = figure.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Double apiValue(JsonNode api, String id, String month) {
        for (JsonNode f : api.get("figures")) {
            if (id.equals(f.get("id").asText()) && month.equals(text(f, "month")) && text(f, "category") == null) {
                return f.get("value").isNull() ? null : f.get("value").asDouble();
            }
        }
        throw new AssertionError("no figure " + id + " for " + month + " in the API's answer");
    }

    private <T> T until(String what, Function<WebDriver, T> condition) {
        return until(what, Duration.ofSeconds(20), condition);
    }

    private <T> T until(String what, Duration timeout, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
        } catch (TimeoutException e) {
            Path shot = browser.screenshot(TasklistBrowser.FAILURE_SCREENSHOTS.resolve(
                    Instant.now().toEpochMilli() + "-cockpit-nyckeltal.png"));
            throw new AssertionError("Cockpit: waited for " + what + " at " + driver.getCurrentUrl()
                    + "\n  screenshot: " + shot.toAbsolutePath(), e);
        }
    }
}
