package se.stegvis.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import se.stegvis.metrics.KeyFigure;

/**
 * What a simulation did: its summary (counts of what happened, decisions by kind, the amount paid and confirmed,
 * exits by reason), the key figures of the simulated period as GET /api/nyckeltal gives them, the tasks left open,
 * how long it took, and what each kind of step cost on average (jobs, the staff's and households' steps, the
 * simulation's own bookkeeping).
 */
public record SimulationReport(SimulationSettings settings, Map<String, Long> summary, List<KeyFigure> keyFigures,
                               long openTasks, Duration elapsed, List<StepCosts.StepCost> costs) {

    /** The cost of one kind of step, when it ran. */
    java.util.Optional<StepCosts.StepCost> cost(String group, String kind) {
        return costs.stream().filter(c -> c.group().equals(group) && c.kind().equals(kind)).findFirst();
    }

    /** The report as the simulation prints it at the end. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Simulering klar: ").append(settings.households()).append(" hushåll, ").append(settings.start())
                .append(" – ").append(settings.end()).append(", seed ").append(settings.seed()).append(", ")
                .append(elapsed.toMinutes()).append(" min ").append(elapsed.toSecondsPart()).append(" s, ")
                .append(openTasks).append(" öppna uppgifter\n");
        out.append("Sammanfattning:\n");
        summary.forEach((k, v) -> out.append(String.format("  %-32s %12d%n", k, v)));
        out.append("Kostnad per steg (väggklocka; jobb = vad jobbexekutorn gör i drift, uppgift = en persons eller ett")
                .append(" hushålls steg som i drift över REST, simulering = bara simuleringens egen bokföring):\n");
        out.append(StepCosts.table(costs));
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
