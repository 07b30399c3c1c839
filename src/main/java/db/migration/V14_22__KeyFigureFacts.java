package db.migration;

import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import se.stegvis.metrics.FigureFacts;

/**
 * Computes the key figures' facts ({@code figure_household_year}, {@code figure_decision}, created in V14_20) from the
 * applications and decisions already recorded; from here on the application keeps them up to date
 * (metrics/FigureFactsListener).
 */
public class V14_22__KeyFigureFacts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        FigureFacts.rebuild(context.getConnection());
    }
}
