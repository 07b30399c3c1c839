package se.stegvis.metrics;

import java.sql.SQLException;
import java.time.ZoneId;
import javax.sql.DataSource;

/**
 * The two things the key figures' SQL cannot say the same way on PostgreSQL (production) and H2 (the embedded
 * default): the calendar day of a timestamp in Swedish time, and the days between two dates. Everything else in the
 * figures' queries is SQL both understand.
 */
enum SqlDialect {

    POSTGRESQL {
        @Override
        String localDate(String timestamp, ZoneId zone) {
            return "cast((" + timestamp + " at time zone '" + zone.getId() + "') as date)";
        }

        @Override
        String daysBetween(String earlier, String later) {
            return "(" + later + " - " + earlier + ")";
        }
    },

    H2 {
        @Override
        String localDate(String timestamp, ZoneId zone) {
            // H2 casts a timestamp with time zone to a date in the session's zone, not in the value's.
            return "cast(formatdatetime(" + timestamp + ", 'yyyy-MM-dd', 'en', '" + zone.getId() + "') as date)";
        }

        @Override
        String daysBetween(String earlier, String later) {
            return "datediff(day, " + earlier + ", " + later + ")";
        }
    };

    /** The calendar day of a {@code timestamp with time zone} expression in {@code zone}. */
    abstract String localDate(String timestamp, ZoneId zone);

    /** Whole days from the date {@code earlier} to the date {@code later}. */
    abstract String daysBetween(String earlier, String later);

    static SqlDialect of(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return of(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell the database's kind", e);
        }
    }

    static SqlDialect of(java.sql.Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Key figures need PostgreSQL or H2, not " + product);
    }
}
