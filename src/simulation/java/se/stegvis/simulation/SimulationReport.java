package se.stegvis.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import se.stegvis.metrics.KeyFigure;

/**
 * What a simulation did: its summary (counts of what happened, decisions by kind, the amount paid and confirmed,
 * exits by reason), the key figures of the simulated period as GET /api/nyckeltal gives them, the tasks left open,
 * and how long it took.
 */
public record SimulationReport(SimulationSettings settings, Map<String, Long> summary, List<KeyFigure> keyFigures,
                               long openTasks, Duration elapsed) {

    /** The report as the simulation prints it at the end. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Simulering klar: ").append(settings.households()).append(" hushåll, ").append(settings.start())
                .append(" – ").append(settings.end()).append(", seed ").append(settings.seed()).append(", ")
                .append(elapsed.toMinutes()).append(" min ").append(elapsed.toSecondsPart()).append(" s, ")
                .append(openTasks).append(" öppna uppgifter\n");
        out.append("Sammanfattning:\n");
        summary.forEach((k, v) -> out.append(String.format("  %-32s %12d%n", k, v)));
        out.append("Nyckeltal (GET /api/nyckeltal?from=").append(settings.start()).append("&to=").append(settings.end())
                .append(", definitioner i docs/nyckeltal.md):\n");
        for (KeyFigure k : keyFigures) {
            String when = k.month() != null ? k.month() : k.year() != null ? String.valueOf(k.year()) : "perioden";
            String share = k.denominator() != null && k.numerator() != null
                    ? " (" + k.numerator() + "/" + k.denominator() + ")" : "";
            out.append(String.format("  %-26s %-9s %14s%s  %s%n", k.id(), when,
                    k.value() == null ? "–" : format(k.value()), share, k.label()));
        }
        return out.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : java.math.BigDecimal.valueOf(value).toPlainString();
    }
}
