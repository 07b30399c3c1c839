package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.stegvis.metrics.FigureFacts;

/**
 * Computes every key-figure fact — per decision, client year, journey (its phases and, from V16_12, its placements
 * running per type) and step assessment, and counted per month and unit — from the records already kept; from here on
 * the application keeps them up to date (metrics/FigureFactsListener). Replaces
 * {@link V16_11__KeyFigureFactsWithSteps}, which ran before the placements were counted among the phases.
 */
public class V16_13__KeyFigureFactsWithPlacements extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        FigureFacts.rebuild(context.getConnection());
    }
}
