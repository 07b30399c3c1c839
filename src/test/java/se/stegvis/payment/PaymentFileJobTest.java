package se.stegvis.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.stegvis.config.OncePerDay;
import se.stegvis.payment.domain.BankingCalendar;

class PaymentFileJobTest {

    PaymentFileService fileService = mock(PaymentFileService.class);
    /** Claims every day: whether another node got there first is OncePerDayTest's. */
    OncePerDay oncePerDay = new OncePerDay(null, null, null) {
        @Override
        public <T> Optional<T> run(String job, LocalDate day, java.util.function.Supplier<T> work) {
            claimed.add(job + " " + day);
            return Optional.ofNullable(work.get());
        }
    };
    List<String> claimed = new java.util.ArrayList<>();

    PaymentFileJob jobOn(LocalDate day) {
        ZoneId zone = ZoneId.of("Europe/Stockholm");
        return new PaymentFileJob(fileService, new BankingCalendar(), oncePerDay,
                Clock.fixed(day.atTime(6, 0).atZone(zone).toInstant(), zone));
    }

    @Test
    void makesTodaysFileOnABankingDay() {
        LocalDate day = LocalDate.of(2026, 1, 27);
        when(fileService.createFile(day)).thenReturn(new PaymentFileRun(day, Optional.empty(), List.of(), List.of()));
        assertThat(jobOn(day).runToday()).isPresent();
        verify(fileService).createFile(day);
        assertThat(claimed).containsExactly("betalfil 2026-01-27");
    }

    @Test
    void skipsAPublicHolidayOnAWeekday() {
        // Trettondedag jul 2026 is a Tuesday: the cron fires, the calendar says no.
        assertThat(jobOn(LocalDate.of(2026, 1, 6)).runToday()).isEmpty();
        verify(fileService, never()).createFile(any());
    }
}
