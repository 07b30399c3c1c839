package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * The step assessments (docs/nyckeltal.md, "stegforflyttning") as facts, one row per assessment in
 * {@code figure_step}: its client, journey, day and step, the client's unit of now ('' for none), and the day and step
 * of the client's assessment just before it — a client's assessments of all journeys together, in the order of the
 * day assessed, then of recording (then of id, so that the order is total).
 *
 * <p>So the figure reads only the period's rows: a client's baseline (the last assessment before the period, or else
 * the first in it) is the previous step of the one assessment in the period whose predecessor lies before the period
 * or is missing — or that assessment's own step when it is missing — instead of each client's last assessment before
 * the period searched client by client among every assessment ever made ({@link JourneyFigures}).
 *
 * <p>Kept up to date by {@link FigureFacts#refresh} for the clients whose assessments a transaction wrote (all of the
 * client's rows recomputed: an assessment recorded for an earlier day changes its successor's predecessor) and moved
 * with a client to another unit; rebuilt by {@link FigureFacts#rebuild}. No personal data.
 */
final class StepFacts {

    private StepFacts() {}

    /** Recomputes the facts of the clients of these journeys (whose assessments were written). */
    static void refresh(Connection c, Collection<?> journeys) throws SQLException {
        if (journeys.isEmpty()) {
            return;
        }
        String in = String.join(", ", Collections.nCopies(journeys.size(), "?"));
        List<Object> ids = new ArrayList<>(journeys);
        String clients = "(select k.client_id from client_journey k where k.id in (" + in + "))";
        FigureFacts.update(c, "delete from figure_step where client_id in " + clients, ids);
        FigureFacts.update(c, insert(" where j.client_id in " + clients), ids);
    }

    static void rebuild(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from figure_step");
            s.executeUpdate(insert(""));
        }
    }

    /** Inserts the facts of the assessments of the clients {@code j.client_id} selected by {@code where}. */
    private static String insert(String where) {
        String order = "over (partition by j.client_id order by s.assessed_on, s.created_at, s.id)";
        return """
                insert into figure_step (assessment_id, client_id, journey_id, unit, assessed_on, step, prev_on,
                                         prev_step)
                select s.id, j.client_id, s.journey_id, coalesce(u.unit, ''), s.assessed_on, s.step,
                       lag(s.assessed_on) %1$s, lag(s.step) %1$s
                from step_assessment s
                join client_journey j on j.id = s.journey_id
                join client u on u.id = j.client_id
                """.formatted(order) + where;
    }
}
