package se.stegvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Runs the queries at national scale ({@link NationalScale}; BENCHMARKS.md) after {@code package}, beside the
 * monthly application's benchmark: small ({@code benchmark.national.clients=2000}, each request timed
 * {@code benchmark.national.samples=20} times) in every {@code ./mvnw verify}
 * to prove the generator and the measurement work, a nation's size with {@code ./mvnw -B -Pbenchmark verify}. It
 * checks that the data was made, that the tasks are spread over the units (the caseworker of one unit sees about
 * their unit's share) and that every request answered, never how fast.
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
        // The tasks are spread over the units: the caseworker of one unit sees some of the group's tasks, not all.
        long everyUnit = national.visibleTasks(false, NationalScale.FILTER_GROUP_TASKS);
        long oneUnit = national.visibleTasks(true, NationalScale.FILTER_GROUP_TASKS);
        assertThat(oneUnit).as("unclaimed tasks the caseworker of one unit sees").isPositive()
                .isLessThan(everyUnit);
        if (settings.units() > 1) {
            assertThat(oneUnit).as("the unit's share of the %s tasks over %s units", everyUnit, settings.units())
                    .isLessThanOrEqualTo(2 * everyUnit / settings.units() + 10);
        }
        assertThat(national.visibleTasks(true, NationalScale.FILTER_MY_TASKS))
                .as("claimed tasks of the caseworker of one unit").isPositive();
        assertThat(national.visibleTasks(true, "candidateGroup=handlaggare")).isLessThan(
                national.visibleTasks(false, "candidateGroup=handlaggare"));
    }
}
