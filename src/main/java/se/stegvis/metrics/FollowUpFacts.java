package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The follow-up conversations (docs/nyckeltal.md, "uppfoljning_i_tid") as facts, one row per conversation in
 * {@code figure_follow_up}: when it was due and when and how it ended, with its journey's client and the client's unit
 * of now ('' for none) — so that the figure reads the period's conversations of the whole municipality or of one unit
 * without joining every conversation to its journey and client. Whether one was held in time is still decided when
 * the figure is computed (an open one is missed only once its due time has passed).
 *
 * <p>Kept up to date by {@link FigureFacts#refresh} for the conversations a transaction wrote and moved with a client
 * to another unit; rebuilt by {@link FigureFacts#rebuild}. No personal data.
 */
final class FollowUpFacts {

    private FollowUpFacts() {}

    /** Recomputes the facts of these conversations (task ids). */
    static void refresh(Connection c, Collection<String> tasks) throws SQLException {
        if (tasks.isEmpty()) {
            return;
        }
        String in = String.join(", ", Collections.nCopies(tasks.size(), "?"));
        List<Object> ids = new ArrayList<>(tasks);
        FigureFacts.update(c, "delete from figure_follow_up where task_id in (" + in + ")", ids);
        FigureFacts.update(c, insert(" where f.task_id in (" + in + ")"), ids);
    }

    static void rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from figure_follow_up");
            s.executeUpdate(insert(""));
        }
    }

    private static String insert(String where) {
        return """
                insert into figure_follow_up (task_id, client_id, unit, due_at, ended_at, completed)
                select f.task_id, j.client_id, coalesce(u.unit, ''), f.due_at, f.ended_at, f.completed
                from follow_up_conversation f
                join client_journey j on j.id = f.journey_id
                join client u on u.id = j.client_id
                """ + where;
    }
}
