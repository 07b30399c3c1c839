package se.stegvis.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each step of the simulation cost in wall-clock time, by group and kind, with how often it ran: the jobs by
 * element (what the job executor does in production), the tasks the simulated staff completed by task and outcome
 * (what a caseworker's completion over the engine REST API does), and the simulation's own bookkeeping (its task
 * lists, its polling of the register check, its bank). Printed at the end as averages per step, so that a reader
 * can compare each with the real path it imitates (BENCHMARKS.md).
 */
final class StepCosts {

    /** The work production does too: jobs by element. */
    static final String JOB = "jobb";
    /** The work production does too: a person's completion of a task (claim, form, complete), or the household's request. */
    static final String TASK = "uppgift";
    /** What only the simulation does: its task lists, empty polls, the bank, its planning. */
    static final String OWN = "simulering";

    /** One kind of step: how often it ran and how long it took in all. */
    record StepCost(String group, String kind, long count, long nanos) {

        double averageMillis() {
            return count == 0 ? 0 : nanos / 1e6 / count;
        }

        long totalMillis() {
            return nanos / 1_000_000;
        }
    }

    private final Map<String, Map<String, long[]>> byGroup = new TreeMap<>();

    /** Adds one run of {@code kind} in {@code group} that took {@code nanos}. */
    void add(String group, String kind, long nanos) {
        add(group, kind, 1, nanos);
    }

    /** Adds {@code count} runs of {@code kind} in {@code group} that took {@code nanos} together. */
    void add(String group, String kind, long count, long nanos) {
        long[] c = byGroup.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(kind, k -> new long[2]);
        c[0] += count;
        c[1] += nanos;
    }

    /** Total time of a group so far, in milliseconds. */
    long totalMillis(String group) {
        return byGroup.getOrDefault(group, Map.of()).values().stream().mapToLong(c -> c[1]).sum() / 1_000_000;
    }

    /** Every kind, by group, the most expensive first within a group. */
    List<StepCost> all() {
        List<StepCost> out = new ArrayList<>();
        for (var group : byGroup.entrySet()) {
            group.getValue().entrySet().stream()
                    .map(e -> new StepCost(group.getKey(), e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparingLong(StepCost::nanos).reversed())
                    .forEach(out::add);
        }
        return out;
    }

    /** The {@code n} kinds of a group that took the most time so far, for the monthly progress line. */
    String slowest(String group, int n) {
        return all().stream().filter(c -> c.group().equals(group)).limit(n)
                .map(c -> c.kind() + " " + c.totalMillis() + " ms").toList().toString();
    }

    /** The table printed at the end of a run. */
    static String table(List<StepCost> costs) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("  %-11s %-46s %8s %11s %10s%n", "slag", "steg", "antal", "totalt ms", "medel ms"));
        for (StepCost c : costs) {
            out.append(String.format(java.util.Locale.ROOT, "  %-11s %-46s %8d %11d %10.1f%n", c.group(), c.kind(),
                    c.count(), c.totalMillis(), c.averageMillis()));
        }
        return out.toString();
    }
}
