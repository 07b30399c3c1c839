package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Computed every key-figure fact with the step assessments' of V16_10. They have grown since (V16_12: the placements
 * running per type among the journeys' phases; V16_14: the follow-up conversations), and
 * {@link V16_15__KeyFigureFactsWithFollowUps} computes them all with today's definitions, so this step does nothing
 * any more: today's {@code FigureFacts.rebuild} writes phases longer than the column of V15_92 before V16_12 widens
 * it, and needs the table of V16_14.
 */
public class V16_11__KeyFigureFactsWithSteps extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        // FigureFacts.rebuild runs in V16_15.
    }
}
