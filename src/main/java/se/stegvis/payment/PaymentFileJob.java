package se.stegvis.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.stegvis.config.OncePerDay;
import se.stegvis.payment.domain.BankingCalendar;

/**
 * Makes the day's payment file every banking day, by default at 06:00 Monday to Friday
 * ({@code stegvis.payment.file-cron}); public holidays are skipped by the banking calendar. Off with
 * {@code stegvis.payment.file-job-enabled=false} (as in the tests). Once per day for the whole installation: every
 * node's timer fires, the first to claim the day makes the file and the others skip ({@link OncePerDay}); and a
 * payment can be in one file only, whoever makes it ({@link PaymentFileService}).
 */
@Component
@ConditionalOnProperty(name = "stegvis.payment.file-job-enabled", havingValue = "true", matchIfMissing = true)
public class PaymentFileJob {

    private static final Logger log = LoggerFactory.getLogger(PaymentFileJob.class);

    /** The job's name in {@code scheduled_run}. */
    static final String JOB = "betalfil";

    private final PaymentFileService fileService;
    private final BankingCalendar calendar;
    private final OncePerDay oncePerDay;
    private final Clock clock;

    public PaymentFileJob(PaymentFileService fileService, BankingCalendar calendar, OncePerDay oncePerDay, Clock clock) {
        this.fileService = fileService;
        this.calendar = calendar;
        this.oncePerDay = oncePerDay;
        this.clock = clock;
    }

    @Scheduled(cron = "${stegvis.payment.file-cron:0 0 6 * * MON-FRI}")
    public void run() {
        runToday();
    }

    /** @return the run, absent when today is not a banking day or another node has made today's file */
    public Optional<PaymentFileRun> runToday() {
        LocalDate today = LocalDate.now(clock);
        if (!calendar.isBankingDay(today)) {
            log.info("No payment file on {}: not a banking day", today);
            return Optional.empty();
        }
        return oncePerDay.run(JOB, today, () -> fileService.createFile(today));
    }
}
