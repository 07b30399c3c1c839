package se.stegvis.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.metrics.api.KeyFigureController;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/**
 * A small simulation (15 households, January–April 2024, a period no other test uses) through the real processes
 * on the shared test context: the processes really ran, the printed key figures are what GET /api/nyckeltal gives,
 * and the clock is real time again afterwards.
 */
@StegvisSpringTest
class SimulationTest {

    static final YearMonth FROM = YearMonth.of(2024, 1);
    static final YearMonth TO = YearMonth.of(2024, 4);

    @LocalServerPort
    int port;

    @Autowired ApplicationContext context;
    @Autowired HistoryService history;
    @Autowired ObjectMapper json;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void fourMonthsOfFifteenHouseholdsThroughTheRealProcesses() throws Exception {
        SimulationReport report = new Simulation(context).run(new SimulationSettings(15, 4, TO, 7, false));
        System.out.println(report.text());

        // The clock is real time again.
        assertThat(ClockUtil.getCurrentTime().toInstant()).isAfter(Instant.parse("2026-01-01T00:00:00Z"));

        // The processes really ran: applications, journeys and their placements, payments confirmed by the bank.
        Date start = Date.from(Instant.parse("2023-12-31T00:00:00Z"));
        Date end = Date.from(Instant.parse("2024-05-01T00:00:00Z"));
        long applications = report.summary().get("ansokan");
        assertThat(applications).isGreaterThanOrEqualTo(15);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("ekonomiskt-bistand")
                .startedAfter(start).startedBefore(end).count()).isGreaterThanOrEqualTo(applications);
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("klientresa")
                .startedAfter(start).startedBefore(end).count()).isGreaterThanOrEqualTo(report.summary().get("klientresor"))
                .isPositive();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("ekonomiskt-bistand")
                .startedAfter(start).startedBefore(end).finished().count()).isPositive();
        assertThat(history.createHistoricTaskInstanceQuery().taskDefinitionKey("UserTask_MatchPlacement")
                .startedAfter(start).startedBefore(end).finished().count()).isPositive();
        assertThat(report.summary().get("beslut_BIFALL")).isPositive();
        assertThat(report.summary().get("utbetalt_kr")).isPositive();
        assertThat(report.summary()).containsKeys("komplettering_begard", "uppfoljningssamtal", "narvaro_rapporterad");
        // The simulated staff fill in what the forms and their listeners require: no task is refused (a missing field
        // would be refused again every working day, a cost the real path, where the caseworker fills it once, has not).
        // Placements with SFI are matched too, with the client's first admission to SFI.
        assertThat(report.summary()).doesNotContainKey("uppgift_nekad").doesNotContainKey("ansokan_nekad");
        assertThat(report.costs()).noneMatch(c -> c.kind().endsWith("(nekad)") || c.kind().endsWith("(misslyckat)"));
        assertThat(report.summary().keySet()).anyMatch(k -> k.equals("insats_matchad_SFI") || k.equals("insats_matchad_FLEX_SFI"));
        // The cost of every step is printed as an average per step: jobs, the staff's completions, the simulation's own.
        assertThat(report.cost(StepCosts.TASK, "UserTask_InvestigateApplication")).hasValueSatisfying(c -> {
            assertThat(c.count()).isGreaterThanOrEqualTo(applications / 2);
            assertThat(c.averageMillis()).isPositive();
        });
        // The calculation runs in the residence check's job (the job's activity).
        assertThat(report.cost(StepCosts.JOB, "ServiceTask_CheckLawfulResidence")).hasValueSatisfying(c ->
                assertThat(c.count()).isPositive());
        assertThat(report.cost(StepCosts.OWN, "(uppgiftslistan: alla öppna uppgifter)")).isPresent();
        assertThat(report.text()).contains("Kostnad per steg", "UserTask_MatchPlacement");
        // The last month's work is partly open, as at any working day.
        assertThat(report.openTasks()).isPositive();

        // The printed figures are the API's for the same period.
        var response = new Http(port).get("/api/nyckeltal?from=" + FROM + "&to=" + TO, "chef1");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var api = json.readValue(response.body(), KeyFigureController.KeyFigures.class);
        assertThat(report.keyFigures()).isNotEmpty().containsExactlyElementsOf(api.figures());
        assertThat(report.keyFigures()).anySatisfy(k -> {
            assertThat(k.id()).isEqualTo("hushall_per_manad");
            assertThat(k.month()).isEqualTo("2024-04");
            assertThat(k.value()).isPositive();
        });
        assertThat(report.text()).contains("hushall_per_manad", "Sammanfattning");
        // The simulated coach records exemptions from the aktivitetskrav with evidence: the figure shows them.
        assertThat(report.summary().keySet()).anyMatch(k -> k.startsWith("undantag_aktivitetskrav_"));
        assertThat(report.keyFigures()).anySatisfy(k -> {
            assertThat(k.id()).isEqualTo("aktivitetskrav_undantagna");
            assertThat(k.category()).isNull();
            assertThat(k.value()).isPositive();
        });

        // The same households cannot be simulated into the same database twice.
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        new Simulation(context).run(new SimulationSettings(15, 4, TO, 7, false)))
                .hasMessageContaining("--seed=7");
    }
}
