package se.stegvis.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drives Camunda Tasklist 7.24 in Debian's headless Chromium, as a caseworker would: log in, pick a filter, open a
 * task, claim it, fill in its Camunda Form (form-js) and complete it.
 *
 * <p>Every step waits explicitly (WebDriverWait) for the state it leads to. When a wait times out, the test fails
 * with what was awaited, the page's URL, Tasklist's notifications and a screenshot under
 * {@code target/e2e-screenshots/}. The browser is taken from {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}; Selenium Manager is never asked to download anything. Without them, the
 * constructor fails (it does not skip): install with {@code apt-get install -y chromium chromium-driver}.
 */
public final class TasklistBrowser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path FAILURE_SCREENSHOTS = Path.of("target", "e2e-screenshots");

    /** Flags from docs (stack-notes): without the networking ones Chromium stalls on a closed network. */
    static final List<String> CHROMIUM_FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration FIRST_LOAD = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(100);

    // Tasklist 7.24 markup (camunda-tasklist-bootstrap.js templates); the texts are Stegvis' Swedish (locales/sv.json)
    /** The login form's user name field (placeholder "Användarnamn"), in every webapp. */
    public static final By USERNAME = By.cssSelector("form[name='signinForm'] input[type='text']");
    /** The login form's password field (placeholder "Lösenord"), in every webapp. */
    public static final By PASSWORD = By.cssSelector("form[name='signinForm'] input[type='password']");
    /** Tasklist's "Complete" button in Swedish (locales/sv.json, COMPLETE). */
    static final String COMPLETE_TEXT = "Slutför";
    private static final By LOGIN_BUTTON = By.cssSelector("form[name='signinForm'] button[type='submit']");
    private static final By ACCOUNT_MENU = By.cssSelector("li.account > a.dropdown-toggle");
    private static final By LOGOUT_LINK = By.cssSelector("li.account li.logout > a");
    private static final By FILTER_LINKS = By.cssSelector(".task-filters .task-filter h4.name > a");
    private static final By ACTIVE_FILTER = By.cssSelector(".task-filters .task-filter.active h4.name > a");
    private static final By TASK_LINKS = By.cssSelector("ol.tasks-list li.task h4.task > a");
    private static final By TASK_CARD_NAME = By.cssSelector(".task-details section.task-card h2.task");
    private static final By NO_TASK = By.cssSelector(".task-details .no-task");
    private static final By CLAIM_BUTTON = By.cssSelector(".task-details button.claim");
    private static final By ASSIGNEE = By.cssSelector(".task-details li.assignee");
    private static final By FORM_FIELDS = By.cssSelector(".task-details .fjs-form-field");
    private static final By FORM = By.cssSelector(".task-details .fjs-form");
    private static final By COMPLETE_BUTTON = By.cssSelector(".task-details .form-actions button.btn-primary");
    private static final By NOTIFICATIONS = By.cssSelector(".notifications .alert");
    private static final By ERROR_NOTIFICATIONS =
            By.cssSelector(".notifications .alert.alert-danger, .notifications .alert.alert-error");

    private final String baseUrl;
    private final String tasklistUrl;
    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** Starts a fresh headless Chromium (own temporary profile) for the application on that port. */
    public TasklistBrowser(int port) {
        requireInstalled();
        this.baseUrl = "http://localhost:" + port;
        this.tasklistUrl = baseUrl + "/camunda/app/tasklist/default/";
        try {
            this.profile = Files.createTempDirectory("stegvis-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(CHROMIUM_FLAGS);
        // Swedish as the browser's first language (navigator.languages), as on the office's computers: headless
        // Chromium ignores --lang, so the accept-languages preference and --accept-lang say it too. Camunda's webapps
        // pick their locale from it (English only for a browser whose first language is English).
        options.addArguments("--user-data-dir=" + profile, "--window-size=1400,1000", "--lang=sv-SE",
                "--accept-lang=sv-SE,sv");
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "sv-SE,sv"));
        // The driver path is given, so Selenium Manager is not consulted.
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        try {
            this.driver = new ChromeDriver(service, options);
        } catch (WebDriverException e) {
            service.stop();
            deleteProfile();
            throw new IllegalStateException("Chromium did not start with " + CHROMIUM + " and " + CHROMEDRIVER, e);
        }
        driver.manage().window().setSize(new Dimension(1400, 1000));
        this.wait = new WebDriverWait(driver, TIMEOUT, POLL);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Fails (never skips) when the browser is missing: CI installs it, a developer machine must too. */
    static void requireInstalled() {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " is missing: the browser tests need Debian's Chromium. "
                        + "Install it with: apt-get install -y chromium chromium-driver");
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    // ---------------------------------------------------------------------------------------------------- steps

    /** Opens Tasklist, logs in; waits until the user's menu is in the header and the filters are listed. */
    public TasklistBrowser login(String user, String password) {
        driver.get(tasklistUrl);
        WebElement name = until("the login form (user name field)", visible(USERNAME));
        fillLoginForm(name, user, password);
        driver.findElement(LOGIN_BUTTON).click();
        until("being logged in as " + user + " (user menu in the header)", visible(ACCOUNT_MENU));
        until("the list of filters", visible(FILTER_LINKS));
        return this;
    }

    /**
     * Opens another of Camunda's webapps ({@code cockpit}, {@code admin}, {@code welcome}) in this browser and logs in
     * there; waits until the user's menu is in the header.
     */
    public TasklistBrowser loginTo(String app, String user, String password) {
        WebElement name = openLoginPage(app);
        fillLoginForm(name, user, password);
        driver.findElement(LOGIN_BUTTON).click();
        try {
            new WebDriverWait(driver, FIRST_LOAD, POLL).ignoring(StaleElementReferenceException.class)
                    .until(d -> visible(ACCOUNT_MENU).apply(d));
        } catch (TimeoutException e) {
            throw failure("being logged into " + app + " as " + user + " (user menu in the header)", e);
        }
        return this;
    }

    /**
     * Opens a webapp's page and waits until its login form is shown; returns the user name field. An app's first
     * load (Cockpit's above all) is heavy on a busy machine: it gets longer than the other steps.
     */
    public WebElement openLoginPage(String app) {
        driver.get(baseUrl + "/camunda/app/" + app + "/default/");
        try {
            return new WebDriverWait(driver, FIRST_LOAD, POLL).ignoring(StaleElementReferenceException.class)
                    .until(d -> visible(USERNAME).apply(d));
        } catch (TimeoutException e) {
            throw failure(app + "'s login form", e);
        }
    }

    /** Waits until the page shows this text somewhere (e.g. a translated label once the locale has loaded). */
    public TasklistBrowser awaitText(String text) {
        until("the text '" + text + "' on the page",
                d -> d.findElement(By.tagName("body")).getText().contains(text) ? true : null);
        return this;
    }

    /** Selects a filter by its name; waits until it is the active one. */
    public TasklistBrowser openFilter(String filterName) {
        WebElement link = until(() -> "filter '" + filterName + "' in " + texts(FILTER_LINKS),
                d -> d.findElements(FILTER_LINKS).stream().filter(a -> filterName.equals(filterName(a)))
                        .findFirst().orElse(null));
        link.click();
        until("filter '" + filterName + "' to be the active one",
                d -> d.findElements(ACTIVE_FILTER).stream().anyMatch(a -> filterName.equals(filterName(a))) ? true : null);
        return this;
    }

    /**
     * Opens the first task of that name in the current filter's list; waits until its card is shown. When several
     * tasks share a name, prefer {@link #openTaskById(String)}.
     */
    public TasklistBrowser openTask(String taskName) {
        WebElement link = until("task '" + taskName + "' in the task list",
                d -> d.findElements(TASK_LINKS).stream().filter(a -> taskName.equals(a.getText().trim()))
                        .findFirst().orElse(null));
        link.click();
        awaitTaskCard(taskName);
        return this;
    }

    /**
     * Opens a task directly by id: Tasklist's own task links are {@code #/?task=<id>}; the current filter and
     * sorting are kept in the route, since without them Tasklist rewrites the route and drops the task parameter.
     * Waits until the route names that task and a task card is shown. The robust way when other tests leave tasks
     * of the same name behind.
     */
    public TasklistBrowser openTaskById(String taskId) {
        String current = driver.getCurrentUrl();
        int q = current.indexOf("#/?");
        String keep = q < 0 ? "" : current.substring(q + 3).replaceAll("(^|&)task=[^&]*", "").replaceAll("^&", "");
        driver.get(tasklistUrl + "#/?" + (keep.isEmpty() ? "" : keep + "&") + "task=" + taskId);
        until("the card of task " + taskId + " (route with task=" + taskId + ")",
                d -> d.getCurrentUrl().contains("task=" + taskId) && isShown(d, TASK_CARD_NAME) ? true : null);
        return this;
    }

    /** The name in the open task's card. */
    public String taskName() {
        return until("an open task", visible(TASK_CARD_NAME)).getText().trim();
    }

    /** Claims the open task; waits until the assignee is shown and the form can be worked on. */
    public TasklistBrowser claim() {
        until("the 'Claim' button", clickable(CLAIM_BUTTON)).click();
        until("the task to be claimed (assignee shown, no 'Claim' button)",
                d -> d.findElements(CLAIM_BUTTON).isEmpty() && !d.findElements(ASSIGNEE).isEmpty() ? true : null);
        awaitForm();
        return this;
    }

    /** Waits until the task's Camunda Form is rendered (form-js fields present). */
    public TasklistBrowser awaitForm() {
        until("the Camunda Form (.fjs-form-field) of the open task", visible(FORM_FIELDS));
        return this;
    }

    /** All text of the rendered form. */
    public String formText() {
        return until("the Camunda Form of the open task", visible(FORM)).getText();
    }

    /** The current value of a form-js input (number, text or textarea) found by its label. */
    public String fieldValue(String label) {
        return input(label, "input, textarea").getDomProperty("value");
    }

    /** Whether a form-js input is read-only (form-js renders {@code readonly} as the readonly attribute). */
    public boolean isReadonly(String label) {
        WebElement input = input(label, "input, textarea");
        return input.getDomAttribute("readonly") != null || input.getDomAttribute("disabled") != null;
    }

    public TasklistBrowser fillNumber(String label, String value) {
        return type(label, "input", value);
    }

    public TasklistBrowser fillText(String label, String value) {
        return type(label, "input", value);
    }

    public TasklistBrowser fillTextarea(String label, String value) {
        return type(label, "textarea", value);
    }

    /** Ticks a form-js checkbox (the label wraps the input); waits until it is checked. */
    public TasklistBrowser check(String label) {
        WebElement box = input(label, "input[type='checkbox']");
        if (!box.isSelected()) {
            click(box);
        }
        until("checkbox '" + label + "' to be checked", d -> box.isSelected() ? true : null);
        return this;
    }

    /**
     * Chooses an option of a form-js select (a custom dropdown, not a native select): opens it on its input group,
     * picks the item with that label, waits until the field shows it.
     */
    public TasklistBrowser selectOption(String label, String optionLabel) {
        WebElement field = field(label);
        WebElement group = until("the dropdown of select '" + label + "'",
                d -> field.findElements(By.cssSelector(".fjs-input-group")).stream().findFirst().orElse(null));
        click(group);
        WebElement item = until("option '" + optionLabel + "' in select '" + label + "'",
                d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                        .filter(i -> optionLabel.equals(i.getText().trim())).findFirst().orElse(null));
        item.click();
        until("select '" + label + "' to show '" + optionLabel + "'", d -> optionLabel.equals(selectedText(label)) ? true : null);
        return this;
    }

    /**
     * Chooses the option of a form-js select whose label starts with {@code prefix} (e.g. a provider whose free
     * places are part of the label); returns the whole label chosen.
     */
    public String selectOptionStartingWith(String label, String prefix) {
        WebElement field = field(label);
        WebElement group = until("the dropdown of select '" + label + "'",
                d -> field.findElements(By.cssSelector(".fjs-input-group")).stream().findFirst().orElse(null));
        click(group);
        WebElement item = until("an option starting with '" + prefix + "' in select '" + label + "'",
                d -> field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                        .filter(i -> i.getText().trim().startsWith(prefix)).findFirst().orElse(null));
        String chosen = item.getText().trim();
        item.click();
        until("select '" + label + "' to show '" + chosen + "'", d -> chosen.equals(selectedText(label)) ? true : null);
        return chosen;
    }

    /** The label a form-js select shows now (its placeholder "Select" when nothing is chosen). */
    public String selectedText(String label) {
        return field(label).findElements(By.cssSelector(".fjs-select-display")).stream().findFirst()
                .map(e -> e.getText().trim()).orElse(null);
    }

    /**
     * Types a day into a form-js date field (flatpickr with typed input), in the format its placeholder shows for
     * the browser's locale (e.g. yyyy-mm-dd or mm/dd/yyyy), then leaves the field so that form-js takes it.
     */
    public TasklistBrowser fillDate(String label, java.time.LocalDate day) {
        WebElement input = input(label, "input.fjs-input");
        String pattern = input.getDomAttribute("placeholder");
        String text = (pattern == null || pattern.isBlank() ? "yyyy-mm-dd" : pattern.toLowerCase())
                .replace("yyyy", String.format("%04d", day.getYear()))
                .replace("mm", String.format("%02d", day.getMonthValue()))
                .replace("dd", String.format("%02d", day.getDayOfMonth()));
        click(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        // form-js shows the day again in its own short form (e.g. 11/3/2025): compare the numbers, not the text.
        List<Integer> expected = dateNumbers(text);
        until("date field '" + label + "' to hold " + day + " (typed '" + text + "')",
                d -> expected.equals(dateNumbers(input.getDomProperty("value"))) ? true : null);
        return this;
    }

    private static List<Integer> dateNumbers(String value) {
        if (value == null) {
            return List.of();
        }
        return java.util.Arrays.stream(value.split("\\D+")).filter(p -> !p.isEmpty()).map(Integer::valueOf).toList();
    }

    /** Ticks one option of a form-js checklist (the option's label wraps its checkbox). */
    public TasklistBrowser checkOption(String checklistLabel, String optionLabel) {
        WebElement field = field(checklistLabel);
        WebElement box = until("option '" + optionLabel + "' in checklist '" + checklistLabel + "'",
                d -> field.findElements(By.cssSelector("label")).stream()
                        .filter(l -> optionLabel.equals(l.getText().trim()))
                        .flatMap(l -> l.findElements(By.cssSelector("input[type='checkbox']")).stream())
                        .findFirst().orElse(null));
        if (!box.isSelected()) {
            click(box);
        }
        until("option '" + optionLabel + "' to be checked", d -> box.isSelected() ? true : null);
        return this;
    }

    /**
     * Chooses an option of a form-js radio group: the group's label, then the option's label (which wraps the
     * radio input); waits until the option is selected.
     */
    public TasklistBrowser chooseRadio(String groupLabel, String optionLabel) {
        WebElement field = field(groupLabel);
        WebElement radio = until("option '" + optionLabel + "' in radio group '" + groupLabel + "'",
                d -> field.findElements(By.cssSelector("label")).stream()
                        .filter(l -> optionLabel.equals(l.getText().trim()))
                        .flatMap(l -> l.findElements(By.cssSelector("input[type='radio']")).stream())
                        .findFirst().orElse(null));
        click(radio);
        until("option '" + optionLabel + "' to be selected", d -> radio.isSelected() ? true : null);
        return this;
    }

    /**
     * Clicks "Complete"; waits until Tasklist has let go of the task (card gone) and fails with Tasklist's message
     * when it reports an error, or with the form's validation message when the form is not valid.
     */
    public TasklistBrowser complete() {
        WebElement button = until("the 'Slutför' (Complete) button to be enabled", clickable(COMPLETE_BUTTON));
        if (!COMPLETE_TEXT.equals(button.getText().trim())) {
            throw failure("the '" + COMPLETE_TEXT + "' button, found '" + button.getText() + "'", null);
        }
        click(button);
        until("the task to be completed (task card gone)", d -> {
            Optional<String> error = d.findElements(NOTIFICATIONS).stream()
                    .filter(n -> n.getDomAttribute("class").contains("alert-danger")
                            || n.getDomAttribute("class").contains("alert-error"))
                    .map(WebElement::getText).findFirst();
            if (error.isPresent()) {
                throw failure("completing the task; Tasklist said: " + error.get(), null);
            }
            return d.findElements(TASK_CARD_NAME).isEmpty() || isShown(d, NO_TASK) ? true : null;
        });
        return this;
    }

    /**
     * Clicks "Complete" when the engine is expected to refuse it (e.g. a task listener's validation): waits for
     * Tasklist's error notification, returns its text, closes the notification and checks that the task is still
     * open. Fails when the task is completed instead.
     */
    public String completeExpectingError() {
        WebElement button = until("the 'Complete' button to be enabled", clickable(COMPLETE_BUTTON));
        click(button);
        String message = until("Tasklist's error notification after 'Complete'", d -> {
            Optional<String> error = d.findElements(ERROR_NOTIFICATIONS).stream().filter(WebElement::isDisplayed)
                    .map(WebElement::getText).filter(t -> !t.isBlank()).findFirst();
            if (error.isEmpty() && (d.findElements(TASK_CARD_NAME).isEmpty() || isShown(d, NO_TASK))) {
                throw failure("an error notification, but the task was completed", null);
            }
            return error.orElse(null);
        });
        // Close it, so that a later complete() does not take this old message for a new one.
        until("the error notification to be closed", d -> {
            List<WebElement> errors = d.findElements(ERROR_NOTIFICATIONS);
            if (errors.isEmpty()) {
                return true;
            }
            errors.stream().flatMap(n -> n.findElements(By.cssSelector(".close")).stream())
                    .filter(WebElement::isDisplayed).forEach(WebElement::click);
            return null;
        });
        until("the task card to stay open after the refusal", visible(TASK_CARD_NAME));
        return message.trim();
    }

    /** The label of the selected option of a form-js radio group, or null when none is selected. */
    public String selectedOption(String groupLabel) {
        WebElement field = field(groupLabel);
        return field.findElements(By.cssSelector("label")).stream()
                .filter(l -> l.findElements(By.cssSelector("input[type='radio']")).stream().anyMatch(WebElement::isSelected))
                .map(l -> l.getText().trim()).findFirst().orElse(null);
    }

    /** Whether a form-js field with that label is rendered now (form-js leaves hidden conditional fields out). */
    public boolean hasField(String label) {
        return driver.findElements(FORM_FIELDS).stream()
                .anyMatch(f -> f.isDisplayed() && f.findElements(By.cssSelector("label")).stream().findFirst()
                        .map(l -> label.equals(labelText(l))).orElse(false));
    }

    /** Logs out through the user menu; waits until the login form is back. */
    public TasklistBrowser logout() {
        until("the user menu", clickable(ACCOUNT_MENU)).click();
        until("'Log out' in the user menu", clickable(LOGOUT_LINK)).click();
        until("the login form after logging out", visible(USERNAME));
        // Tasklist shows its login form before the server has answered the logout; a page loaded before that answer
        // would still find the session. Wait until the server knows no user in this session.
        until("the server to end the session after logging out", d -> {
            Object status = ((JavascriptExecutor) d).executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + " fetch('/camunda/api/admin/auth/user/default', {credentials: 'same-origin'})"
                    + ".then(function (r) { done(r.status); }).catch(function () { done(-1); });");
            return status instanceof Number n && n.intValue() != 200 && n.intValue() != -1 ? true : null;
        });
        return this;
    }

    /** Saves a PNG of the browser window. */
    public Path screenshot(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteProfile();
        }
    }

    // -------------------------------------------------------------------------------------------------- helpers

    /**
     * Scrolls the element to the middle of its scrolling container first: Tasklist's fixed footer covers the bottom
     * of the task pane, and a click there lands on the footer ("element click intercepted").
     */
    private void click(WebElement element) {
        scrollToCenter(element);
        element.click();
    }

    /** Scrolls the task pane so that this form field is in the middle of the window (e.g. before a screenshot). */
    public TasklistBrowser scrollTo(String label) {
        scrollToCenter(field(label));
        return this;
    }

    private void scrollToCenter(WebElement element) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'});", element);
    }

    private void awaitTaskCard(String taskName) {
        until("the card of task '" + taskName + "'",
                d -> d.findElements(TASK_CARD_NAME).stream()
                        .anyMatch(h -> h.isDisplayed() && taskName.equals(h.getText().trim())) ? true : null);
    }

    private TasklistBrowser type(String label, String kind, String value) {
        for (int attempt = 1; ; attempt++) {
            WebElement input = input(label, kind);
            click(input);
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(value);
            // A rendering of the form while the keys went in (after a choice just before) replaces the field and
            // drops what was typed: then type again into the field as shown now, up to three times.
            if (attempt < 3 && !typedWithin(input, value, Duration.ofSeconds(5))) {
                continue;
            }
            until("field '" + label + "' to hold '" + value + "'",
                    d -> value.equals(input.getDomProperty("value")) ? true : null);
            leave(input);
            // form-js may render the field anew when it takes a value (this one's or one typed just before): the field
            // as shown now must hold it. Typed again when the new rendering lost it (a human types slower than form-js
            // takes values; the driver does not).
            if (attempt == 3 || holds(label, kind, value)) {
                until("field '" + label + "' to hold '" + value + "' after leaving it",
                        d -> value.equals(input(label, kind).getDomProperty("value")) ? true : null);
                return this;
            }
        }
    }

    /**
     * Types the credentials into the login form and waits until both fields hold them. The login page moves the focus to
     * the user name field once it has loaded; when that happens while the password is typed, the keys land in the user
     * name ("handlaggare1demo", seen in CI): then both are typed again, up to three times.
     */
    private void fillLoginForm(WebElement name, String user, String password) {
        WebElement pw = driver.findElement(PASSWORD);
        for (int attempt = 1; ; attempt++) {
            name.clear();
            name.sendKeys(user);
            pw.clear();
            pw.sendKeys(password);
            if (attempt == 3 || (typedWithin(name, user, Duration.ofSeconds(2)) && typedWithin(pw, password,
                    Duration.ofSeconds(2)))) {
                break;
            }
        }
        until("the login form to hold " + user + "'s credentials",
                d -> user.equals(name.getDomProperty("value")) && password.equals(pw.getDomProperty("value")) ? true : null);
    }

    /** Whether the field took the typed value within {@code time} (false when it was replaced meanwhile). */
    private boolean typedWithin(WebElement input, String value, Duration time) {
        try {
            new WebDriverWait(driver, time).until(d -> value.equals(input.getDomProperty("value")));
            return true;
        } catch (TimeoutException | StaleElementReferenceException e) {
            return false;
        }
    }

    /**
     * Leaves a field as a user does: form-js takes a typed value into the form's data only 300 ms after the last key
     * (debounced) or at once when the field loses focus. Blurs it, then lets the page render what followed.
     */
    private void leave(WebElement input) {
        ((JavascriptExecutor) driver).executeAsyncScript("var el = arguments[0], done = arguments[arguments.length - 1];"
                + " el.blur(); setTimeout(function () { requestAnimationFrame(function () { setTimeout(done, 0); }); }, 0);",
                input);
    }

    private boolean holds(String label, String kind, String value) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(2), POLL).ignoring(StaleElementReferenceException.class)
                    .until(d -> value.equals(input(label, kind).getDomProperty("value")));
        } catch (TimeoutException e) {
            return false;
        }
    }

    /**
     * The form-js field (.fjs-form-field) whose first label reads exactly so. The page is asked in one script for the
     * first field whose label's rendered text matches, and that field's label is then checked as before (Selenium's
     * text of it); only when the script finds none that passes are all fields read one by one, as the wait's
     * condition. Reading every field's label over WebDriver costs two round trips per field and poll, and the forms
     * have up to twenty fields.
     */
    private WebElement field(String label) {
        return until(() -> "form field labelled '" + label + "' in " + texts(FORM_FIELDS), d -> {
            WebElement quick = fieldByScript(label);
            if (quick != null && quick.findElements(By.cssSelector("label")).stream().findFirst()
                    .map(l -> label.equals(labelText(l))).orElse(false)) {
                return quick;
            }
            return d.findElements(FORM_FIELDS).stream()
                    .filter(f -> f.findElements(By.cssSelector("label")).stream().findFirst()
                            .map(l -> label.equals(labelText(l))).orElse(false))
                    .findFirst().orElse(null);
        });
    }

    /** The search of {@link #field(String)} in the page: rendered label text, the " *" of required fields dropped. */
    private static final String FIELD_BY_LABEL = """
            var fields = document.querySelectorAll(arguments[0]);
            for (var i = 0; i < fields.length; i++) {
              var l = fields[i].querySelector('label');
              if (!l || l.getClientRects().length === 0) continue;
              var t = l.innerText.replace(/\\s+/g, ' ').trim();
              if (t.endsWith('*')) t = t.substring(0, t.length - 1).trim();
              if (t === arguments[1]) return fields[i];
            }
            return null;""";

    private WebElement fieldByScript(String label) {
        Object found = ((JavascriptExecutor) driver).executeScript(FIELD_BY_LABEL, ".task-details .fjs-form-field", label);
        return found instanceof WebElement e ? e : null;
    }

    private WebElement input(String label, String css) {
        WebElement field = field(label);
        return until("an input (" + css + ") in field '" + label + "'",
                d -> field.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** form-js appends " *" to required fields' labels; the caller names the label as written in the form. */
    private static String labelText(WebElement label) {
        String t = label.getText().trim();
        return t.endsWith("*") ? t.substring(0, t.length() - 1).trim() : t;
    }

    /** A filter's link also holds the task counter when active ("Mina uppgifter 3"). */
    private static String filterName(WebElement link) {
        String text = link.getText().trim();
        List<WebElement> counters = link.findElements(By.cssSelector(".counter"));
        if (!counters.isEmpty()) {
            String counter = counters.get(0).getText().trim();
            if (!counter.isEmpty() && text.endsWith(counter)) {
                text = text.substring(0, text.length() - counter.length()).trim();
            }
        }
        return text;
    }

    private boolean isShown(WebDriver d, By by) {
        return d.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    private Function<WebDriver, WebElement> visible(By by) {
        return d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
    }

    private Function<WebDriver, WebElement> clickable(By by) {
        return d -> d.findElements(by).stream().filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null);
    }

    private String texts(By by) {
        try {
            return driver.findElements(by).stream().map(e -> "'" + e.getText().trim().replace('\n', ' ') + "'")
                    .collect(Collectors.joining(", ", "[", "]"));
        } catch (WebDriverException e) {
            return "[?]";
        }
    }

    /** Waits for the condition; on time-out fails with a message and a screenshot. */
    private <T> T until(String what, Function<WebDriver, T> condition) {
        return until(() -> what, condition);
    }

    /**
     * The same, with a message read from the page only when the wait fails (e.g. the texts of all the fields): made
     * before every wait, it cost a WebDriver round trip per field even when the wait succeeded at once.
     */
    private <T> T until(Supplier<String> what, Function<WebDriver, T> condition) {
        try {
            return wait.until(condition::apply);
        } catch (TimeoutException e) {
            throw failure(what.get(), e);
        }
    }

    private AssertionError failure(String what, Throwable cause) {
        String shot;
        try {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            String slug = what.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-|-$)", "");
            shot = screenshot(FAILURE_SCREENSHOTS.resolve(stamp + "-" + slug.substring(0, Math.min(60, slug.length()))
                    + ".png")).toAbsolutePath().toString();
        } catch (RuntimeException e) {
            shot = "(no screenshot: " + e.getMessage() + ")";
        }
        String url;
        String notes;
        try {
            url = driver.getCurrentUrl();
            notes = texts(NOTIFICATIONS);
        } catch (WebDriverException e) {
            url = "?";
            notes = "?";
        }
        AssertionError error = new AssertionError("Tasklist: waited " + TIMEOUT.toSeconds() + " s for " + what
                + "\n  at " + url + "\n  notifications: " + notes + "\n  screenshot: " + shot);
        if (cause != null) {
            error.initCause(cause);
        }
        return error;
    }

    private void deleteProfile() {
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
