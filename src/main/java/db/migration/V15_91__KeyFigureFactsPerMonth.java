package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.stegvis.metrics.FigureFacts;

/**
 * Computes every key-figure fact, the per-month facts of V15_90 among them, from the applications, decisions and
 * payments already recorded; from here on the application keeps them up to date (metrics/FigureFactsListener).
 */
public class V15_91__KeyFigureFactsPerMonth extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        FigureFacts.rebuild(context.getConnection());
    }
}
