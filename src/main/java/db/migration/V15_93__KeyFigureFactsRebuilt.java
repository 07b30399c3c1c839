package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.stegvis.metrics.FigureFacts;

/**
 * Computes every key-figure fact — per decision, client year and journey, and counted per month and unit (V14_20,
 * V15_90, V15_92) — from the applications, decisions, payments and journeys already recorded; from here on the
 * application keeps them up to date (metrics/FigureFactsListener).
 */
public class V15_93__KeyFigureFactsRebuilt extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        FigureFacts.rebuild(context.getConnection());
    }
}
