package se.stegvis.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.client.domain.Client;
import se.stegvis.journey.domain.ExitFollowUpRepository;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.domain.MappingRepository;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.domain.Step;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.placement.domain.AttendanceRepository;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementProviderRepository;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.placement.process.PlacementProcess;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TasklistBrowser;

/**
 * The whole client journey in a real browser: coach1 carries a client through Tasklist with the Swedish forms —
 * Kartläggning, Upprätta individuell planering, Matcha mot arbetsgivare/utbildning, Rapportera närvaro,
 * Halvtidsuppföljning, Uppföljningssamtal with a step assessment, Avsluta insats with the outcome Arbete, which ends
 * the journey by itself (the exit takes the placement's outcome and end date) — and, six months after the exit
 * (engine clock moved, timer executed), Uppföljning sex månader efter avslut with the derived return to assistance
 * shown read-only. The matching chooses one of the seeded fictitious providers ("Exempel…") in the select of
 * providers with a free place. The engine's jobs are run by the test (job executor off); the database is checked
 * after each step.
 *
 * <p>Each form is filled by its own small method, so that a changed form means a changed method.
 */
@StegvisSpringTest
class ClientJourneyBrowserTest {

    static final Path SCREENSHOT_PLAN = Path.of("docs", "screenshots", "tasklist-individuell-planering.png");
    static final Path SCREENSHOT_FOLLOW_UP = Path.of("docs", "screenshots", "tasklist-uppfoljningssamtal.png");
    static final Path SCREENSHOT_EXIT_FOLLOW_UP = Path.of("docs", "screenshots", "tasklist-uppfoljning-efter-avslut.png");
    static final String GROUP_FILTER = "Mina gruppers uppgifter";
    /** One of the seeded fictitious employers (placement/SyntheticPlacementProviders). */
    static final String PROVIDER = "Exempelgårdens äldreboende";
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final LocalDate START = LocalDate.of(2025, 11, 3);
    static final LocalDate EXIT = LocalDate.of(2025, 12, 1);

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired JourneyRepository journeys;
    @Autowired MappingRepository mappings;
    @Autowired IndividualPlanRepository plans;
    @Autowired PlanVersionRepository versions;
    @Autowired PlacementRepository placements;
    @Autowired PlacementProviderRepository providers;
    @Autowired AttendanceRepository attendance;
    @Autowired StepAssessmentRepository assessments;
    @Autowired JourneyExitRepository exits;
    @Autowired ExitFollowUpRepository exitFollowUps;

    UUID journeyId;

    @BeforeEach
    void at(){
        setClock(START.atTime(9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void coachCarriesAClientFromMappingToTheSixMonthFollowUpInTasklist() throws Exception {
        Client client = new JourneyScenario(context).grantedClient();
        Http http = new Http(port);
        var started = http.postJson("/api/klientresor", "coach1", "{\"clientId\":\"" + client.getId() + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        journeyId = UUID.fromString(new ObjectMapper().readTree(started.body()).get("id").asText());

        try (TasklistBrowser browser = new TasklistBrowser(port)) {
            browser.login("coach1", "demo").openFilter(GROUP_FILTER);

            // 1. Kartläggning
            open(browser, JourneyProcess.TASK_MAPPING, "Kartläggning");
            fillMapping(browser);
            browser.complete();
            executeJob(JourneyProcess.TASK_RECORD_MAPPING);
            var mapping = mappings.findFirstByJourneyIdOrderByMappedAtDesc(journeyId).orElseThrow();
            assertThat(mapping.getMappedBy()).isEqualTo("coach1");
            assertThat(mapping.getMonthsSinceLastJob()).contains(18);

            // 2. Upprätta individuell planering, with the proposals of insatsval
            open(browser, JourneyProcess.TASK_PLAN, "Upprätta individuell planering");
            assertThat(browser.fieldValue("Förslag från insatsval")).contains("Praktik");
            assertThat(browser.isReadonly("Förslag från insatsval")).isTrue();
            assertThat(browser.hasField("Varför ändras planen?")).as("no change reason on the first plan").isFalse();
            fillPlan(browser);
            browser.scrollTo("Valda insatser").screenshot(SCREENSHOT_PLAN);
            browser.complete();
            executeJob(JourneyProcess.TASK_RECORD_PLAN);
            var plan = plans.findByJourneyId(journeyId).orElseThrow();
            var version = versions.findByPlanIdAndVersionNumber(plan.getId(), 1).orElseThrow();
            assertThat(version.getInterventions()).containsExactly(PlacementType.PRAKTIK);
            assertThat(version.getGoalOccupation()).contains("Undersköterska");
            assertThat(version.getAgreedWithClientAt()).isPresent();
            Placement placement = placements.findByJourneyIdOrderByRequestedOn(journeyId).get(0);

            // 3. Matcha mot arbetsgivare/utbildning, then the engine registers the match and starts the placement
            open(browser, PlacementProcess.TASK_MATCH, "Matcha mot arbetsgivare/utbildning");
            fillMatch(browser);
            browser.complete();
            executeJob(PlacementProcess.TASK_REGISTER_MATCH);
            executeJob(PlacementProcess.TASK_START);
            placement = placements.findById(placement.getId()).orElseThrow();
            assertThat(placement.getStartDate()).contains(START);
            assertThat(providers.findById(placement.getProviderId().orElseThrow()).orElseThrow().getName()).isEqualTo(PROVIDER);

            // 4. A month on: Rapportera närvaro
            executeJob(PlacementProcess.TIMER_ATTENDANCE);
            open(browser, PlacementProcess.TASK_REPORT_ATTENDANCE, "Rapportera närvaro");
            fillAttendance(browser);
            browser.complete();
            executeJob(PlacementProcess.TASK_REGISTER_ATTENDANCE);
            var november = attendance.findByPlacementIdAndMonth(placement.getId(), "2025-11").orElseThrow();
            assertThat(november.getDaysPresent()).isEqualTo(18);
            assertThat(november.getHoursPlanned()).contains(160);
            assertThat(november.getHoursPresent()).contains(144);

            // 5. Halvtidsuppföljning
            open(browser, PlacementProcess.TASK_MID_REVIEW, "Halvtidsuppföljning");
            fillMidReview(browser);
            browser.complete();

            // 6. Four weeks on: Uppföljningssamtal with a step assessment
            setClock(EXIT.atTime(9, 0));
            executeJob(JourneyProcess.TIMER_FOLLOW_UP_DUE);
            open(browser, JourneyProcess.TASK_FOLLOW_UP, "Uppföljningssamtal");
            fillFollowUp(browser);
            browser.scrollTo("Stegbedömning").screenshot(SCREENSHOT_FOLLOW_UP);
            browser.complete();
            executeJob(JourneyProcess.TASK_RECORD_STEP_ASSESSMENT);
            var step = assessments.findByJourneyIdOrderByAssessedOnAscCreatedAtAsc(journeyId).get(0);
            assertThat(step.getStep()).isEqualTo(Step.ARBETSFORBEREDANDE_INSATS);
            assertThat(step.getCoach()).isEqualTo("coach1");

            // 7. Avsluta insats: the praktik ends in work, which ends the journey (no "Avsluta ärende" needed)
            open(browser, PlacementProcess.TASK_END, "Avsluta insats");
            fillEndPlacement(browser);
            browser.complete();
            executeJob(PlacementProcess.TASK_STORE_OUTCOME);
            placement = placements.findById(placement.getId()).orElseThrow();
            assertThat(placement.getOutcome()).contains(PlacementOutcome.ARBETE);
            assertThat(placement.getEndDate()).contains(EXIT);
            executeJob(JourneyProcess.TASK_EXIT_FROM_PLACEMENT);
            executeJob(JourneyProcess.TASK_RECORD_EXIT);
            var exit = exits.findByJourneyId(journeyId).orElseThrow();
            assertThat(exit.getReason()).isEqualTo(ExitReason.ARBETE);
            assertThat(exit.getExitDate()).isEqualTo(EXIT);
            assertThat(exit.getRegisteredBy()).isEqualTo("arbetsforberedande-insats");
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(journeyId.toString()).count())
                    .as("no open tasks until the six-month follow-up").isZero();
            assertThat(journeys.findById(journeyId).orElseThrow().getStatus()).isEqualTo(JourneyStatus.AVSLUTAD);
            browser.logout();

            // 8. Six months later: the timer fires and the coach follows up
            setClock(EXIT.plusMonths(6).atTime(9, 0));
            executeJob(JourneyProcess.CATCH_SIX_MONTHS_AFTER_EXIT);
            executeJob(JourneyProcess.TASK_CHECK_RETURN);
            browser.login("coach1", "demo").openFilter(GROUP_FILTER);
            open(browser, JourneyProcess.TASK_EXIT_FOLLOW_UP, "Uppföljning sex månader efter avslut");
            fillExitFollowUp(browser);
            browser.screenshot(SCREENSHOT_EXIT_FOLLOW_UP);
            browser.complete();
            executeJob(JourneyProcess.TASK_RECORD_EXIT_FOLLOW_UP);
            var followUp = exitFollowUps.findByExitId(exit.getId()).orElseThrow();
            assertThat(followUp.isInWorkOrStudies()).isTrue();
            assertThat(followUp.getRecordedBy()).isEqualTo("coach1");
            assertThat(followUp.getFollowedUpOn()).isEqualTo(EXIT.plusMonths(6));
            browser.logout();
        }

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(journeyId.toString()).count())
                .as("the journey has ended").isZero();
        JsonNode overview = new ObjectMapper().readTree(new Http(port).get("/api/klientresor/" + journeyId, "coach1").body());
        assertThat(overview.get("phase").asText()).isEqualTo("AVSLUTAD");
        assertThat(overview.at("/exit/followUp/inWorkOrStudies").asBoolean()).isTrue();
        assertThat(overview.at("/latestStep/level").asInt()).as("work: step 6 on the exit date").isEqualTo(6);
        assertThat(overview.at("/placements/0/outcome").asText()).isEqualTo("ARBETE");
    }

    // ------------------------------------------------------------------------- one method per form

    /** forms/kartlaggning.form */
    void fillMapping(TasklistBrowser browser) {
        browser.selectOption("Utbildningsnivå (högsta avslutade, i Sverige eller utomlands)", "Gymnasial")
                .fillTextarea("Arbetslivserfarenhet", "Lagerarbete i fyra år, truckkort.")
                .fillNumber("Månader sedan senaste arbete", "18")
                .selectOption("Svenskanivå", "SFI kurs D")
                .check("Har körkort")
                .chooseRadio("Personens eget mål", "Arbete")
                .fillText("Yrke eller utbildning som målet gäller", "Undersköterska")
                .check("Redo för en arbetsplatsförlagd insats (praktik, arbetsträning, anställning med stöd)");
    }

    /** forms/individuell-planering.form */
    void fillPlan(TasklistBrowser browser) {
        browser.chooseRadio("Mål", "Arbete")
                .fillText("Yrke eller utbildning", "Undersköterska")
                .fillTextarea("Steg med datum", "2025-11-03 Praktik på äldreboende\n2025-12-01 Söka tjänster som vårdbiträde")
                .checkOption("Valda insatser", "Praktik")
                .chooseRadio("Genomförande av insatserna", "En i taget, i den ordning de står")
                .check("Planeringen är överenskommen med klienten");
    }

    /** forms/matcha-insats.form: a provider from the select of those with a free place */
    void fillMatch(TasklistBrowser browser) {
        assertThat(browser.hasField("Förra matchningen gick inte igenom")).as("no refusal on the first matching").isFalse();
        String chosen = browser.selectOptionStartingWith("Anordnare (arbetsgivare eller skola)", PROVIDER + " – ");
        assertThat(chosen).matches(java.util.regex.Pattern.quote(PROVIDER) + " – \\d+ av 4 platser? ledig[a]?");
        browser.fillDate("Matchad den", START)
                .fillDate("Startdatum", START)
                .fillDate("Planerat slutdatum", START.plusMonths(3));
    }

    /** forms/rapportera-narvaro.form */
    void fillAttendance(TasklistBrowser browser) {
        browser.fillText("Månad", "2025-11")
                .fillNumber("Planerade dagar", "20")
                .fillNumber("Dagar med närvaro", "18")
                .fillNumber("Dagar med frånvaro utan godtagbart skäl", "0")
                .fillNumber("Planerade timmar", "160")
                .fillNumber("Timmar med närvaro", "144")
                .fillNumber("Timmar med frånvaro utan godtagbart skäl", "0");
    }

    /** forms/halvtidsuppfoljning.form */
    void fillMidReview(TasklistBrowser browser) {
        browser.fillTextarea("Anteckning från uppföljningen", "Trivs, handledaren nöjd. Fortsätter enligt plan.");
    }

    /** forms/uppfoljningssamtal.form */
    void fillFollowUp(TasklistBrowser browser) {
        browser.selectOption("Stegbedömning", "Steg 3: I arbetsförberedande insats (arbetsträning/praktik)")
                .fillTextarea("Motivering", "I praktik fyra dagar i veckan; erbjuds vikariat från januari.");
    }

    /** forms/avsluta-insats.form */
    void fillEndPlacement(TasklistBrowser browser) {
        browser.selectOption("Utfall", "Arbete")
                .fillDate("Slutdatum", EXIT);
    }

    /** forms/uppfoljning-efter-avslut.form: the return to assistance is derived from the applications, read-only */
    void fillExitFollowUp(TasklistBrowser browser) {
        assertThat(browser.selectedText("Orsak till avslut")).isEqualTo("Arbete (osubventionerat)");
        assertThat(browser.isReadonly("Ansökningar efter avslutet")).isTrue();
        assertThat(browser.fieldValue("Ansökningar efter avslutet")).isEqualTo("Inget beviljat bistånd efter avslutet.");
        assertThat(browser.isReadonly("Har återkommit till ekonomiskt bistånd (hämtat från ansökningarna)")).isTrue();
        browser.check("Fortfarande i arbete eller studier")
                .fillTextarea("Anteckning", "Arbetar kvar, nu heltid.");
    }

    // ------------------------------------------------------------------------- engine helpers

    /** Opens the journey's (or its placement's) open task of that kind by id, and claims it. */
    void open(TasklistBrowser browser, String taskKey, String name) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(journeyId.toString())
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        assertThat(task.getName()).isEqualTo(name);
        browser.openTaskById(task.getId());
        assertThat(browser.taskName()).isEqualTo(name);
        browser.claim();
    }

    /** Runs the one job at that activity in the journey or one of its placements. */
    void executeJob(String activityId) {
        Set<String> instances = runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(journeyId.toString()).list().stream()
                .map(ProcessInstance::getId).collect(Collectors.toSet());
        Job job = managementService.createJobQuery().activityId(activityId).list().stream()
                .filter(j -> instances.contains(j.getProcessInstanceId())).findFirst().orElse(null);
        assertThat(job).as("job at " + activityId).isNotNull();
        managementService.executeJob(job.getId());
    }

    static void setClock(java.time.LocalDateTime at) {
        ClockUtil.setCurrentTime(Date.from(at.atZone(SWEDEN).toInstant()));
    }
}
