package se.stegvis.simulation;

import java.util.Map;
import java.util.TreeMap;

/** Counters of what the simulated people did, by name, in name order (printed with the run's summary). */
final class SimulationCounts {

    private final Map<String, Long> counts = new TreeMap<>();

    void add(String name) {
        counts.merge(name, 1L, Long::sum);
    }

    long get(String name) {
        return counts.getOrDefault(name, 0L);
    }

    Map<String, Long> asMap() {
        return new TreeMap<>(counts);
    }
}
