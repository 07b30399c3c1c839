package se.stegvis.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.support.CaseRows;
import se.stegvis.support.EmbeddedPostgresDataSource;

/**
 * {@link GrantedMonths} on PostgreSQL with Stegvis' migrations: the months come from standing decisions only, and the
 * test "is this decision replaced by a reconsideration" is an index lookup (V15_81, decision_replaces), not a read of
 * the whole decision table for every client (issue #14: GET /api/klientresor/{id} at national scale).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantedMonthsTest {

    private JdbcTemplate jdbc;
    private GrantedMonths grantedMonths;
    private final SyntheticPersonnummer personnummer = new SyntheticPersonnummer(new Random(17));

    @BeforeAll
    void database() {
        var dataSource = new SingleConnectionDataSource(EmbeddedPostgresDataSource.newDatabase("granted_months"),
                "postgres", "postgres", true);
        Flyway.configure().dataSource(dataSource).table("stegvis_schema_history").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        grantedMonths = new GrantedMonths(jdbc);
    }

    @Test
    void monthsOfStandingGrantsOnly() {
        UUID client = client();
        decision(application(client, "2026-08", "ATERANSOKAN"), "BIFALL", 9000, null);
        UUID september = decision(application(client, "2026-09", "ATERANSOKAN"), "BIFALL", 9000, null);
        decision(application(client, "2026-10", "ATERANSOKAN"), "AVSLAG", 0, null);
        decision(application(client, "2026-11", "TILLAGGSANSOKAN"), "BIFALL", 1200, null);
        // The September grant reconsidered into a refusal: September no longer counts.
        decision(applicationIdOf(september), "AVSLAG", 0, september);
        UUID other = client();
        decision(application(other, "2026-08", "NYANSOKAN"), "BIFALL", 5000, null);

        assertThat(grantedMonths.of(client)).containsExactly(YearMonth.of(2026, 8));
        assertThat(grantedMonths.of(other)).containsExactly(YearMonth.of(2026, 8));
    }

    @Test
    void replacedDecisionIsLookedUpByIndex() {
        UUID client = client();
        decision(application(client, "2026-07", "ATERANSOKAN"), "BIFALL", 9000, null);
        // Too few rows for the planner to prefer an index by itself: forbid sequential scans, as they would be at
        // national scale; without decision_replaces the anti join would still have to read the table.
        List<String> plan = jdbc.execute((java.sql.Connection c) -> {
            try (var s = c.createStatement()) {
                s.execute("set enable_seqscan = off");
                try (var p = c.prepareStatement("explain " + GrantedMonths.SQL)) {
                    p.setObject(1, client);
                    var rows = new java.util.ArrayList<String>();
                    try (var rs = p.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                    return rows;
                } finally {
                    s.execute("reset enable_seqscan");
                }
            }
        });
        assertThat(String.join("\n", plan)).contains("decision_replaces")
                .doesNotContain("Seq Scan on decision");
    }

    private UUID client() {
        return CaseRows.client(jdbc, personnummer);
    }

    private UUID application(UUID client, String month, String kind) {
        return CaseRows.application(jdbc, client, month, kind);
    }

    private UUID applicationIdOf(UUID decision) {
        return jdbc.queryForObject("select application_id from decision where id = ?", UUID.class, decision);
    }

    private UUID decision(UUID application, String kind, long amount, UUID replaces) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into decision (id, application_id, kind, amount, investigator, decided_at,"
                + " replaces_decision_id, first_of_application) values (?, ?, ?, ?, 'handlaggare1', ?, ?, ?)", id,
                application, kind, amount, Timestamp.from(Instant.now()), replaces, replaces == null ? application : null);
        return id;
    }
}
