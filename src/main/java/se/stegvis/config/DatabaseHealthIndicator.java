package se.stegvis.config;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The database's part of {@code /actuator/health} ("db"), answered within {@code stegvis.health.database-timeout}
 * (default 1.5 s) in every state: a connection from the pool is asked {@code isValid} on a thread of its own, and
 * when no answer comes in time (PostgreSQL stopped or unreachable, the pool waiting out its connection timeout) the
 * database is DOWN at once. Spring Boot's own indicator would wait as long as the pool does (30 s). A check still
 * hanging is not started again: the next calls answer DOWN until it returns. Replaces Boot's
 * ({@code management.health.db.enabled: false}).
 */
@Component("db")
public class DatabaseHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private final DataSource dataSource;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-health");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<Boolean> running;

    public DatabaseHealthIndicator(DataSource dataSource,
                                   @Value("${stegvis.health.database-timeout:1500ms}") Duration timeout) {
        super("Database health check failed");
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        CompletableFuture<Boolean> check = check();
        try {
            boolean valid = check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            (valid ? builder.up() : builder.down()).withDetail("validationQuery", "isValid()");
        } catch (TimeoutException e) {
            builder.down().withDetail("error", "Databasen svarade inte inom " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            builder.down().withDetail("error", e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.down();
        }
    }

    /** The check in progress, or a new one when none is. */
    private synchronized CompletableFuture<Boolean> check() {
        if (running == null || running.isDone()) {
            running = CompletableFuture.supplyAsync(this::valid, checker);
        }
        return running;
    }

    private boolean valid() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) Math.max(1, timeout.toSeconds()));
        } catch (java.sql.SQLException e) {
            throw new java.util.concurrent.CompletionException(e);
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
