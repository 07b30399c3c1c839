package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Removes the history of tasks outside every process (Tasklist's "create task") that earlier versions recorded: the
 * engine skips its authorization check for such rows, so anyone logged in could read them, and their operation log
 * carries the typed name and description. The task instances, their variables and variable updates (with their
 * stored values), identity links and operation log go. From now on none is written
 * ({@code config.PersonalDataHistoryLevel}, {@code config.HistoryWithoutTasksOutsideProcesses}). A Java migration
 * because a new installation has no Camunda tables yet when Flyway runs: then there is nothing to remove.
 */
public class V15_71__HistoryOfTasksOutsideProcesses extends BaseJavaMigration {

    static final String OF_TASK_OUTSIDE = "task_id_ is not null and execution_id_ is null and case_execution_id_ is null";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            if (Tables.exists(connection, "act_hi_op_log")) {
                s.executeUpdate("delete from act_hi_op_log where task_id_ is not null and proc_inst_id_ is null"
                        + " and proc_def_key_ is null and case_inst_id_ is null");
            }
            if (Tables.exists(connection, "act_hi_identitylink")) {
                s.executeUpdate("delete from act_hi_identitylink where task_id_ is not null and proc_def_key_ is null");
            }
            for (String table : new String[] {"act_hi_detail", "act_hi_varinst"}) {
                if (Tables.exists(connection, table)) {
                    if (Tables.exists(connection, "act_ge_bytearray")) {
                        s.executeUpdate("delete from act_ge_bytearray where id_ in (select bytearray_id_ from " + table
                                + " where bytearray_id_ is not null and " + OF_TASK_OUTSIDE + ")");
                    }
                    s.executeUpdate("delete from " + table + " where " + OF_TASK_OUTSIDE);
                }
            }
            if (Tables.exists(connection, "act_hi_taskinst")) {
                s.executeUpdate("delete from act_hi_taskinst where proc_inst_id_ is null and case_inst_id_ is null");
            }
        }
    }
}
