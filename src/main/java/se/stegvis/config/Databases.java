package se.stegvis.config;

import java.sql.Connection;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the database is, for the few places that do something only PostgreSQL can (locks, planner statistics). */
public final class Databases {

    /** Whether the database behind the template is PostgreSQL (the default profile's H2 is not). */
    public static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }

    private Databases() {}
}
