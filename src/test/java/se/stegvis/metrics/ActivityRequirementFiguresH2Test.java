package se.stegvis.metrics;

/** {@link ActivityRequirementFiguresTest} on H2, the default profile's database: the figures' SQL says the same on both. */
class ActivityRequirementFiguresH2Test extends ActivityRequirementFiguresTest {

    @Override
    FigureDatabase.Kind kind() {
        return FigureDatabase.Kind.H2;
    }
}
