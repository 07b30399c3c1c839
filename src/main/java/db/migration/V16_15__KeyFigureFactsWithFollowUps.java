package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.stegvis.metrics.FigureFacts;

/**
 * Computes every key-figure fact — per decision, client year, journey, step assessment and follow-up conversation,
 * and counted per month and unit — from the records already kept; from here on the application keeps them up to date
 * (metrics/FigureFactsListener). Replaces {@link V16_13__KeyFigureFactsWithPlacements}, which ran before the
 * follow-up conversations' facts existed.
 */
public class V16_15__KeyFigureFactsWithFollowUps extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        FigureFacts.rebuild(context.getConnection());
    }
}
