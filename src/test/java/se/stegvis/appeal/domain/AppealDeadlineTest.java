package se.stegvis.appeal.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.stegvis.payment.domain.BankingCalendar;

class AppealDeadlineTest {

    final AppealDeadline deadline = new AppealDeadline(new BankingCalendar());

    @Test
    void threeWeeksFromNotificationIsTheLastDayInclusive() {
        LocalDate notified = LocalDate.of(2026, 1, 5); // Monday
        assertThat(deadline.lastDay(notified)).isEqualTo("2026-01-26");
        assertThat(deadline.inTime(notified, LocalDate.of(2026, 1, 26))).isTrue();
        assertThat(deadline.inTime(notified, LocalDate.of(2026, 1, 27))).isFalse();
        assertThat(deadline.inTime(notified, notified)).isTrue();
    }

    @Test
    void aLastDayOnASaturdayMovesToMonday() {
        LocalDate notified = LocalDate.of(2026, 1, 10); // Saturday
        assertThat(deadline.lastDay(notified)).isEqualTo("2026-02-02");
        assertThat(deadline.inTime(notified, LocalDate.of(2026, 2, 2))).isTrue();
        assertThat(deadline.inTime(notified, LocalDate.of(2026, 2, 3))).isFalse();
    }

    @Test
    void aLastDayOnChristmasEveMovesPastTheHolidays() {
        // 3 + 21 = 24 December 2025 (julafton); 25–26 are holidays, 27–28 a weekend
        LocalDate notified = LocalDate.of(2025, 12, 3);
        assertThat(deadline.lastDay(notified)).isEqualTo("2025-12-29");
        assertThat(deadline.inTime(notified, LocalDate.of(2025, 12, 29))).isTrue();
        assertThat(deadline.inTime(notified, LocalDate.of(2025, 12, 30))).isFalse();
    }
}
