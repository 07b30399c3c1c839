package se.stegvis.config;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work that must happen once a day in the whole installation however many nodes run it on their timers (the daily
 * payment file): a database lock, not a per-node one. {@link #run} claims the day with a row in
 * {@code scheduled_run} and does the work in the same transaction. A second node claiming the same day at the same
 * time waits for the first's transaction: when it commits, the second finds the day taken and skips; when it rolls
 * back (the work failed), the claim goes with it and the second does the work.
 */
@Component
public class OncePerDay {

    private static final Logger log = LoggerFactory.getLogger(OncePerDay.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    public OncePerDay(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** The work's result, or empty when another node has done (or is doing) {@code job} for {@code day}. */
    public <T> Optional<T> run(String job, LocalDate day, Supplier<T> work) {
        return transaction.execute(status -> {
            try {
                jdbc.update("insert into scheduled_run (job, run_on, node, started_at) values (?, ?, ?, ?)", job, day,
                        node, Timestamp.from(clock.instant()));
            } catch (DataIntegrityViolationException taken) {
                status.setRollbackOnly();
                log.info("{} for {} is already done by another node", job, day);
                return Optional.empty();
            }
            return Optional.ofNullable(work.get());
        });
    }
}
