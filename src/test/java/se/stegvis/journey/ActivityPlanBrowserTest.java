package se.stegvis.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.client.domain.Client;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.PlanActivity;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.placement.domain.PlacementType;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TasklistBrowser;

/**
 * The aktivitetskrav in Tasklist: coach1 draws up "Upprätta individuell planering" for a client covered by the
 * requirement (granted August–October 2026) with hours per intervention and their categories, sees planned hours
 * against the requirement computed in the form, is refused below the requirement without a reason (Tasklist shows the
 * message naming the field), and agrees the plan at full time. Screenshots in docs/screenshots/.
 */
@StegvisSpringTest
class ActivityPlanBrowserTest {

    static final Path SCREENSHOT_PLAN = Path.of("docs", "screenshots", "tasklist-planering-aktivitetskrav.png");
    static final Path SCREENSHOT_REFUSED = Path.of("docs", "screenshots", "tasklist-planering-under-kravet.png");
    static final String GROUP_FILTER = "Mina gruppers uppgifter";
    static final String PRAKTIK_HOURS = "Praktik, timmar i veckan (arbetsplatsförlagd)";
    static final String JOB_SEARCH_ACTIVITY_HOURS = "Jobbsökaraktivitet, timmar i veckan (jobbsökande)";
    static final String OWN_JOB_SEARCH_HOURS = "Jobbsökande, timmar i veckan";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired IndividualPlanRepository plans;
    @Autowired PlanVersionRepository versions;

    JourneyScenario journeys;

    @BeforeEach
    void inNovember2026() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T08:00:00Z")));
        journeys = new JourneyScenario(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        journeys.deleteJourneyProcesses(journeys.clients());
    }

    @Test
    void coachDrawsUpAPlanWithHoursAndCategoriesAndIsRefusedBelowTheRequirement() throws Exception {
        Client client = journeys.grantedFor(YearMonth.of(2026, 8), YearMonth.of(2026, 10), 9_000);
        Journey journey = journeys.started(client.getId());
        journeys.mapped(journey);
        Task task = taskService.createTaskQuery().processInstanceId(journey.getProcessInstanceId())
                .taskDefinitionKey(JourneyProcess.TASK_PLAN).singleResult();

        try (TasklistBrowser browser = new TasklistBrowser(port)) {
            browser.login("coach1", "demo").openFilter(GROUP_FILTER);
            browser.openTaskById(task.getId());
            assertThat(browser.taskName()).isEqualTo("Upprätta individuell planering");
            browser.claim();
            assertThat(browser.fieldValue("Klientens status under aktivitetskravet")).contains("Omfattas från november 2026");
            assertThat(browser.isReadonly("Klientens status under aktivitetskravet")).isTrue();
            assertThat(browser.fieldValue("Heltid, timmar i veckan (kommunens inställning)")).isEqualTo("40");
            assertThat(browser.hasField(PRAKTIK_HOURS)).as("hours only for a chosen intervention").isFalse();

            browser.chooseRadio("Mål", "Arbete")
                    .fillText("Yrke eller utbildning", "Lagerarbetare")
                    .fillTextarea("Steg med datum", "2026-11-09 Börja praktik på lagret\n2026-11-10 Jobbsökarkurs tisdagar")
                    .checkOption("Valda insatser", "Praktik")
                    .checkOption("Valda insatser", "Jobbsökaraktivitet")
                    .fillNumber(PRAKTIK_HOURS, "20")
                    .fillNumber(JOB_SEARCH_ACTIVITY_HOURS, "10")
                    .fillNumber(OWN_JOB_SEARCH_HOURS, "5")
                    .chooseRadio("Genomförande av insatserna", "Samtidigt")
                    .check("Planeringen är överenskommen med klienten");
            // The form computes planned hours against the requirement as the coach types.
            browser.awaitText("Planerat: 35 timmar i veckan. Krav: 40 timmar i veckan.");

            // 35 of 40 hours without a reason: refused, the task stays open.
            String refusal = browser.completeExpectingError();
            assertThat(refusal).contains("35 timmar", "kravet är 40", "Skäl att avvika från aktivitetskravet");
            browser.scrollTo("Förmåga").screenshot(SCREENSHOT_REFUSED);

            // 25 hours of praktik: 40 of 40.
            browser.fillNumber(PRAKTIK_HOURS, "25");
            browser.awaitText("Planerat: 40 timmar i veckan. Krav: 40 timmar i veckan.");
            browser.scrollTo("Deltidsarbete, timmar i veckan").screenshot(SCREENSHOT_PLAN);
            browser.complete();
        }

        journeys.executeJob(journey, JourneyProcess.TASK_RECORD_PLAN);
        UUID planId = plans.findByJourneyId(journey.getId()).orElseThrow().getId();
        PlanVersion version = versions.findByPlanIdAndVersionNumber(planId, 1).orElseThrow();
        assertThat(version.getCreatedBy()).isEqualTo("coach1");
        assertThat(version.getActivities()).containsExactly(PlanActivity.of(PlacementType.PRAKTIK, 25),
                PlanActivity.of(PlacementType.JOBBSOKARAKTIVITET, 10));
        assertThat(version.getJobSearchHours()).contains(5);
        assertThat(version.getPlannedHoursPerWeek()).contains(40);
        assertThat(version.getRequiredHoursPerWeek()).contains(40);

        JsonNode overview = new ObjectMapper().readTree(new Http(port).get("/api/klientresor/" + journey.getId(),
                "coach1").body());
        assertThat(overview.at("/activityRequirement/covered").asBoolean()).isTrue();
        assertThat(overview.at("/activityRequirement/plannedHoursPerWeek").asInt()).isEqualTo(40);
        assertThat(overview.at("/activityRequirement/requiredHoursPerWeek").asInt()).isEqualTo(40);
        assertThat(overview.at("/activityRequirement/met").asBoolean()).isTrue();
    }
}
