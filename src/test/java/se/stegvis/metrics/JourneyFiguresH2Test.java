package se.stegvis.metrics;

/** {@link JourneyFiguresTest} on H2, the default profile's database: the figures' SQL says the same on both. */
class JourneyFiguresH2Test extends JourneyFiguresTest {

    @Override
    FigureDatabase.Kind kind() {
        return FigureDatabase.Kind.H2;
    }
}
