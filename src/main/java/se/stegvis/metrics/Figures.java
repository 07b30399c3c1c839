package se.stegvis.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of one computation, in order. Restricted to a unit, a figure that rests on 1–4 households, clients or
 * cases (its base) is suppressed, so that no individual can be singled out; 0 and 5 or more are shown.
 */
final class Figures {

    static final int MINIMUM_PER_UNIT = 5;

    private final boolean perUnit;
    private final List<KeyFigure> figures = new ArrayList<>();

    Figures(boolean perUnit) {
        this.perUnit = perUnit;
    }

    /** A count that is its own base (households, clients, placements, exits). */
    void count(String id, String label, String month, Integer year, String category, long value) {
        add(KeyFigure.count(id, label, month, year, category, value), value);
    }

    /** A count resting on {@code base} households (persons, kronor). */
    void count(String id, String label, String month, Integer year, String category, long value, long base) {
        add(KeyFigure.count(id, label, month, year, category, value), base);
    }

    /** A share resting on its denominator. */
    void share(String id, String label, String month, Integer year, String category, long numerator, long denominator) {
        add(KeyFigure.share(id, label, month, year, category, numerator, denominator), denominator);
    }

    /** A share with a denominator from outside (the population), resting on {@code base} households. */
    void share(String id, String label, String month, Integer year, String category, long numerator, Long denominator,
               long base) {
        add(KeyFigure.share(id, label, month, year, category, numerator, denominator), base);
    }

    /** A median or percentile of {@code n} values. */
    void statistic(String id, String label, String month, Integer year, String category, Double value, long n) {
        add(KeyFigure.statistic(id, label, month, year, category, value, n), n);
    }

    private void add(KeyFigure figure, long base) {
        figures.add(perUnit && base > 0 && base < MINIMUM_PER_UNIT ? figure.suppressed() : figure);
    }

    List<KeyFigure> list() {
        return List.copyOf(figures);
    }
}
