package se.stegvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the queries at national scale ({@link NationalScale}; BENCHMARKS.md) after {@code package}, beside the
 * monthly application's benchmark: small ({@code benchmark.national.clients=2000}, each request timed
 * {@code benchmark.national.samples=20} times) in every {@code ./mvnw verify}
 * to prove the generator and the measurement work, a nation's size with {@code ./mvnw -B -Pbenchmark verify}. It
 * checks that the data was made and every request answered, never how fast.
 */
class NationalScaleBenchmark {

    @Test
    void queriesAtNationalScale() throws Exception {
        NationalScale.Settings settings = NationalScale.Settings.fromSystemProperties();
        NationalScale national = new NationalScale(settings);
        String report = national.run();
        System.out.println();
        System.out.println(report);
        System.out.println("Report and the application's log: " + national.dir());
        assertThat(national.failures()).as("requests answered with an error").isEmpty();
        assertThat((Long) national.result().get("open_tasks")).isGreaterThanOrEqualTo(settings.tasks());
        assertThat((Long) national.result().get("households_2025_06")).isPositive();
    }
}
