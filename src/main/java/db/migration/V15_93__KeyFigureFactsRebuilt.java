package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Computed every key-figure fact of V14_20, V15_90 and V15_92. They have grown since (V16_10: the step assessments;
 * V16_12: the placements running; V16_14: the follow-up conversations), and
 * {@link V16_15__KeyFigureFactsWithFollowUps} computes them all with today's definitions, so this step does nothing
 * any more: today's {@code FigureFacts.rebuild} needs the tables and the wider column of V16_10–V16_14, which do not
 * exist yet here.
 */
public class V15_93__KeyFigureFactsRebuilt extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // FigureFacts.rebuild runs in V16_15.
    }
}
