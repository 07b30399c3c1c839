package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.stegvis.metrics.FigureFacts;

/**
 * Computes every key-figure fact — per decision, client year, journey and step assessment, and counted per month and
 * unit (V14_20, V15_90, V15_92, V16_10) — from the records already kept; from here on the application keeps them up
 * to date (metrics/FigureFactsListener). Replaces {@link V15_93__KeyFigureFactsRebuilt}, which ran before the step
 * assessments' facts existed.
 */
public class V16_11__KeyFigureFactsWithSteps extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        FigureFacts.rebuild(context.getConnection());
    }
}
