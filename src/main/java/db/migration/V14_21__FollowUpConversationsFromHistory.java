package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Copies the follow-up conversations (Uppföljningssamtal) held before Stegvis kept its own record of them
 * (V14_20, {@code follow_up_conversation}) from Camunda's task history, once, so that the key figure
 * {@code uppfoljning_i_tid} stays as it was for earlier periods. A Java migration because a new installation has no
 * Camunda tables yet when Flyway runs (the engine creates them after): then there is nothing to copy.
 */
public class V14_21__FollowUpConversationsFromHistory extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!Tables.exists(connection, "act_hi_taskinst")) {
            return;
        }
        try (Statement s = connection.createStatement()) {
            // Camunda's delete reason of a completed task is "completed"; a task cancelled with its scope has another.
            s.executeUpdate("""
                    insert into follow_up_conversation (task_id, journey_id, due_at, ended_at, completed)
                    select t.id_, j.id, t.due_date_, t.end_time_,
                           case when t.delete_reason_ = 'completed' then true else false end
                    from act_hi_taskinst t
                    join client_journey j on j.process_instance_id = t.proc_inst_id_
                    where t.proc_def_key_ = 'klientresa' and t.task_def_key_ = 'UserTask_FollowUp'
                      and t.due_date_ is not null
                    """);
        }
    }
}
