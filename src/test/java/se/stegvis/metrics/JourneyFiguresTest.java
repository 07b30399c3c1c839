package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementType;

/**
 * The figures of docs/nyckeltal.md, "Klientresan" and "Avslut och resultat", on a hand-built fixture (2021–2022) with
 * every expected number worked out by hand in the comments. The rows are written to a database of the test's own
 * (PostgreSQL here, H2 in {@link JourneyFiguresH2Test}) and the figures are computed there by SQL, as in production.
 * Clients c1 and c2 belong to the unit Hageby, the others to none.
 *
 * <pre>
 * c1 J1 start 01-10, mapped 01-20, plan 02-05; P1 PRAKTIK req 02-05 start 02-15 end 04-30 ARBETE; exit 05-10 ARBETE,
 *       six-month follow-up 11-10 still working. Steps: 2 (2021-12-20) → 3 (03-01, in PRAKTIK).
 * c2 J2 start 01-15, mapped 02-10, plan 03-01; P2 NYSTARTSJOBB req 03-01 start 03-15 end 03-31 AVBRUTEN (ends the month
 *       it started); P3 LÖNEBIDRAG req 03-20 start 04-01 end 06-30 NASTA_STEG; exit 07-20 STUDIER (20 days after P3:
 *       P3 counts as followed by studies, P2 does not: 111 days). Steps: 5 (03-20), 5 (05-01): no move.
 * c3 J3 start 02-01, mapped 02-10, plan 02-20; P4 SFI req 02-20 start 03-01, flex-SFI from 05-10, running;
 *       P5 INTRODUKTIONSJOBB req 06-01 start 06-20 end 09-30 FORTSATT_INSATS; P6 PRAKTIK req 06-01 start 07-01 end
 *       07-25 STUDIER. Steps: 2 (03-10, in SFI) → 5 (06-25, in flex-SFI and introduktionsjobb).
 * c4 exits and returns: J4a 2021-01-10 to exit 2021-03-15 ARBETE (step 4 on 2021-02-01); assistance 2021-06;
 *       J4b from 03-01, not mapped (kartläggning); step 3 on 04-01: lower than 4, no move.
 * c5 J5 2021-02-01 to exit 2021-02-20 ANNAN_ERSATTNING; assistance only in 2021-02 (the exit month): not returned.
 * c6 J6 2021-06-01 to exit 2021-12-01 ANNAT, follow-up 2022-06-01 not working; assistance 2022-12 (12th month): returned.
 * c7 J7 2020-06-01 to exit 2020-12-31 FLYTTAT: exactly 24 months before 2022-12-31, outside the return window.
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JourneyFiguresTest {

    static final Instant NOW = Instant.parse("2022-12-20T12:00:00Z");

    FigureDatabase db;
    KeyFigureService service;
    UUID c1, c2, c3, c4, c5, c6, c7;
    UUID j1, j2, j3, j4a, j4b, j5, j6, j7;

    FigureDatabase.Kind kind() {
        return FigureDatabase.Kind.POSTGRESQL;
    }

    @BeforeAll
    void fixture() {
        db = new FigureDatabase(kind(), "journey_figures");
        service = db.service(NOW, Map.of());
        c1 = db.client("Hageby");
        c2 = db.client("Hageby");
        c3 = db.client(null);
        c4 = db.client(null);
        c5 = db.client(null);
        c6 = db.client(null);
        c7 = db.client(null);

        j1 = journey(c1, "2022-01-10", "2022-01-20", "2022-02-05");
        j2 = journey(c2, "2022-01-15", "2022-02-10", "2022-03-01");
        j3 = journey(c3, "2022-02-01", "2022-02-10", "2022-02-20");
        j4a = journey(c4, "2021-01-10", "2021-01-20", "2021-01-25");
        j4b = journey(c4, "2022-03-01", null, null);
        j5 = journey(c5, "2021-02-01", null, null);
        j6 = journey(c6, "2021-06-01", null, null);
        j7 = journey(c7, "2020-06-01", null, null);

        placement(j1, PlacementType.PRAKTIK, "2022-02-05", "2022-02-15", "2022-04-30", PlacementOutcome.ARBETE, null);
        placement(j2, PlacementType.NYSTARTSJOBB, "2022-03-01", "2022-03-15", "2022-03-31", PlacementOutcome.AVBRUTEN,
                null);
        placement(j2, PlacementType.ANSTALLNING_MED_STOD_LONEBIDRAG, "2022-03-20", "2022-04-01", "2022-06-30",
                PlacementOutcome.NASTA_STEG, null);
        placement(j3, PlacementType.SFI, "2022-02-20", "2022-03-01", null, null, "2022-05-10");
        placement(j3, PlacementType.INTRODUKTIONSJOBB, "2022-06-01", "2022-06-20", "2022-09-30",
                PlacementOutcome.FORTSATT_INSATS, null);
        placement(j3, PlacementType.PRAKTIK, "2022-06-01", "2022-07-01", "2022-07-25", PlacementOutcome.STUDIER, null);

        step(j4a, "2021-02-01", 4);
        step(j1, "2021-12-20", 2);
        step(j1, "2022-03-01", 3);
        step(j3, "2022-03-10", 2);
        step(j2, "2022-03-20", 5);
        step(j4b, "2022-04-01", 3);
        step(j2, "2022-05-01", 5);
        step(j3, "2022-06-25", 5);

        exit(j7, ExitReason.FLYTTAT, "2020-12-31");
        exit(j5, ExitReason.ANNAN_ERSATTNING, "2021-02-20");
        exit(j4a, ExitReason.ARBETE, "2021-03-15");
        UUID exit6 = exit(j6, ExitReason.ANNAT, "2021-12-01");
        UUID exit1 = exit(j1, ExitReason.ARBETE, "2022-05-10");
        exit(j2, ExitReason.STUDIER, "2022-07-20");
        db.exitFollowUp(exit6, LocalDate.parse("2022-06-01"), false);
        db.exitFollowUp(exit1, LocalDate.parse("2022-11-10"), true);

        assist(c7, "2021-01");
        assist(c5, "2021-02");
        assist(c4, "2021-06");
        assist(c6, "2022-12");

        // c1: both held in time, and one cancelled by the exit before it was due (not counted).
        followUp(j1, "2022-03-08T10:00:00Z", "2022-03-07T15:00:00Z", true);
        followUp(j1, "2022-04-05T10:00:00Z", "2022-04-05T09:00:00Z", true);
        followUp(j1, "2022-05-20T10:00:00Z", "2022-05-10T12:00:00Z", false);
        // c2: one held two days late, one still open when the journey ended after its due date.
        followUp(j2, "2022-04-10T10:00:00Z", "2022-04-12T10:00:00Z", true);
        followUp(j2, "2022-07-01T10:00:00Z", "2022-07-20T10:00:00Z", false);
        // c3: open and overdue; c4: open and not yet due (not counted); c3 again: due next year (outside the period).
        followUp(j3, "2022-12-15T10:00:00Z", null, false);
        followUp(j4b, "2022-12-28T10:00:00Z", null, false);
        followUp(j3, "2023-01-12T10:00:00Z", null, false);
        db.rebuildFacts();
    }

    List<KeyFigure> compute(YearMonth from, YearMonth to, String unit) {
        List<KeyFigure> all = service.compute(from, to, unit);
        // Only this section's figures, as before: "Bistånd" and "Handläggning" have fixtures of their own.
        return all.stream().filter(f -> SECTION.contains(f.id())).toList();
    }

    static final java.util.Set<String> SECTION = java.util.Set.of("klienter_per_fas", "insatser_aktiva",
            "vantetid_till_start", "stegforflyttning", "uppfoljning_i_tid", "avslut_per_orsak",
            "andel_arbete_studier_efter_anstallning_med_stod", "andel_arbete_studier_efter_insats",
            "andel_kvar_efter_sex_manader", "andel_ater_inom_12_manader");

    List<KeyFigure> year2022() {
        return compute(YearMonth.of(2022, 1), YearMonth.of(2022, 12), null);
    }

    static KeyFigure figure(List<KeyFigure> figures, String id, String month, String category) {
        return figures.stream().filter(f -> f.id().equals(id) && Objects.equals(f.month(), month)
                        && Objects.equals(f.category(), category))
                .findFirst().orElseThrow(() -> new AssertionError(id + " " + month + " " + category));
    }

    static Double value(List<KeyFigure> figures, String id, String month, String category) {
        return figure(figures, id, month, category).value();
    }

    @Test
    void clientsPerPhaseAtTheEndOfEachMonth() {
        List<KeyFigure> f = year2022();
        // Jan: J1 mapped, no plan → planering; J2 not mapped → kartläggning.
        assertThat(phases(f, "2022-01")).containsExactly(1.0, 1.0, 0.0, 0.0);
        // Feb: J1 in PRAKTIK; J2 mapped, no plan; J3 planned, SFI starts 1 March → uppföljning.
        assertThat(phases(f, "2022-02")).containsExactly(0.0, 1.0, 1.0, 1.0);
        // Mar: J4b new (kartläggning); J1 and J3 in placements; J2's NYSTARTSJOBB ended 31 March → uppföljning.
        assertThat(phases(f, "2022-03")).containsExactly(1.0, 0.0, 2.0, 1.0);
        // Apr: J1's PRAKTIK ended 30 April → uppföljning; J2 in LÖNEBIDRAG; J3 in SFI.
        assertThat(phases(f, "2022-04")).containsExactly(1.0, 0.0, 2.0, 1.0);
        // May: J1 exited 10 May; J2, J3 in placements; J4b still not mapped.
        assertThat(phases(f, "2022-05")).containsExactly(1.0, 0.0, 2.0, 0.0);
        // Aug: J2 exited in July; J3 in flex-SFI and INTRODUKTIONSJOBB.
        assertThat(phases(f, "2022-08")).containsExactly(1.0, 0.0, 1.0, 0.0);
    }

    private static List<Double> phases(List<KeyFigure> f, String month) {
        return List.of("kartlaggning", "planering", "i_insats", "uppfoljning").stream()
                .map(phase -> value(f, "klienter_per_fas", month, phase)).toList();
    }

    @Test
    void activePlacementsByTypeAtTheEndOfEachMonth() {
        List<KeyFigure> f = year2022();
        assertThat(value(f, "insatser_aktiva", "2022-03", "PRAKTIK")).isEqualTo(1);
        assertThat(value(f, "insatser_aktiva", "2022-03", "SFI")).isEqualTo(1);
        // Started 15 March and ended 31 March: never active at a month's end.
        assertThat(value(f, "insatser_aktiva", "2022-03", "NYSTARTSJOBB")).isEqualTo(0);
        assertThat(value(f, "insatser_aktiva", "2022-04", "PRAKTIK")).isEqualTo(0);
        assertThat(value(f, "insatser_aktiva", "2022-04", "ANSTALLNING_MED_STOD_LONEBIDRAG")).isEqualTo(1);
        // SFI became flex-SFI on 10 May.
        assertThat(value(f, "insatser_aktiva", "2022-04", "SFI")).isEqualTo(1);
        assertThat(value(f, "insatser_aktiva", "2022-05", "SFI")).isEqualTo(0);
        assertThat(value(f, "insatser_aktiva", "2022-05", "FLEX_SFI")).isEqualTo(1);
        assertThat(value(f, "insatser_aktiva", "2022-07", "INTRODUKTIONSJOBB")).isEqualTo(1);
        assertThat(value(f, "insatser_aktiva", "2022-07", "PRAKTIK")).isEqualTo(0);
        assertThat(f.stream().filter(k -> k.id().equals("insatser_aktiva") && "2022-06".equals(k.month())))
                .hasSize(PlacementType.values().length);
    }

    @Test
    void waitingTimeToStartIsTheMedianPerTypeAtTheStart() {
        List<KeyFigure> f = year2022();
        // PRAKTIK: 10 and 30 days → nearest-rank median the lower, 10.
        assertThat(figure(f, "vantetid_till_start", null, "PRAKTIK")).satisfies(k -> {
            assertThat(k.value()).isEqualTo(10);
            assertThat(k.denominator()).isEqualTo(2);
        });
        assertThat(value(f, "vantetid_till_start", null, "NYSTARTSJOBB")).isEqualTo(14);
        assertThat(value(f, "vantetid_till_start", null, "ANSTALLNING_MED_STOD_LONEBIDRAG")).isEqualTo(12);
        assertThat(value(f, "vantetid_till_start", null, "INTRODUKTIONSJOBB")).isEqualTo(19);
        // Started as SFI (9 days), switched to flex-SFI later.
        assertThat(value(f, "vantetid_till_start", null, "SFI")).isEqualTo(9);
        assertThat(figure(f, "vantetid_till_start", null, "FLEX_SFI").value()).isNull();
        assertThat(figure(f, "vantetid_till_start", null, "FLEX_SFI").denominator()).isZero();
        // Only March: NYSTARTSJOBB (started 15 March) and SFI (1 March).
        List<KeyFigure> march = compute(YearMonth.of(2022, 3), YearMonth.of(2022, 3), null);
        assertThat(value(march, "vantetid_till_start", null, "PRAKTIK")).isNull();
        assertThat(value(march, "vantetid_till_start", null, "SFI")).isEqualTo(9);
    }

    @Test
    void stepMovementOverallAndByTypeOfThePlacementAtTheHigherAssessment() {
        List<KeyFigure> f = year2022();
        // Assessed in 2022: c1 (2 → 3, up), c2 (5, 5), c3 (2 → 5, up), c4 (4 in 2021 → 3, down) → 2 of 4.
        assertThat(figure(f, "stegforflyttning", null, null)).satisfies(k -> {
            assertThat(k.numerator()).isEqualTo(2);
            assertThat(k.denominator()).isEqualTo(4);
            assertThat(k.value()).isEqualTo(0.5);
        });
        assertThat(shareOf(f, "stegforflyttning", "PRAKTIK")).containsExactly(1L, 1L);
        assertThat(shareOf(f, "stegforflyttning", "NYSTARTSJOBB")).containsExactly(0L, 1L);
        assertThat(shareOf(f, "stegforflyttning", "ANSTALLNING_MED_STOD_LONEBIDRAG")).containsExactly(0L, 1L);
        // c3 was assessed in SFI (2) and moved up while in flex-SFI and INTRODUKTIONSJOBB (5).
        assertThat(shareOf(f, "stegforflyttning", "SFI")).containsExactly(0L, 1L);
        assertThat(shareOf(f, "stegforflyttning", "FLEX_SFI")).containsExactly(1L, 1L);
        assertThat(shareOf(f, "stegforflyttning", "INTRODUKTIONSJOBB")).containsExactly(1L, 1L);
        assertThat(figure(f, "stegforflyttning", null, "STUDIER").value()).isNull();
        // From May: c2 (5 before → 5), c3 (2 before → 5): 1 of 2; c1 and c4 have no assessment then.
        List<KeyFigure> fromMay = compute(YearMonth.of(2022, 5), YearMonth.of(2022, 12), null);
        assertThat(shareOf(fromMay, "stegforflyttning", null)).containsExactly(1L, 2L);
    }

    private static List<Long> shareOf(List<KeyFigure> f, String id, String category) {
        KeyFigure k = figure(f, id, null, category);
        return List.of(k.numerator(), k.denominator());
    }

    @Test
    void timelyFollowUpsCountClientsWhoseDueConversationsWereAllHeldInTime() {
        List<KeyFigure> f = year2022();
        // c1 all in time; c2 one late; c3 overdue and open; c4's is not yet due; c3's next is due in 2023.
        assertThat(shareOf(f, "uppfoljning_i_tid", null)).containsExactly(1L, 3L);
        assertThat(figure(f, "uppfoljning_i_tid", null, null).value()).isEqualTo(0.3333);
        List<KeyFigure> march = compute(YearMonth.of(2022, 3), YearMonth.of(2022, 3), null);
        assertThat(shareOf(march, "uppfoljning_i_tid", null)).containsExactly(1L, 1L);
    }

    @Test
    void exitsByReasonInThePeriod() {
        List<KeyFigure> f = year2022();
        assertThat(value(f, "avslut_per_orsak", null, "ARBETE")).isEqualTo(1);
        assertThat(value(f, "avslut_per_orsak", null, "STUDIER")).isEqualTo(1);
        assertThat(value(f, "avslut_per_orsak", null, "ANNAT")).isEqualTo(0);
        List<KeyFigure> y2021 = compute(YearMonth.of(2021, 1), YearMonth.of(2021, 12), null);
        // 2021: c5 other benefit, c4's first journey to work, c6 other; c4 exits again? No: J4b is still active.
        assertThat(value(y2021, "avslut_per_orsak", null, "ANNAN_ERSATTNING")).isEqualTo(1);
        assertThat(value(y2021, "avslut_per_orsak", null, "ARBETE")).isEqualTo(1);
        assertThat(value(y2021, "avslut_per_orsak", null, "ANNAT")).isEqualTo(1);
        assertThat(f.stream().filter(k -> k.id().equals("avslut_per_orsak"))).hasSize(ExitReason.values().length);
    }

    @Test
    void workOrStudiesAfterSupportedEmploymentAndEveryPlacementType() {
        List<KeyFigure> f = year2022();
        // Supported employments ended in 2022: NYSTARTSJOBB (interrupted, exit 111 days later: no), LÖNEBIDRAG (exit
        // to studies 20 days later: yes), INTRODUKTIONSJOBB (continued placement, no exit: no) → 1 of 3.
        assertThat(figure(f, "andel_arbete_studier_efter_anstallning_med_stod", null, null)).satisfies(k -> {
            assertThat(k.numerator()).isEqualTo(1);
            assertThat(k.denominator()).isEqualTo(3);
            assertThat(k.value()).isEqualTo(0.3333);
        });
        assertThat(shareOf(f, "andel_arbete_studier_efter_insats", "PRAKTIK")).containsExactly(2L, 2L);
        assertThat(shareOf(f, "andel_arbete_studier_efter_insats", "NYSTARTSJOBB")).containsExactly(0L, 1L);
        assertThat(shareOf(f, "andel_arbete_studier_efter_insats", "ANSTALLNING_MED_STOD_LONEBIDRAG"))
                .containsExactly(1L, 1L);
        assertThat(shareOf(f, "andel_arbete_studier_efter_insats", "INTRODUKTIONSJOBB")).containsExactly(0L, 1L);
        assertThat(figure(f, "andel_arbete_studier_efter_insats", null, "FLEX_SFI").value()).isNull();
        // March alone: the NYSTARTSJOBB that started and ended in March counts.
        List<KeyFigure> march = compute(YearMonth.of(2022, 3), YearMonth.of(2022, 3), null);
        assertThat(shareOf(march, "andel_arbete_studier_efter_anstallning_med_stod", null)).containsExactly(0L, 1L);
    }

    @Test
    void stillInWorkOrStudiesAtTheSixMonthFollowUp() {
        List<KeyFigure> f = year2022();
        // Recorded in 2022: c6 (1 June, not working), c1 (10 November, working) → 1 of 2.
        assertThat(shareOf(f, "andel_kvar_efter_sex_manader", null)).containsExactly(1L, 2L);
    }

    @Test
    void returnedToAssistanceWithinTwelveMonthsCountsEachExit() {
        List<KeyFigure> f = year2022();
        // Exits after 2020-12-31 and on or before 2021-12-31: c5 (assistance only in its exit month: no), c4's first
        // journey (assistance 3 months later: yes, and c4 counts again for J4b when it ends), c6 (12th month: yes).
        // c7's exit on 2020-12-31 is 24 months before the period's end: outside.
        assertThat(shareOf(f, "andel_ater_inom_12_manader", null)).containsExactly(2L, 3L);
        assertThat(figure(f, "andel_ater_inom_12_manader", null, null).value()).isEqualTo(0.6667);
        // Ending November 2022 the window is 2020-11-30 (excl.) to 2021-11-30: c7, c5 and c4 (c6 not yet).
        List<KeyFigure> toNovember = compute(YearMonth.of(2022, 1), YearMonth.of(2022, 11), null);
        assertThat(shareOf(toNovember, "andel_ater_inom_12_manader", null)).containsExactly(2L, 3L);
    }

    @Test
    void aPeriodWithNoDataGivesZeroCountsAndNoShares() {
        List<KeyFigure> f = compute(YearMonth.of(2019, 1), YearMonth.of(2019, 2), null);
        assertThat(value(f, "klienter_per_fas", "2019-01", "kartlaggning")).isZero();
        assertThat(value(f, "insatser_aktiva", "2019-02", "PRAKTIK")).isZero();
        assertThat(value(f, "avslut_per_orsak", null, "ARBETE")).isZero();
        for (String share : List.of("stegforflyttning", "uppfoljning_i_tid", "andel_kvar_efter_sex_manader",
                "andel_arbete_studier_efter_anstallning_med_stod", "andel_ater_inom_12_manader")) {
            assertThat(figure(f, share, null, null).value()).as(share).isNull();
            assertThat(figure(f, share, null, null).denominator()).as(share).isZero();
        }
        assertThat(value(f, "vantetid_till_start", null, "PRAKTIK")).isNull();
        assertThat(f).allSatisfy(k -> assertThat(k.note()).isNull());
    }

    @Test
    void perUnitOnlyTheUnitsClientsCountAndFewerThanFiveAreSuppressed() {
        List<KeyFigure> f = compute(YearMonth.of(2022, 1), YearMonth.of(2022, 12), "Hageby");
        // March: c1 in a placement (c3 is not in the unit): 1 → suppressed; kartläggning (c4 elsewhere) 0 → shown.
        assertThat(figure(f, "klienter_per_fas", "2022-03", "i_insats")).satisfies(k -> {
            assertThat(k.value()).isNull();
            assertThat(k.note()).isEqualTo(KeyFigure.SUPPRESSED);
        });
        assertThat(value(f, "klienter_per_fas", "2022-03", "kartlaggning")).isZero();
        assertThat(figure(f, "avslut_per_orsak", null, "ARBETE").note()).isEqualTo(KeyFigure.SUPPRESSED);
        assertThat(value(f, "avslut_per_orsak", null, "FLYTTAT")).isZero();
        // Step movement: c1 and c2 only, 2 clients → suppressed, no numerator or denominator either.
        assertThat(figure(f, "stegforflyttning", null, null)).satisfies(k -> {
            assertThat(k.value()).isNull();
            assertThat(k.numerator()).isNull();
            assertThat(k.denominator()).isNull();
        });
    }

    // --- fixture helpers

    private UUID journey(UUID client, String started, String mappedOn, String agreedOn) {
        UUID journey = db.journey(client, LocalDate.parse(started));
        if (mappedOn != null) {
            db.mapped(journey, LocalDate.parse(mappedOn));
        }
        if (agreedOn != null) {
            db.planAgreed(journey, LocalDate.parse(agreedOn));
        }
        return journey;
    }

    private void placement(UUID journey, PlacementType type, String requested, String started, String ended,
                           PlacementOutcome outcome, String switchedToFlexSfi) {
        db.placement(journey, type, LocalDate.parse(requested), LocalDate.parse(started),
                ended == null ? null : LocalDate.parse(ended), outcome,
                switchedToFlexSfi == null ? null : LocalDate.parse(switchedToFlexSfi));
    }

    private void step(UUID journey, String on, int level) {
        db.step(journey, LocalDate.parse(on), level);
    }

    private UUID exit(UUID journey, ExitReason reason, String on) {
        return db.exit(journey, reason, LocalDate.parse(on));
    }

    private void assist(UUID client, String month) {
        db.granted(client, YearMonth.parse(month), 3000);
    }

    private void followUp(UUID journey, String due, String ended, boolean completed) {
        db.followUp(journey, Instant.parse(due), ended == null ? null : Instant.parse(ended), completed);
    }
}
