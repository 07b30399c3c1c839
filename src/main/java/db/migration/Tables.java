package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * For the Java migrations that clean Camunda's tables: a new installation has none of them yet when Flyway runs (the
 * engine creates them after), so each migration asks first.
 */
final class Tables {

    /** Whether the database has a table of this name (in any case, as H2 and PostgreSQL spell it differently). */
    static boolean exists(Connection connection, String name) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                if (name.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private Tables() {}
}
