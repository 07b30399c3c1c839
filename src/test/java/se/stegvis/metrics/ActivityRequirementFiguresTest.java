package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.metrics.FigureDatabase.ts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The figures of docs/nyckeltal.md, section "Aktivitetskrav", on a hand-built fixture (autumn 2026, period
 * 2026-10 – 2026-12) with every expected number worked out by hand. Computed by SQL on the test's own database
 * (PostgreSQL here, H2 in {@link ActivityRequirementFiguresH2Test}). c1 belongs to the unit Hageby.
 *
 * <pre>
 * c1 granted 07–12; covered from 10 (recorded 09-05); plan agreed 10-02 (27 days), a version with 40 of 40 hours
 *    agreed 11-01, one with 10 hours in January (after the period); sanction UPHELD 11-10 (under the requirement).
 *    Notices: KLIENT_OMFATTAS sent 09-05 (before the period), plan changed 10-02 sent.
 * c2 granted 07–10 and 12 (not 11); covered from 10 (recorded 09-06): covered in Oct only (the run broke in Nov);
 *    no plan agreed.
 * c3 granted 08–12; covered from 11 (recorded 10-07); plan agreed 11-16 (40 days); exempt (sjukpenning) from 12-01:
 *    covered in Nov, not Dec; sanction DROPPED 12-01 (under the requirement). Notice 10-07 unanswered.
 * c4 exempt (heltidssysselsatt) 09-01 – 11-30: not exempt on the period's last day; never covered.
 * c5 granted 09–12; covered from 12 (recorded 11-05); a plan agreed 10-01 (before: does not count), a new version
 *    agreed 12-10 (35 days) with 30 of 40 hours; sanction DROPPED 11-20, proposed before it was covered (not counted). Notice 11-05 waiting.
 * c6 granted 10–12, never covered; sanction UPHELD 11-15 (not counted).
 * c7 granted 08–12, exempt by age (under 18) from 11-01 to 2027-03-14, when the run would have made it covered from 11:
 *    exempt in Nov and Dec, never covered.
 * c8 granted 07–10 (not 11, 12), exempt by age (pension age) from 10-01: exempt in Oct only (the run broke in Nov).
 * c9 granted 07–12; covered from 10 (recorded 09-07), no plan; reaches the pension age 11-15 (an age exemption from
 *    then) and has sjukpenning recorded from 12-01: covered in Oct only; in Dec exempt on two grounds, counted once.
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityRequirementFiguresTest {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final Instant NOW = Instant.parse("2026-12-20T12:00:00Z");

    FigureDatabase db;
    KeyFigureService service;

    FigureDatabase.Kind kind() {
        return FigureDatabase.Kind.POSTGRESQL;
    }

    @BeforeAll
    void fixture() {
        db = new FigureDatabase(kind(), "activity_requirement_figures");
        service = db.service(NOW, Map.of());
        UUID c1 = db.client("Hageby");
        UUID c2 = db.client(null);
        UUID c3 = db.client(null);
        UUID c4 = db.client(null);
        UUID c5 = db.client(null);
        UUID c6 = db.client(null);
        UUID c7 = db.client(null);
        UUID c8 = db.client(null);
        UUID c9 = db.client(null);
        granted(c1, 7, 8, 9, 10, 11, 12);
        granted(c2, 7, 8, 9, 10, 12);
        granted(c3, 8, 9, 10, 11, 12);
        granted(c5, 9, 10, 11, 12);
        granted(c6, 10, 11, 12);
        granted(c7, 8, 9, 10, 11, 12);
        granted(c8, 7, 8, 9, 10);
        granted(c9, 7, 8, 9, 10, 11, 12);

        coverage(c1, "2026-10", "2026-09-05");
        coverage(c2, "2026-10", "2026-09-06");
        coverage(c3, "2026-11", "2026-10-07");
        coverage(c5, "2026-12", "2026-11-05");
        coverage(c9, "2026-10", "2026-09-07");

        exemption(c3, "SJUKPENNING_ELLER_LIKNANDE", "2026-12-01", null);
        exemption(c4, "HELTIDSSYSSELSATT", "2026-09-01", "2026-11-30");
        exemption(c9, "SJUKPENNING_ELLER_LIKNANDE", "2026-12-01", null);
        ageExemption(c7, "UNDER_18", "2026-11", "2026-11-01", "2027-03-14");
        ageExemption(c8, "PENSIONSALDER", "2026-10", "2026-10-01", null);
        ageExemption(c9, "PENSIONSALDER", "2026-10", "2026-11-15", null);

        UUID j1 = db.journey(c1, LocalDate.parse("2026-09-10"));
        UUID j2 = db.journey(c2, LocalDate.parse("2026-09-10"));
        UUID j3 = db.journey(c3, LocalDate.parse("2026-09-10"));
        UUID j5 = db.journey(c5, LocalDate.parse("2026-09-10"));
        UUID j6 = db.journey(c6, LocalDate.parse("2026-10-10"));
        db.planAgreed(j1, LocalDate.parse("2026-10-02"));
        db.planAgreed(j3, LocalDate.parse("2026-11-16"));
        db.planAgreed(j5, LocalDate.parse("2026-10-01"));
        versionAgreed(j5, 2, LocalDate.parse("2026-12-10"), 40, 30);
        versionAgreed(j1, 2, LocalDate.parse("2026-11-01"), 40, 40);
        versionAgreed(j1, 3, LocalDate.parse("2027-01-05"), 40, 10); // after the period

        sanction(j1, "UPHELD", "2026-11-10", true);
        sanction(j3, "DROPPED", "2026-12-01", true);
        sanction(j5, "DROPPED", "2026-11-20", false);
        sanction(j6, "UPHELD", "2026-11-15", false);
        sanction(j2, null, null, true); // proposed, not decided

        notice(c1, "OMFATTAS:1", "SKICKAD", "2026-09-05");
        notice(c1, "PLAN:1:2", "SKICKAD", "2026-10-02");
        notice(c3, "OMFATTAS:3", "OBESVARAD", "2026-10-07");
        notice(c5, "OMFATTAS:5", "VANTAR", "2026-11-05");
        db.rebuildFacts();
    }

    List<KeyFigure> autumn(String unit) {
        return service.compute(YearMonth.of(2026, 10), YearMonth.of(2026, 12), unit).stream()
                .filter(f -> f.id().startsWith("aktivitetskrav")).toList();
    }

    static Double value(List<KeyFigure> figures, String id, String month, String category) {
        return figures.stream().filter(f -> f.id().equals(id) && Objects.equals(f.month(), month)
                        && Objects.equals(f.category(), category))
                .findFirst().orElseThrow(() -> new AssertionError(id + " " + month + " " + category)).value();
    }

    @Test
    void clientsCoveredAtTheEndOfEachMonth() {
        List<KeyFigure> f = autumn(null);
        assertThat(value(f, "aktivitetskrav_omfattade", "2026-10", null)).isEqualTo(3); // c1, c2, c9
        // c1, c3 (c2's run broke; c9 reached the pension age)
        assertThat(value(f, "aktivitetskrav_omfattade", "2026-11", null)).isEqualTo(2);
        assertThat(value(f, "aktivitetskrav_omfattade", "2026-12", null)).isEqualTo(2); // c1, c5 (c3 exempt)
        assertThat(value(f, "aktivitetskrav_nya_omfattade", "2026-10", null)).isEqualTo(3);
        assertThat(value(f, "aktivitetskrav_nya_omfattade", "2026-11", null)).isEqualTo(1);
        assertThat(value(f, "aktivitetskrav_nya_omfattade", "2026-12", null)).isEqualTo(1);
    }

    @Test
    void plannedAgainstRequiredHoursOfTheClientsCoveredAtThePeriodsEnd() {
        List<KeyFigure> f = autumn(null);
        // December: c1 (40 of 40, the January version not yet agreed) and c5 (30 of 40).
        KeyFigure met = f.stream().filter(x -> x.id().equals("aktivitetskrav_plan_i_krav_omfattning")).findFirst()
                .orElseThrow();
        assertThat(met.numerator()).isEqualTo(1);
        assertThat(met.denominator()).isEqualTo(2);
        assertThat(met.value()).isEqualTo(0.5);
        assertThat(value(f, "aktivitetskrav_timmar_planerade_snitt", null, null)).isEqualTo(35.0);
        assertThat(value(f, "aktivitetskrav_timmar_krav_snitt", null, null)).isEqualTo(40.0);
        // November: c1 (40 of 40) and c3, whose only plan records no hours (from before the requirement).
        List<KeyFigure> nov = service.compute(YearMonth.of(2026, 11), YearMonth.of(2026, 11), null);
        assertThat(nov.stream().filter(x -> x.id().equals("aktivitetskrav_plan_i_krav_omfattning")).findFirst()
                .orElseThrow().denominator()).isEqualTo(2);
        assertThat(value(nov, "aktivitetskrav_timmar_planerade_snitt", null, null)).isEqualTo(40.0);
    }

    @Test
    void exemptClientsByGroundOnThePeriodsLastDay() {
        List<KeyFigure> f = autumn(null);
        assertThat(value(f, "aktivitetskrav_undantagna", null, "SJUKPENNING_ELLER_LIKNANDE")).isEqualTo(2); // c3, c9
        assertThat(value(f, "aktivitetskrav_undantagna", null, "UNDER_18")).isEqualTo(1); // c7
        assertThat(value(f, "aktivitetskrav_undantagna", null, "PENSIONSALDER")).isEqualTo(1); // c9, not c8 (run broke)
        // c3, c7, c9 (c9 once although on two grounds); c4's ended on 11-30
        assertThat(value(f, "aktivitetskrav_undantagna", null, null)).isEqualTo(3);
        assertThat(f).noneMatch(x -> "HELTIDSSYSSELSATT".equals(x.category()));
    }

    @Test
    void exemptByAgeOnlyWhileTheRunOfGrantedMonthsGoesOn() {
        List<KeyFigure> october = service.compute(YearMonth.of(2026, 10), YearMonth.of(2026, 10), null).stream()
                .filter(x -> x.id().startsWith("aktivitetskrav")).toList();
        assertThat(value(october, "aktivitetskrav_undantagna", null, "PENSIONSALDER")).isEqualTo(1); // c8
        assertThat(value(october, "aktivitetskrav_undantagna", null, "HELTIDSSYSSELSATT")).isEqualTo(1); // c4
        assertThat(october).noneMatch(x -> "UNDER_18".equals(x.category())); // c7 from November
        assertThat(value(october, "aktivitetskrav_undantagna", null, null)).isEqualTo(2);
    }

    @Test
    void daysFromCoverageToAnAgreedPlan() {
        List<KeyFigure> f = autumn(null);
        // 27 (c1), 35 (c5: the version agreed before its coverage does not count), 40 (c3): nearest rank.
        assertThat(value(f, "aktivitetskrav_dagar_till_plan_median", null, null)).isEqualTo(35);
        assertThat(value(f, "aktivitetskrav_dagar_till_plan_p90", null, null)).isEqualTo(40);
        assertThat(value(f, "aktivitetskrav_utan_avtalad_plan", null, null)).isEqualTo(2); // c2, c9
    }

    @Test
    void sanctionsUnderTheRequirementAndNoticesToArbetsformedlingen() {
        List<KeyFigure> f = autumn(null);
        assertThat(value(f, "aktivitetskrav_sanktioner", null, "nedsatt_eller_vagrat")).isEqualTo(1); // c1, not c6
        assertThat(value(f, "aktivitetskrav_sanktioner", null, "avstod_godtagbart_skal")).isEqualTo(1); // c3, not c5
        assertThat(value(f, "aktivitetskrav_af_aviseringar", null, "SKICKAD")).isEqualTo(1);
        assertThat(value(f, "aktivitetskrav_af_aviseringar", null, "VANTAR")).isEqualTo(1);
        assertThat(value(f, "aktivitetskrav_af_aviseringar", null, "OBESVARAD")).isEqualTo(1);
    }

    @Test
    void perUnitOnlyTheUnitsClientsAndSmallNumbersSuppressed() {
        List<KeyFigure> f = autumn("Hageby");
        assertThat(value(f, "aktivitetskrav_omfattade", "2026-10", null)).isNull(); // c1 alone: suppressed
        assertThat(value(f, "aktivitetskrav_nya_omfattade", "2026-11", null)).isZero();
        assertThat(value(f, "aktivitetskrav_undantagna", null, null)).isZero();
        assertThat(value(f, "aktivitetskrav_sanktioner", null, "avstod_godtagbart_skal")).isZero();
    }

    private void granted(UUID client, int... months) {
        for (int m : months) {
            db.granted(client, YearMonth.of(2026, m), 5_000);
        }
    }

    private void coverage(UUID client, String from, String recordedOn) {
        db.jdbc.update("insert into activity_coverage (id, client_id, covered_from, recorded_at, plan_request)"
                + " values (?, ?, ?, ?, 'REVIDERA_PLANERING')", UUID.randomUUID(), client, from, at(recordedOn));
    }

    private void exemption(UUID client, String ground, String from, String to) {
        db.jdbc.update("insert into activity_exemption (id, client_id, ground, valid_from, valid_to, evidence,"
                + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, 'Intyg', 'coach1', ?)", UUID.randomUUID(), client,
                ground, LocalDate.parse(from), to == null ? null : LocalDate.parse(to), at(from));
    }

    private void ageExemption(UUID client, String ground, String coveredFrom, String from, String to) {
        db.jdbc.update("insert into activity_age_exemption (id, client_id, ground, covered_from, valid_from, valid_to,"
                + " recorded_at) values (?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID(), client, ground, coveredFrom,
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to), at(from));
    }

    private void versionAgreed(UUID journey, int version, LocalDate on, int required, int planned) {
        UUID plan = db.jdbc.queryForObject("select id from individual_plan where journey_id = ?", UUID.class, journey);
        Instant at = on.atTime(10, 0).atZone(SWEDEN).toInstant();
        db.jdbc.update("insert into plan_version (id, plan_id, version_number, goal, created_by, created_at,"
                + " agreed_with_client_at, activity_covered, required_hours_per_week, planned_hours_per_week)"
                + " values (?, ?, ?, 'ARBETE', 'coach1', ?, ?, true, ?, ?)", UUID.randomUUID(), plan, version, ts(at),
                ts(at), required, planned);
    }

    private void sanction(UUID journey, String decision, String decidedOn, boolean underRequirement) {
        db.jdbc.update("insert into sanction (id, journey_id, absence_description, status, proposed_amount, proposed_by,"
                + " proposed_at, decision, decided_by, decided_at, under_activity_requirement)"
                + " values (?, ?, 'Frånvaro', ?, 1000, 'coach1', ?, ?, ?, ?, ?)",
                UUID.randomUUID(), journey, decision == null ? "FORESLAGEN" : "BESLUTAD", at("2026-10-20"), decision,
                decision == null ? null : "handlaggare1", decidedOn == null ? null : at(decidedOn), underRequirement);
    }

    private void notice(UUID client, String key, String status, String createdOn) {
        db.jdbc.update("insert into af_notice (id, event_key, kind, client_id, content, status, attempts,"
                + " next_attempt_at, created_at, version) values (?, ?, 'KLIENT_OMFATTAS', ?, '{}', ?, 1, ?, ?, 0)",
                UUID.randomUUID(), key, client, status, at(createdOn), at(createdOn));
    }

    private static java.sql.Timestamp at(String day) {
        return ts(LocalDate.parse(day).atTime(10, 0).atZone(SWEDEN).toInstant());
    }
}
