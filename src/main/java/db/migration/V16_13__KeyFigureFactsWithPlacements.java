package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Computed every key-figure fact with the placements running of V16_12. They have grown since (V16_14: the follow-up
 * conversations), and {@link V16_15__KeyFigureFactsWithFollowUps} computes them all with today's definitions, so this
 * step does nothing any more: today's {@code FigureFacts.rebuild} needs the table of V16_14, which does not exist yet
 * here.
 */
public class V16_13__KeyFigureFactsWithPlacements extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // FigureFacts.rebuild runs in V16_15.
    }
}
