package se.stegvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark ({@link Benchmark}; BENCHMARKS.md). Maven runs it after {@code package}, in an execution of its
 * own: small ({@code benchmark.applications=20}) in every {@code ./mvnw verify} to prove it works, full size with
 * {@code ./mvnw -B -Pbenchmark verify}. It checks only that every application came through once; how fast is what
 * the report says, never a pass or fail.
 */
class MonthlyApplicationBenchmark {

    @Test
    void monthlyApplicationBesideBareCamunda() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Benchmark benchmark = new Benchmark(settings);
        String report = benchmark.run();
        System.out.println();
        System.out.println(report);
        System.out.println("Report, applications' logs" + (settings.jfr() ? " and JFR profiles" : "") + ": "
                + benchmark.dir());
        for (Map.Entry<String, Map<String, Object>> e : benchmark.results().entrySet()) {
            Map<String, Object> r = e.getValue();
            assertThat(r.get("outcome")).as(e.getKey() + " outcome").isEqualTo("done");
            assertThat(r.get("applications")).as(e.getKey() + " applications accepted").isEqualTo(settings.applications());
            assertThat(Report.nested(r, "counts", "lost")).as(e.getKey() + " lost").isEqualTo(0L);
            assertThat(Report.nested(r, "counts", "duplicated")).as(e.getKey() + " duplicated").isEqualTo(0L);
        }
    }
}
