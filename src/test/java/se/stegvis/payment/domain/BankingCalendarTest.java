package se.stegvis.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.YearMonth;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BankingCalendarTest {

    private final BankingCalendar calendar = new BankingCalendar();

    @ParameterizedTest
    @CsvSource({
            "2024, 2024-03-31",
            "2025, 2025-04-20",
            "2026, 2026-04-05",
            "2019, 2019-04-21",
            "2000, 2000-04-23",
            "2038, 2038-04-25",   // latest possible date
            "2285, 2285-03-22",   // earliest possible date
            "1818, 1818-03-22",
    })
    void computesEasterSunday(int year, LocalDate easter) {
        assertThat(BankingCalendar.easterSunday(year)).isEqualTo(easter);
    }

    @Test
    void easterIsAlwaysASundayBetweenMarch22AndApril25() {
        for (int year = 1900; year <= 2200; year++) {
            LocalDate easter = BankingCalendar.easterSunday(year);
            assertThat(easter.getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            assertThat(easter).isBetween(LocalDate.of(year, 3, 22), LocalDate.of(year, 4, 25));
        }
    }

    @Test
    void holidaysOf2025() {
        assertThat(calendar.closedDays(2025)).containsExactly(
                Map.entry(LocalDate.of(2025, 1, 1), "Nyårsdagen"),
                Map.entry(LocalDate.of(2025, 1, 6), "Trettondedag jul"),
                Map.entry(LocalDate.of(2025, 4, 18), "Långfredagen"),
                Map.entry(LocalDate.of(2025, 4, 19), "Påskafton"),
                Map.entry(LocalDate.of(2025, 4, 20), "Påskdagen"),
                Map.entry(LocalDate.of(2025, 4, 21), "Annandag påsk"),
                Map.entry(LocalDate.of(2025, 5, 1), "Första maj"),
                Map.entry(LocalDate.of(2025, 5, 29), "Kristi himmelsfärdsdag"),
                Map.entry(LocalDate.of(2025, 6, 6), "Sveriges nationaldag"),
                Map.entry(LocalDate.of(2025, 6, 8), "Pingstdagen"),
                Map.entry(LocalDate.of(2025, 6, 20), "Midsommarafton"),
                Map.entry(LocalDate.of(2025, 6, 21), "Midsommardagen"),
                Map.entry(LocalDate.of(2025, 11, 1), "Alla helgons dag"),
                Map.entry(LocalDate.of(2025, 12, 24), "Julafton"),
                Map.entry(LocalDate.of(2025, 12, 25), "Juldagen"),
                Map.entry(LocalDate.of(2025, 12, 26), "Annandag jul"),
                Map.entry(LocalDate.of(2025, 12, 31), "Nyårsafton"));
    }

    @ParameterizedTest
    @CsvSource({
            "2021, 2021-06-25, 2021-11-06",
            "2022, 2022-06-24, 2022-11-05",
            "2023, 2023-06-23, 2023-11-04",
            "2024, 2024-06-21, 2024-11-02",
            "2025, 2025-06-20, 2025-11-01",
            "2026, 2026-06-19, 2026-10-31",
    })
    void midsommarAndAllaHelgonsMoveWithTheWeek(int year, LocalDate midsommarafton, LocalDate allaHelgon) {
        Map<LocalDate, String> days = calendar.closedDays(year);

        assertThat(days).containsEntry(midsommarafton, "Midsommarafton")
                .containsEntry(midsommarafton.plusDays(1), "Midsommardagen")
                .containsEntry(allaHelgon, "Alla helgons dag");
        assertThat(calendar.isBankingDay(midsommarafton)).isFalse();
        assertThat(calendar.isBankingDay(midsommarafton.minusDays(1))).isTrue();
    }

    @Test
    void kristiHimmelsfardsdagIsThursdayFortyDaysAfterEasterCountingEaster() {
        assertThat(calendar.closedDays(2026)).containsEntry(LocalDate.of(2026, 5, 14), "Kristi himmelsfärdsdag");
        assertThat(calendar.closedDays(2024)).containsEntry(LocalDate.of(2024, 5, 9), "Kristi himmelsfärdsdag");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-01-01", "2025-01-06", "2025-04-18", "2025-04-21", "2025-05-01", "2025-05-29", "2025-06-06",
            "2025-06-20", "2025-12-24", "2025-12-25", "2025-12-26", "2025-12-31", // weekday holidays and eves
            "2025-12-27", "2025-12-28", // Saturday, Sunday
            "2026-04-03", "2026-04-06", "2026-05-14", "2026-06-19", // 2026: långfredag, annandag påsk, ...
    })
    void banksAreClosed(LocalDate date) {
        assertThat(calendar.isBankingDay(date)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-12-23", "2025-12-29", "2025-12-30", "2026-01-02", "2026-01-07", "2025-04-17",
            "2025-04-22", "2025-06-19", "2025-06-23", "2025-10-31", "2026-01-27"})
    void banksAreOpen(LocalDate date) {
        assertThat(calendar.isBankingDay(date)).isTrue();
    }

    @Test
    void countsBankingDaysOfWholeYears() {
        // 2025: 365 days, 104 weekend days, 12 holidays or eves on a weekday
        assertThat(bankingDaysIn(2025)).isEqualTo(249);
        // 2026: 365 days, 104 weekend days, 10 on a weekday (nationaldagen and annandag jul on a Saturday)
        assertThat(bankingDaysIn(2026)).isEqualTo(251);
    }

    @Test
    void previousBankingDayOnOrBefore() {
        assertThat(calendar.previousBankingDayOnOrBefore(LocalDate.of(2025, 12, 27))).isEqualTo(LocalDate.of(2025, 12, 23));
        assertThat(calendar.previousBankingDayOnOrBefore(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2025, 12, 30));
        assertThat(calendar.previousBankingDayOnOrBefore(LocalDate.of(2025, 4, 21))).isEqualTo(LocalDate.of(2025, 4, 17));
        assertThat(calendar.previousBankingDayOnOrBefore(LocalDate.of(2026, 1, 27))).isEqualTo(LocalDate.of(2026, 1, 27));
    }

    @Test
    void nextBankingDayOnOrAfter() {
        assertThat(calendar.nextBankingDayOnOrAfter(LocalDate.of(2025, 12, 24))).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(calendar.nextBankingDayOnOrAfter(LocalDate.of(2025, 12, 29))).isEqualTo(LocalDate.of(2025, 12, 29));
    }

    @ParameterizedTest
    @CsvSource({
            "2025-12, 27, 2025-12-23",  // 27 Sat; 26, 25, 24 closed
            "2026-01, 27, 2026-01-27",  // a Tuesday
            "2025-09, 27, 2025-09-26",  // Saturday -> Friday
            "2026-06, 27, 2026-06-26",
            "2025-06, 20, 2025-06-19",  // midsommarafton
            "2026-04, 6, 2026-04-02",   // annandag påsk, påskdagen, påskafton, långfredag
            "2026-05, 14, 2026-05-13",  // Kristi himmelsfärdsdag
            "2025-06, 6, 2025-06-05",   // nationaldagen on a Friday
            "2026-01, 1, 2025-12-30",   // nyårsdagen and nyårsafton: into the previous year
            "2026-02, 31, 2026-02-27",  // month end: 28 February 2026 is a Saturday
            "2024-02, 31, 2024-02-29",  // leap year, a Thursday
            "2025-05, 31, 2025-05-30",  // month end on a Saturday
            "2025-04, 30, 2025-04-30",  // month end on a weekday
    })
    void paymentDateIsMovedToThePreviousBankingDay(YearMonth month, int paymentDay, LocalDate expected) {
        assertThat(calendar.paymentDate(month, paymentDay)).isEqualTo(expected);
    }

    @Test
    void paymentDateOfEveryMonthIsABankingDayInThatMonthOrJustBefore() {
        for (YearMonth m = YearMonth.of(2024, 1); m.isBefore(YearMonth.of(2031, 1)); m = m.plusMonths(1)) {
            LocalDate date = calendar.paymentDate(m, 27);
            assertThat(calendar.isBankingDay(date)).isTrue();
            assertThat(date).isBetween(m.atDay(27).minusDays(6), m.atDay(27));
            for (LocalDate d = date.plusDays(1); !d.isAfter(m.atDay(27)); d = d.plusDays(1)) {
                assertThat(calendar.isBankingDay(d)).as("%s skipped", d).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 32})
    void refusesPaymentDayOutsideTheMonth(int day) {
        assertThatThrownBy(() -> calendar.paymentDate(YearMonth.of(2026, 1), day))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Utbetalningsdagen");
    }

    @Test
    void addWorkingDaysSkipsWeekendsHolidaysAndEves() {
        // complete application Friday 19 December 2025: 22, 23, 29, 30 Dec, 2, 5, 7, 8, 9, 12 Jan
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 12, 19), 10)).isEqualTo(LocalDate.of(2026, 1, 12));
        // an ordinary fortnight: Monday 2 February 2026 + 10 = Monday 16 February
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 2), 10)).isEqualTo(LocalDate.of(2026, 2, 16));
        // from a Saturday, Monday is the first working day
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 1, 31), 1)).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 1, 31), 0)).isEqualTo(LocalDate.of(2026, 1, 31));
        // and back again
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 1, 12), -10)).isEqualTo(LocalDate.of(2025, 12, 19));
    }

    private long bankingDaysIn(int year) {
        return Stream.iterate(LocalDate.of(year, 1, 1), d -> d.plusDays(1))
                .limit(Year.of(year).length())
                .filter(calendar::isBankingDay)
                .count();
    }
}
