package se.stegvis.metrics;

/** {@link KeyFigureFactsEquivalenceTest} on H2, the default profile's database: the facts' SQL differs there. */
class KeyFigureFactsEquivalenceH2Test extends KeyFigureFactsEquivalenceTest {

    @Override
    FigureDatabase.Kind kind() {
        return FigureDatabase.Kind.H2;
    }
}
