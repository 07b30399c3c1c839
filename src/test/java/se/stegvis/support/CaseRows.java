package se.stegvis.support;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import se.stegvis.client.domain.SyntheticPersonnummer;

/**
 * Clients and applications written straight into the tables, for tests that look at what the database does with a
 * household's history (statements, plans) rather than at how a case gets there.
 */
public final class CaseRows {

    private CaseRows() {}

    /** A new client with a synthetic personnummer; returns its id. */
    public static UUID client(JdbcTemplate jdbc, SyntheticPersonnummer personnummer) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into client (id, personnummer, created_at) values (?, ?, ?)", id,
                personnummer.next().value(), Timestamp.from(Instant.parse("2020-01-01T10:00:00Z")));
        return id;
    }

    /** A decided application of one adult for {@code month} (yyyy-MM), submitted on the month's first day. */
    public static UUID application(JdbcTemplate jdbc, UUID client, String month, String kind) {
        UUID id = UUID.randomUUID();
        jdbc.update("insert into application (id, client_id, for_month, kind, status, adults, submitted_by, submitted_at)"
                + " values (?, ?, ?, ?, 'BESLUTAD', 1, 'etjanst', ?)", id, client, month, kind,
                Timestamp.from(Instant.parse(month + "-01T09:00:00Z")));
        return id;
    }
}
