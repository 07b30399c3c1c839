package se.stegvis.appeal.domain;

import java.time.LocalDate;
import java.util.Objects;
import se.stegvis.payment.domain.BankingCalendar;

/**
 * The last day an appeal may arrive: three weeks from the day the appellant was notified of the decision
 * (förvaltningslagen 44 §), that is the same weekday three weeks later. When that day is a Saturday, Sunday, public
 * holiday, midsommarafton, julafton or nyårsafton, the appeal may arrive the next weekday (lagen 1930:173 om
 * beräkning av lagstadgad tid) — exactly the days banks are closed, so the banking calendar answers.
 */
public final class AppealDeadline {

    private final BankingCalendar calendar;

    public AppealDeadline(BankingCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    public LocalDate lastDay(LocalDate notified) {
        return calendar.nextBankingDayOnOrAfter(notified.plusWeeks(3));
    }

    public boolean inTime(LocalDate notified, LocalDate received) {
        return !received.isAfter(lastDay(notified));
    }
}
