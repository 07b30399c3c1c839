package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Computed every key-figure fact of V14_20, V15_90 and V15_92. They have grown since (V16_10: the step assessments),
 * and {@link V16_11__KeyFigureFactsWithSteps} computes them all with today's definitions, so this step does nothing
 * any more: today's {@code FigureFacts.rebuild} needs the table of V16_10, which does not exist yet here.
 */
public class V15_93__KeyFigureFactsRebuilt extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // FigureFacts.rebuild runs in V16_11.
    }
}
