package se.stegvis.client;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access log (åtkomstlogg): every read of a client's data through {@code /api} and every opened task of a client,
 * with who, which client, what and when — ids and codes only, never personal data. Written in a transaction of its
 * own, so that a read in a read-only transaction is logged too and a log line stays when the read fails afterwards.
 * Read by the group {@code loggranskare} ({@code GET /api/atkomstlogg}).
 */
@Service
public class AccessLog {

    /** Whether the user was shown the data or answered as if the client did not exist. */
    public enum Outcome { VISAD, NEKAD }

    /** One line of the log. */
    public record Entry(long id, Instant readAt, String userId, UUID clientId, String what, String objectId,
                        Outcome outcome) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public AccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Logs one read. {@code what} is a short code (ansokan, beslutsbrev, klientresa, uppgift, ...). */
    public void read(String userId, UUID clientId, String what, String objectId, Outcome outcome) {
        readAll(userId, List.of(clientId), what, objectId == null ? null : List.of(objectId), outcome);
    }

    /** Logs the reads of a list: one line per client shown, with the id of the row that showed it. */
    public void readAll(String userId, List<UUID> clientIds, String what, List<String> objectIds, Outcome outcome) {
        if (clientIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String user = userId == null || userId.isBlank() ? "okänd" : userId;
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < clientIds.size(); i++) {
            String objectId = objectIds == null || i >= objectIds.size() ? null : truncate(objectIds.get(i), 64);
            rows.add(new Object[] {now, truncate(user, 255), clientIds.get(i), truncate(what, 60), objectId,
                    outcome.name()});
        }
        ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "insert into access_log (read_at, user_id, client_id, what, object_id, outcome)"
                        + " values (?, ?, ?, ?, ?, ?)",
                rows));
    }

    /** The lines of a period, for one client or all, the newest first (at most {@code limit}). */
    public List<Entry> find(UUID clientId, Instant from, Instant to, int limit) {
        String sql = "select id, read_at, user_id, client_id, what, object_id, outcome from access_log"
                + " where read_at >= ? and read_at < ?" + (clientId == null ? "" : " and client_id = ?")
                + " order by read_at desc, id desc limit " + limit;
        Object[] args = clientId == null ? new Object[] {Timestamp.from(from), Timestamp.from(to)}
                : new Object[] {Timestamp.from(from), Timestamp.from(to), clientId};
        return jdbc.query(sql, (rs, n) -> new Entry(rs.getLong("id"), rs.getTimestamp("read_at").toInstant(),
                rs.getString("user_id"), rs.getObject("client_id", UUID.class), rs.getString("what"),
                rs.getString("object_id"), Outcome.valueOf(rs.getString("outcome"))), args);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
