package se.stegvis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs the failover measurement ({@link Failover}; BENCHMARKS.md): {@code kill -9} of a node while work is in
 * flight, and PostgreSQL stopped and started. Only when asked for ({@code -Dbenchmark.failover.kills=…}; profile
 * {@code benchmark} sets 5): even its smallest run starts three JVMs and costs minutes, more than {@code ./mvnw
 * verify} may spend. It checks what must always hold — nothing lost or duplicated, every restart healthy, the locked
 * work taken over, health answering DOWN while the database is stopped — and never how fast; the report gives the
 * times against the goals.
 */
class FailoverBenchmark {

    @Test
    void nodeThatDiesDatabaseThatBlinks() throws Exception {
        Assumptions.assumeTrue(Failover.Settings.requested(),
                "run with ./mvnw -B -Pbenchmark verify -Dtest=FailoverBenchmark (BENCHMARKS.md)");
        Failover.Settings settings = Failover.Settings.fromSystemProperties();
        Failover failover = new Failover(settings);
        String report = failover.run();
        System.out.println();
        System.out.println(report);
        System.out.println("Report and the nodes' logs: " + failover.dir());
        assertThat(failover.result().get("outcome")).as("every accepted application paid").isEqualTo("done");
        assertThat((Integer) failover.result().get("applications")).isPositive();
        assertThat(Report.nested(failover.result(), "counts", "lost")).as("lost").isEqualTo(0L);
        assertThat(Report.nested(failover.result(), "counts", "duplicated")).as("duplicated").isEqualTo(0L);
        assertThat(failover.kills()).hasSize(settings.kills())
                .allSatisfy(k -> assertThat(k.notTakenOver()).as("locked work not taken over").isZero());
        if (settings.outageSeconds() > 0) {
            assertThat(failover.statusesDuringOutage()).as("health while PostgreSQL is stopped").containsOnly(503);
        }
    }
}
