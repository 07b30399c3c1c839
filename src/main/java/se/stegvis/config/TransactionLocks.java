package se.stegvis.config;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Serializes transactions that work on the same thing (one idempotency key, one person) with PostgreSQL's
 * transaction-level advisory locks: the second waits until the first has committed or rolled back, then sees what it
 * did. So concurrent copies of one request find the first one's result instead of running into a unique key, and
 * nothing fails or is logged. The lock is held until the transaction ends; on other databases (the H2 demo) it does
 * nothing and the unique keys remain the guard.
 */
@Component
public class TransactionLocks {

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    public TransactionLocks(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.postgres = Databases.isPostgres(jdbc);
    }

    /** Waits for, then holds until the current transaction ends, the lock of that name. */
    public void lock(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("TransactionLocks.lock needs a transaction");
        }
        if (postgres) {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> null, key(name));
        }
    }

    /** A 64-bit key from the name (SHA-256), so the name itself (e.g. a personnummer) never reaches the database. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
