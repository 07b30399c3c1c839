package se.stegvis.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Response times by name, as seen by the benchmark's users; percentiles by nearest rank. */
final class Latencies {

    private final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();

    void add(String name, long elapsedNanos) {
        List<Long> list = nanos.computeIfAbsent(name, k -> new ArrayList<>());
        synchronized (list) {
            list.add(elapsedNanos);
        }
    }

    /** n, p50, p95 and max in milliseconds, or null when nothing was measured. */
    Map<String, Object> summary(String name) {
        List<Long> list = nanos.get(name);
        if (list == null) {
            return null;
        }
        List<Long> sorted;
        synchronized (list) {
            sorted = new ArrayList<>(list);
        }
        if (sorted.isEmpty()) {
            return null;
        }
        sorted.sort(null);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("n", sorted.size());
        s.put("p50_ms", ms(percentile(sorted, 50)));
        s.put("p95_ms", ms(percentile(sorted, 95)));
        s.put("max_ms", ms(sorted.get(sorted.size() - 1)));
        return s;
    }

    Map<String, Object> all() {
        Map<String, Object> all = new LinkedHashMap<>();
        nanos.keySet().stream().sorted().forEach(k -> all.put(k, summary(k)));
        return all;
    }

    static long percentile(List<Long> sorted, int p) {
        int k = (int) Math.round(p / 100.0 * (sorted.size() - 1));
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, k)));
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 100_000.0) / 10.0;
    }
}
