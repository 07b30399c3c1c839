package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.norm.process.RiksnormUpdateProcess;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

@StegvisSpringTest
class OperationalMetricsTest {

    @LocalServerPort
    int port;

    @Autowired OperationalMetrics metrics;
    @Autowired MeterRegistry registry;
    @Autowired RuntimeService runtimeService;

    @Test
    void countsFollowTheEngine() {
        metrics.refresh();
        double jobsBefore = registry.get("stegvis.jobs.due").gauge().value();
        double ownerTasksBefore = registry.get("stegvis.tasks.open").tag("group", "processagare").gauge().value();

        runtimeService.createMessageCorrelation(RiksnormUpdateProcess.MESSAGE_CHECK_REQUESTED)
                .setVariable(RiksnormUpdateProcess.VAR_NORM_YEAR, 2040).correlateStartMessage();
        metrics.refresh();

        assertThat(registry.get("stegvis.jobs.due").gauge().value()).isEqualTo(jobsBefore + 1);
        assertThat(registry.get("stegvis.tasks.open").tag("group", "processagare").gauge().value()).isEqualTo(ownerTasksBefore);
        assertThat(registry.get("stegvis.tasks.open.by.type").tag("task", "UserTask_InvestigateApplication").gauge())
                .isNotNull();
    }

    @Test
    void prometheusShowsTheFiguresToAdministratorsOnly() {
        metrics.refresh();
        Http http = new Http(port);
        var scrape = http.get("/actuator/prometheus", "admin");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("stegvis_tasks_open{group=\"handlaggare\"}", "stegvis_tasks_overdue",
                "stegvis_jobs_due", "stegvis_incidents{type=\"failedJob\"}", "stegvis_payments{status=\"PLANERAD\"}",
                "stegvis_tasks_open_by_type{");
        assertThat(http.get("/actuator/prometheus", "chef1").statusCode()).isEqualTo(403);
    }

    /** Every metric the Grafana dashboard in docker/ draws is one that Stegvis exports. */
    @Test
    void theDashboardDrawsOnlyExportedMetrics() throws Exception {
        metrics.refresh();
        String scrape = new Http(port).get("/actuator/prometheus", "admin").body();
        var dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(java.nio.file.Path.of("docker/grafana/dashboards/stegvis-drift.json").toFile());
        java.util.List<String> used = new java.util.ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> {
            var m = java.util.regex.Pattern.compile("stegvis_[a-z_]+").matcher(t.path("expr").asText());
            while (m.find()) {
                used.add(m.group());
            }
        }));
        assertThat(used).isNotEmpty().allSatisfy(name -> assertThat(scrape).contains("\n" + name));
    }
}
