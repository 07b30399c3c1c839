package se.stegvis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The side-by-side table the benchmark prints and keeps in {@code report.txt}. */
final class Report {

    static String text(BenchSettings s, String database, Map<String, Map<String, Object>> results) {
        Map<String, Object> bare = results.getOrDefault("bare", Map.of());
        Map<String, Object> steg = results.getOrDefault("stegvis", Map.of());
        StringBuilder out = new StringBuilder();
        out.append("Monthly application end to end: ").append(s.applications()).append(" applications for ")
                .append(s.month()).append("; ").append(s.submitters()).append(" submitters, ").append(s.caseworkers())
                .append(" caseworkers, ").append(s.attesters()).append(" attesters (every ").append(s.attestEvery())
                .append("th application; Stegvis only)\n");
        out.append(database).append("; ").append(Benchmark.Machine.describe()).append(" at the end\n");
        if (!s.jvmArgs().isEmpty()) {
            out.append("JVM options of both systems: ").append(String.join(" ", s.jvmArgs()))
                    .append(" (not the JVM's defaults: not comparable with a run of the benchmark profile)\n");
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "bare Camunda", "Stegvis", "Stegvis/bare", "goal"});
        rows.add(row("applications per second, end to end", bare, steg, r -> num(r.get("rate_per_s")),
                ratio(steg.get("rate_per_s"), bare.get("rate_per_s")), ">= 0.5x"));
        rows.add(row("CPU per application, JVM (ms)", bare, steg, r -> num(r.get("jvm_cpu_ms_per_application")),
                ratio(steg.get("jvm_cpu_ms_per_application"), bare.get("jvm_cpu_ms_per_application")), ""));
        rows.add(row("CPU per application, PostgreSQL (ms)", bare, steg,
                r -> num(r.get("postgres_cpu_ms_per_application")),
                ratio(steg.get("postgres_cpu_ms_per_application"), bare.get("postgres_cpu_ms_per_application")), ""));
        rows.add(row("CPU per application, together (ms)", bare, steg, r -> num(totalCpu(r)),
                ratio(totalCpu(steg), totalCpu(bare)), "<= 2x"));
        rows.add(row("commits per application", bare, steg, r -> num(nested(r, "per_application", "commits")),
                ratio(nested(steg, "per_application", "commits"), nested(bare, "per_application", "commits")), ""));
        rows.add(row("rows written per application", bare, steg, r -> num(rowsWritten(r)),
                ratio(rowsWritten(steg), rowsWritten(bare)), ""));
        rows.add(row("submission p50 / p95 (ms)", bare, steg, r -> pair(r.get("submission")), "", "p95 < 100 ms"));
        rows.add(row("task list p50 / p95 (ms)", bare, steg, r -> pair(r.get("task_list")), "", ""));
        rows.add(row("start-up to health (s)", bare, steg, r -> num(r.get("startup_s")),
                ratio(steg.get("startup_s"), bare.get("startup_s")), "<= 1.5x"));
        rows.add(row("heap after full GC (MB)", bare, steg, r -> num(r.get("heap_after_gc_mb")), "", ""));
        rows.add(row("lost / duplicated", bare, steg, r -> nested(r, "counts", "lost") + " / "
                + nested(r, "counts", "duplicated"), "", "0 / 0"));
        rows.add(row("end to end (s); submitting (s)", bare, steg, r -> r.get("end_to_end_s") + "; " + r.get("submit_s"),
                "", ""));
        rows.add(row("machine busy (%); load before", bare, steg, r -> r.get("machine_busy_pct") + "; "
                + r.get("load_before"), "", ""));
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                width[k] = Math.max(width[k], row[k].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < row.length; k++) {
                line.append(k == 0 ? pad(row[k], width[k]) : "  " + pad(row[k], width[k]));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        for (var e : results.entrySet()) {
            Object outcome = e.getValue().get("outcome");
            if (!"done".equals(outcome)) {
                out.append(e.getKey()).append(": ").append(outcome).append('\n');
            }
            Object errors = e.getValue().get("caseworker_errors");
            if (errors instanceof Map<?, ?> m && !m.isEmpty()) {
                out.append(e.getKey()).append(" caseworker errors: ").append(m).append('\n');
            }
            out.append(e.getKey()).append(" submissions: ").append(e.getValue().get("submission_statuses"))
                    .append("; counts: ").append(e.getValue().get("counts")).append('\n');
        }
        return out.toString();
    }

    private static String[] row(String label, Map<String, Object> bare, Map<String, Object> steg,
                                Function<Map<String, Object>, String> value, String ratio, String goal) {
        return new String[] {label, bare.isEmpty() ? "-" : value.apply(bare), steg.isEmpty() ? "-" : value.apply(steg),
                ratio, goal};
    }

    static Double totalCpu(Map<String, Object> r) {
        Object jvm = r.get("jvm_cpu_ms_per_application");
        Object pg = r.get("postgres_cpu_ms_per_application");
        return jvm instanceof Number j && pg instanceof Number p ? j.doubleValue() + p.doubleValue() : null;
    }

    static Double rowsWritten(Map<String, Object> r) {
        Object per = r.get("per_application");
        if (per instanceof Map<?, ?> m && m.get("rows_inserted") instanceof Number i
                && m.get("rows_updated") instanceof Number u && m.get("rows_deleted") instanceof Number d) {
            return i.doubleValue() + u.doubleValue() + d.doubleValue();
        }
        return null;
    }

    static Object nested(Map<String, Object> r, String outer, String inner) {
        return r.get(outer) instanceof Map<?, ?> m ? m.get(inner) : null;
    }

    private static String pair(Object latency) {
        return latency instanceof Map<?, ?> m ? num(m.get("p50_ms")) + " / " + num(m.get("p95_ms")) : "-";
    }

    private static String ratio(Object top, Object bottom) {
        if (top instanceof Number t && bottom instanceof Number b && b.doubleValue() > 0) {
            return String.format(java.util.Locale.ROOT, "%.2fx", t.doubleValue() / b.doubleValue());
        }
        return "";
    }

    private static String num(Object value) {
        if (!(value instanceof Number n)) {
            return value == null ? "-" : value.toString();
        }
        double d = n.doubleValue();
        if (Math.abs(d) < 10) {
            return String.format(java.util.Locale.ROOT, "%.2f", d);
        }
        return d == Math.rint(d) ? Long.toString(Math.round(d)) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
