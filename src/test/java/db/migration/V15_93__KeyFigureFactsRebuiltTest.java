package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * An installation with applications, decisions, payments and step assessments from before the facts per month and
 * unit gets them counted by the migrations (V16_13 now computes them all), under each client's unit of now.
 */
class V15_93__KeyFigureFactsRebuiltTest {

    @Test
    void countsTheRecordsAlreadyThereByMonthAndUnit() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:factspermonth;DB_CLOSE_DELAY=-1", "sa", "", true);
        var flyway = Flyway.configure().dataSource(dataSource).table("stegvis_schema_history");
        flyway.target("15.81").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        UUID client = UUID.randomUUID();
        jdbc.update("insert into client (id, personnummer, created_at, unit) values (?, '199001012382', ?, 'Hageby')",
                client, Timestamp.from(Instant.parse("2024-01-01T10:00:00Z")));
        UUID application = UUID.randomUUID();
        jdbc.update("insert into application (id, client_id, for_month, kind, status, adults, children_ages,"
                + " submitted_by, submitted_at, complete_at, investigation_due) values (?, ?, '2024-03', 'NYANSOKAN',"
                + " 'BESLUTAD', 2, '4', 'etjanst', ?, ?, ?)", application, client,
                Timestamp.from(Instant.parse("2024-03-01T08:00:00Z")), Timestamp.from(Instant.parse("2024-03-04T08:00:00Z")),
                LocalDate.of(2024, 3, 18));
        UUID decision = UUID.randomUUID();
        jdbc.update("insert into decision (id, application_id, kind, amount, investigator, approver, decided_at,"
                + " first_of_application) values (?, ?, 'BIFALL', 7000, 'handlaggare1', 'attest1', ?, ?)", decision,
                application, Timestamp.from(Instant.parse("2024-03-11T10:00:00Z")), application);
        jdbc.update("insert into payment (id, decision_id, client_id, amount, payment_date, status, created_at)"
                + " values (?, ?, ?, 7000, ?, 'BEKRAFTAD', ?)", UUID.randomUUID(), decision, client,
                LocalDate.of(2024, 3, 25), Timestamp.from(Instant.parse("2024-03-11T10:00:00Z")));
        UUID journey = UUID.randomUUID();
        jdbc.update("insert into client_journey (id, client_id, status, started_at, started_by) values (?, ?, 'AKTIV', ?,"
                + " 'coach1')", journey, client, Timestamp.from(Instant.parse("2024-03-12T10:00:00Z")));
        for (String[] step : new String[][] {{"2024-04-02", "3"}, {"2024-03-20", "2"}}) {
            jdbc.update("insert into step_assessment (id, journey_id, assessed_on, coach, step, reason, created_at)"
                    + " values (?, ?, ?, 'coach1', ?, 'Bedömd', ?)", UUID.randomUUID(), journey,
                    LocalDate.parse(step[0]), Integer.parseInt(step[1]),
                    Timestamp.from(Instant.parse(step[0] + "T12:00:00Z")));
        }

        flyway.target("latest").load().migrate();

        int march = 2024 * 12 + 3;
        assertThat(jdbc.queryForMap("select for_month, unit, first_decision, days_to_decision, decisions, in_time,"
                + " with_supplement, attested from figure_decision_month")).isEqualTo(Map.of("FOR_MONTH", march,
                "UNIT", "Hageby", "FIRST_DECISION", true, "DAYS_TO_DECISION", 7, "DECISIONS", 1L, "IN_TIME", 1L,
                "WITH_SUPPLEMENT", 0L, "ATTESTED", 1L));
        assertThat(jdbc.queryForList("select for_month, households, persons, inflow, outflow, long_term"
                + " from figure_household_month where unit = 'Hageby' order by for_month")).containsExactly(
                Map.of("FOR_MONTH", march, "HOUSEHOLDS", 1L, "PERSONS", 3L, "INFLOW", 1L, "OUTFLOW", 0L,
                        "LONG_TERM", 0L),
                Map.of("FOR_MONTH", march + 1, "HOUSEHOLDS", 0L, "PERSONS", 0L, "INFLOW", 0L, "OUTFLOW", 1L,
                        "LONG_TERM", 0L));
        assertThat(jdbc.queryForMap("select for_month, unit, amount, households from figure_payment_month"))
                .isEqualTo(Map.of("FOR_MONTH", march, "UNIT", "Hageby", "AMOUNT", 7000L, "HOUSEHOLDS", 1L));
        // V16_13: the step assessments, each with the client's one before it.
        assertThat(jdbc.queryForList("select assessed_on, step, prev_on, prev_step, unit from figure_step"
                + " where prev_on is not null")).containsExactly(Map.of("ASSESSED_ON", java.sql.Date.valueOf("2024-04-02"),
                "STEP", 3, "PREV_ON", java.sql.Date.valueOf("2024-03-20"), "PREV_STEP", 2, "UNIT", "Hageby"));
        assertThat(jdbc.queryForObject("select count(*) from figure_step", Long.class)).isEqualTo(2);
    }
}
