package se.stegvis.application;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Random;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.support.CaseRows;
import se.stegvis.support.StegvisSpringTest;

/**
 * What the calculation reads of a household's history (months in a row with a grant, for jobbstimulans; what a month
 * already granted, for a tilläggsansökan): each application by its latest decision, extra needs not counted, another
 * household's never — and in one query, however long the history (a household applies every month).
 */
@StegvisSpringTest
class HouseholdHistoryTest {

    @Autowired
    AssistanceCalculationService calculations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    InvestigationBasis basis;

    private final SyntheticPersonnummer personnummer = new SyntheticPersonnummer(new Random(System.nanoTime()));

    @Test
    void monthsInARowAndWhatAMonthGrantedComeFromTheLatestDecisions() {
        UUID client = client();
        for (int month = 1; month <= 6; month++) {
            decision(application(client, "2026-0" + month, "ATERANSOKAN"), "BIFALL", 9000, "2026-0" + month + "-10");
        }
        decision(application(client, "2026-07", "ATERANSOKAN"), "AVSLAG", 0, "2026-07-10");
        decision(application(client, "2026-08", "ATERANSOKAN"), "BIFALL", 8000, "2026-08-10");
        // September granted, then reconsidered into a refusal: the later decision is the one that counts.
        UUID september = application(client, "2026-09", "ATERANSOKAN");
        decision(september, "BIFALL", 8000, "2026-09-10");
        decision(september, "AVSLAG", 0, "2026-09-20");
        UUID october = application(client, "2026-10", "ATERANSOKAN");
        decision(october, "BIFALL", 7000, "2026-10-10");
        decision(application(client, "2026-10", "TILLAGGSANSOKAN"), "BIFALL", 1200, "2026-10-15");
        decision(application(client, "2026-11", "ATERANSOKAN"), "BIFALL", 7500, "2026-11-10");
        UUID other = client();
        decision(application(other, "2026-09", "NYANSOKAN"), "BIFALL", 5000, "2026-09-10");

        AssistanceCalculationService service = AopTestUtils.getTargetObject(calculations);
        assertThat(service.consecutiveMonthsWithSupport(client, YearMonth.of(2026, 7))).isEqualTo(6);
        assertThat(service.consecutiveMonthsWithSupport(client, YearMonth.of(2026, 9))).isEqualTo(1);
        assertThat(service.consecutiveMonthsWithSupport(client, YearMonth.of(2026, 12))).isEqualTo(2);
        assertThat(service.consecutiveMonthsWithSupport(client, YearMonth.of(2026, 1))).isZero();
        assertThat(service.grantedForMonth(client, YearMonth.of(2026, 10), null)).isEqualTo(7000);
        assertThat(service.grantedForMonth(client, YearMonth.of(2026, 10), october)).isZero();
        assertThat(service.grantedForMonth(client, YearMonth.of(2026, 9), null)).isZero();
        assertThat(service.grantedForMonth(other, YearMonth.of(2026, 9), null)).isEqualTo(5000);
        assertThat(service.consecutiveMonthsWithSupport(other, YearMonth.of(2026, 10))).isEqualTo(1);
    }

    @Test
    void aYearOfGrantsIsReadInOneQuery() {
        UUID client = client();
        for (int month = 1; month <= 12; month++) {
            String m = YearMonth.of(2025, month).toString();
            decision(application(client, m, "ATERANSOKAN"), "BIFALL", 9000, m + "-10");
        }
        AssistanceCalculationService service = AopTestUtils.getTargetObject(calculations);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        try {
            statistics.clear();
            assertThat(service.consecutiveMonthsWithSupport(client, YearMonth.of(2026, 1))).isEqualTo(12);
            assertThat(statistics.getPrepareStatementCount()).as("statements for a year's history").isOne();
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
    }

    @Test
    void theInvestigationShowsTheLatestDecisionsOfTheHouseholdInOneQuery() {
        UUID client = client();
        for (int month = 1; month <= 9; month++) {
            String m = YearMonth.of(2025, month).toString();
            decision(application(client, m, "ATERANSOKAN"), "BIFALL", 1000L * month, m + "-10");
        }
        // August granted, then reconsidered: both decisions of the application are shown, the later last.
        UUID august = jdbc.queryForObject("select id from application where client_id = ? and for_month = '2025-08'",
                UUID.class, client);
        decision(august, "AVSLAG", 0, "2025-08-20");
        application(client, "2025-10", "TILLAGGSANSOKAN");   // no decision yet: nothing to show
        UUID current = application(client, "2025-11", "ATERANSOKAN");
        decision(application(client(), "2025-10", "NYANSOKAN"), "BIFALL", 99_999, "2025-10-10");

        UUID newcomer = application(client(), "2025-11", "NYANSOKAN");

        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        boolean enabled = statistics.isStatisticsEnabled();
        statistics.setStatisticsEnabled(true);
        String text;
        long withHistory;
        long withoutHistory;
        try {
            statistics.clear();
            text = basis.summarize(current, null).text();
            withHistory = statistics.getPrepareStatementCount();
            statistics.clear();
            basis.summarize(newcomer, null);
            withoutHistory = statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(enabled);
        }
        String section = text.substring(text.indexOf("Tidigare beslut för hushållet"));
        section = section.substring(0, section.indexOf("\n\n") < 0 ? section.length() : section.indexOf("\n\n"));
        // Months 9, 8 (two decisions), 7, 6, 5: six decisions, whole applications; nothing of another household.
        assertThat(section.lines().skip(1).map(String::strip).toList()).containsExactly(
                month("2025-09") + ": " + label("BIFALL") + ", " + kronor(9000),
                month("2025-08") + ": " + label("BIFALL") + ", " + kronor(8000),
                month("2025-08") + ": " + label("AVSLAG") + ", " + kronor(0),
                month("2025-07") + ": " + label("BIFALL") + ", " + kronor(7000),
                month("2025-06") + ": " + label("BIFALL") + ", " + kronor(6000),
                month("2025-05") + ": " + label("BIFALL") + ", " + kronor(5000));
        // Ten months of history cost no statement more than none (was 25 against 10: the applications, each one's
        // incomes, then each one's decisions).
        assertThat(withHistory).as("statements of the summary with a household's history").isEqualTo(withoutHistory);
    }

    private static String label(String kind) {
        return se.stegvis.letter.DecisionKind.valueOf(kind).label();
    }

    private static String month(String month) {
        return se.stegvis.letter.SwedishFormat.month(YearMonth.parse(month));
    }

    private static String kronor(long amount) {
        return se.stegvis.letter.SwedishFormat.kronor(amount);
    }

    private UUID client() {
        return CaseRows.client(jdbc, personnummer);
    }

    private UUID application(UUID client, String month, String kind) {
        return CaseRows.application(jdbc, client, month, kind);
    }

    /** The application's first decision, or, when it has one, a reconsideration that replaces the latest. */
    private void decision(UUID application, String kind, long amount, String day) {
        UUID replaces = jdbc.query("select id from decision where application_id = ? order by decided_at desc",
                (r, n) -> r.getObject(1, UUID.class), application).stream().findFirst().orElse(null);
        jdbc.update("insert into decision (id, application_id, kind, amount, investigator, decided_at,"
                + " replaces_decision_id, first_of_application) values (?, ?, ?, ?, 'handlaggare1', ?, ?, ?)",
                UUID.randomUUID(), application, kind, amount, Timestamp.from(Instant.parse(day + "T12:00:00Z")),
                replaces, replaces == null ? application : null);
    }
}
