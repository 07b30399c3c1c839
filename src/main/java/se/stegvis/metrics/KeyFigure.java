package se.stegvis.metrics;

/**
 * One key figure as docs/nyckeltal.md defines it. {@code month} is set for figures per month, {@code year} for
 * figures per calendar year; {@code category} names the part of a breakdown (phase, placement type, exit reason,
 * appeal outcome) and is null for a figure without one, or for the whole of a figure that also has a breakdown.
 * A share has its numerator and denominator, and a {@code null} value when the denominator is 0 or unknown.
 * {@code note} says why a value is missing when it is not simply "no data" (suppressed for a unit).
 */
public record KeyFigure(String id, String label, String month, Integer year, String category, Double value,
                        Long numerator, Long denominator, String note) {

    /** The note of a figure restricted to a unit that rests on 1–4 cases (docs/nyckeltal.md, "Rules for edge cases"). */
    public static final String SUPPRESSED = "Färre än 5 – visas inte per enhet";

    static KeyFigure count(String id, String label, String month, Integer year, String category, long value) {
        return new KeyFigure(id, label, month, year, category, (double) value, null, null, null);
    }

    static KeyFigure share(String id, String label, String month, Integer year, String category, long numerator,
                           Long denominator) {
        Double value = denominator == null || denominator == 0 ? null
                : Math.round(10000.0 * numerator / denominator) / 10000.0;
        return new KeyFigure(id, label, month, year, category, value, numerator, denominator, null);
    }

    /** A median or percentile of {@code n} values: the value, and n as the denominator. */
    static KeyFigure statistic(String id, String label, String month, Integer year, String category, Double value,
                               long n) {
        return new KeyFigure(id, label, month, year, category, value, null, n, null);
    }

    KeyFigure suppressed() {
        return new KeyFigure(id, label, month, year, category, null, null, null, SUPPRESSED);
    }
}
