package se.stegvis.metrics;

/**
 * One key figure as docs/nyckeltal.md defines it. {@code month} is set for figures per month, {@code year} for
 * figures per calendar year; a share has its numerator and denominator, and a {@code null} value when the
 * denominator is 0 or unknown.
 */
public record KeyFigure(String id, String label, String month, Integer year, Double value, Long numerator,
                        Long denominator) {

    static KeyFigure count(String id, String label, String month, Integer year, long value) {
        return new KeyFigure(id, label, month, year, (double) value, null, null);
    }

    static KeyFigure share(String id, String label, String month, Integer year, long numerator, Long denominator) {
        Double value = denominator == null || denominator == 0 ? null
                : Math.round(10000.0 * numerator / denominator) / 10000.0;
        return new KeyFigure(id, label, month, year, value, numerator, denominator);
    }
}
