package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Computed the key figures' facts ({@code figure_household_year}, {@code figure_decision}, created in V14_20) from
 * the applications and decisions already recorded. The facts have grown since (V15_90, V15_92: per month and unit),
 * and {@link V15_93__KeyFigureFactsRebuilt} computes them all with today's definitions, so this step does nothing
 * any more: today's {@code FigureFacts.rebuild} needs the tables and columns of V15_90 and V15_92, which do not exist
 * yet here.
 */
public class V14_22__KeyFigureFacts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // FigureFacts.rebuild runs in V15_93.
    }
}
