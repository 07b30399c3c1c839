package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Computed the key figures' facts per month and unit of V15_90. They have grown since (V15_92: the journeys'
 * phases), and {@link V15_93__KeyFigureFactsRebuilt} computes them all with today's definitions, so this step does
 * nothing any more: today's {@code FigureFacts.rebuild} needs the tables of V15_92, which do not exist yet here.
 */
public class V15_91__KeyFigureFactsPerMonth extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // FigureFacts.rebuild runs in V15_93.
    }
}
