package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import se.stegvis.support.EmbeddedPostgresDataSource;

/**
 * Two nodes' timers firing at the same moment make the day's work once: on PostgreSQL, the second claim waits for the
 * first transaction and then skips; a failed first run leaves the day to the next claim. Each "node" here is an
 * {@link OncePerDay} of its own on its own connection pool.
 */
class OncePerDayTest {

    static HikariDataSource dataSource;
    static final LocalDate DAY = LocalDate.of(2026, 1, 27);

    @BeforeAll
    static void database() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(EmbeddedPostgresDataSource.newDatabase("once_per_day"));
        dataSource.setUsername("postgres");
        dataSource.setPassword("postgres");
        Flyway.configure().dataSource(dataSource).table("stegvis_schema_history").load().migrate();
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    static OncePerDay node() {
        return new OncePerDay(new JdbcTemplate(dataSource), new DataSourceTransactionManager(dataSource),
                Clock.systemUTC());
    }

    @Test
    void twoNodesAtOnceDoTheWorkOnce() throws Exception {
        AtomicInteger done = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<String>> first = CompletableFuture.supplyAsync(() -> node().run("test-a", DAY, () -> {
            inside.countDown();
            await(release);
            done.incrementAndGet();
            return "fil";
        }));
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
        // The first still holds its claim, uncommitted: the second's claim waits for it.
        CompletableFuture<Optional<String>> second = CompletableFuture.supplyAsync(() ->
                node().run("test-a", DAY, () -> {
                    done.incrementAndGet();
                    return "fil igen";
                }));
        release.countDown();
        assertThat(first.get(30, TimeUnit.SECONDS)).contains("fil");
        assertThat(second.get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(done).hasValue(1);
        assertThat(node().run("test-a", DAY, () -> "en tredje")).isEmpty();
        assertThat(node().run("test-a", DAY.plusDays(1), () -> "nästa dag")).contains("nästa dag");
    }

    @Test
    void aFailedRunLeavesTheDayToTheNextClaim() {
        assertThatThrownBy(() -> node().run("test-b", DAY, () -> {
            throw new IllegalStateException("banken svarar inte");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(node().run("test-b", DAY, () -> "fil")).contains("fil");
        assertThat(new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from scheduled_run where job = 'test-b'", Long.class)).isEqualTo(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
