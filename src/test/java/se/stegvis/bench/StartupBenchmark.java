package se.stegvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Start-up of Stegvis beside the bare Camunda process ({@link Startup}; BENCHMARKS.md, "Start-up"). Only when asked
 * for ({@code -Dbenchmark.startup.restarts=…}; profile {@code benchmark} sets 3): the monthly application's benchmark
 * in {@code ./mvnw verify} already reports both first starts. Checks that every start came up, never how fast.
 */
class StartupBenchmark {

    @Test
    void startupBesideBareCamunda() throws Exception {
        Assumptions.assumeTrue(Startup.Settings.requested(),
                "run with ./mvnw -B -Pbenchmark verify -Dtest=StartupBenchmark (BENCHMARKS.md)");
        Startup.Settings settings = Startup.Settings.fromSystemProperties();
        Startup startup = new Startup(settings);
        String report = startup.run();
        System.out.println();
        System.out.println(report);
        System.out.println("Report and the applications' logs: " + startup.dir());
        startup.results().forEach((system, r) -> assertThat((java.util.List<?>) r.get("restarts_s"))
                .as(system + " restarts").hasSize(settings.restarts()));
    }
}
