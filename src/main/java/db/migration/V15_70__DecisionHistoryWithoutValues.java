package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Removes the values of the decision evaluations earlier versions recorded: every input ({@code ACT_HI_DEC_IN}) and
 * output ({@code ACT_HI_DEC_OUT}) with their stored values ({@code ACT_GE_BYTEARRAY}) and the collected sums of
 * {@code ACT_HI_DECINST} — the person's facts (health limits, the amount decided). Which decision was evaluated, when
 * and where stays. From now on the engine records no values ({@code config.DecisionHistoryWithoutValues}). A Java
 * migration because a new installation has no Camunda tables yet when Flyway runs: then there is nothing to remove.
 */
public class V15_70__DecisionHistoryWithoutValues extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!Tables.exists(connection, "act_hi_dec_in") || !Tables.exists(connection, "act_hi_dec_out")) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            s.executeUpdate("delete from act_ge_bytearray where id_ in (select bytearray_id_ from act_hi_dec_in"
                    + " where bytearray_id_ is not null)");
            s.executeUpdate("delete from act_ge_bytearray where id_ in (select bytearray_id_ from act_hi_dec_out"
                    + " where bytearray_id_ is not null)");
            s.executeUpdate("delete from act_hi_dec_in");
            s.executeUpdate("delete from act_hi_dec_out");
            if (Tables.exists(connection, "act_hi_decinst")) {
                s.executeUpdate("update act_hi_decinst set collect_value_ = null where collect_value_ is not null");
            }
        }
    }
}
