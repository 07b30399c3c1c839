package se.stegvis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monthly application end to end, Stegvis beside a bare Camunda process of the same shape, one after the other
 * on the same PostgreSQL server in one run (BENCHMARKS.md). For each system: start-up to health, then N applications
 * submitted by the e-service's submitters while caseworkers and team leaders work the tasks over the engine REST API,
 * until every application is done (Stegvis: its payment planned; bare: the instance ended). Measured: the rate end
 * to end, CPU per application of the JVM and of PostgreSQL, commits per application, latencies as the users saw
 * them, heap after a full GC, and what was lost or duplicated.
 */
final class Benchmark {

    private final BenchSettings settings;
    private final Path dir;
    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();
    private String database;

    Benchmark(BenchSettings settings) throws IOException {
        this.settings = settings;
        this.dir = Files.createDirectories(settings.output()
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath());
    }

    Path dir() {
        return dir;
    }

    Map<String, Map<String, Object>> results() {
        return results;
    }

    /** Runs every system of the settings and writes the report; returns it. */
    String run() throws Exception {
        log("run directory " + dir + "; " + Machine.describe());
        try (BenchDatabase db = BenchDatabase.open(settings, dir)) {
            database = db.description();
            log(database);
            if (settings.runs("bare")) {
                results.put("bare", measure(new BareTarget(settings, db), db));
            }
            if (settings.runs("stegvis")) {
                results.put("stegvis", measure(new StegvisTarget(settings, db), db));
            }
        }
        String report = Report.text(settings, database, results);
        Files.writeString(dir.resolve("report.txt"), report);
        Files.writeString(dir.resolve("summary.json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("settings", settings.toString(),
                        "database", database, "results", results)));
        return report;
    }

    private Map<String, Object> measure(Target target, BenchDatabase db) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("load_before", Machine.loadAverage());
        log(target.name + ": starting");
        target.start(dir);
        r.put("startup_s", round(target.startupSeconds, 1));
        log(target.name + ": healthy after " + round(target.startupSeconds, 1) + " s");
        ChildJvm jvm = target.jvm;
        try (jvm; Connection c = db.connect(target.database)) {
            Latencies latencies = new Latencies();
            AtomicBoolean stop = new AtomicBoolean();
            ConcurrentMap<String, AtomicLong> errors = new ConcurrentHashMap<>();
            ConcurrentMap<String, AtomicLong> statuses = new ConcurrentHashMap<>();
            Set<String> accepted = ConcurrentHashMap.newKeySet();
            Map<String, Long> stats0 = db.stats(target.database);
            double jvm0 = target.jvm.cpuSeconds();
            OptionalDouble pg0 = db.cpuSeconds();
            long[] machine0 = Machine.cpuTicks();
            if (settings.jfr()) {
                target.jvm.jcmd("JFR.start", "name=bench", "settings=profile");
            }
            List<Caseworker> caseworkers = target.caseworkers(latencies, stop, errors);
            long t0 = System.currentTimeMillis();
            caseworkers.forEach(Thread::start);
            ExecutorService submitters = Executors.newFixedThreadPool(settings.submitters());
            for (int i = 0; i < settings.applications(); i++) {
                int k = i;
                submitters.submit(() -> submit(target, k, latencies, statuses, accepted));
            }
            submitters.shutdown();
            submitters.awaitTermination(1, TimeUnit.HOURS);
            long tSubmitted = System.currentTimeMillis();
            log(target.name + ": " + accepted.size() + " submitted in " + round((tSubmitted - t0) / 1000.0, 1) + " s");

            String outcome = "done";
            long[] progress = {0, 0};
            long lastChange = System.currentTimeMillis();
            long lastLog = lastChange;
            while (true) {
                long[] p = target.progress(c);
                long now = System.currentTimeMillis();
                if (p[0] != progress[0]) {
                    lastChange = now;
                }
                progress = p;
                if (progress[0] >= accepted.size()) {
                    break;
                }
                if (now - lastChange > settings.stallSeconds() * 1000L) {
                    outcome = "stalled at " + progress[0] + " of " + accepted.size();
                    break;
                }
                if (now - lastLog > 10_000) {
                    log(target.name + ": " + progress[0] + " of " + accepted.size() + " done");
                    lastLog = now;
                }
                Thread.sleep(250);
            }
            long tDone = System.currentTimeMillis();
            stop.set(true);
            for (Caseworker w : caseworkers) {
                w.join(30_000);
            }
            double jvmCpu = target.jvm.cpuSeconds() - jvm0;
            OptionalDouble pg1 = db.cpuSeconds();
            long[] machine1 = Machine.cpuTicks();
            long end = progress[1] > t0 && progress[1] <= tDone ? progress[1] : tDone;
            double seconds = (end - t0) / 1000.0;
            int n = accepted.size();
            log(target.name + ": " + outcome + ", " + n + " in " + round(seconds, 1) + " s");

            r.put("outcome", outcome);
            r.put("applications", n);
            r.put("submit_s", round((tSubmitted - t0) / 1000.0, 1));
            r.put("end_to_end_s", round(seconds, 1));
            r.put("rate_per_s", round(n / seconds, 2));
            r.put("jvm_cpu_ms_per_application", round(1000 * jvmCpu / n, 0));
            r.put("postgres_cpu_ms_per_application",
                    pg0.isPresent() && pg1.isPresent() ? round(1000 * (pg1.getAsDouble() - pg0.getAsDouble()) / n, 0) : null);
            r.put("machine_busy_pct", Machine.busyPercent(machine0, machine1));
            r.put("load_after", Machine.loadAverage());
            r.put("submission", latencies.summary(target.submissionName()));
            r.put("task_list", latencies.summary(Caseworker.TASK_LIST.formatted("handlaggare")));
            r.put("latencies", latencies.all());
            r.put("submission_statuses", new TreeMap<>(statuses));
            r.put("caseworker_errors", new TreeMap<>(errors));
            r.put("tasks_completed", caseworkers.stream().mapToLong(w -> w.completed.get()).sum());
            r.put("heap_after_gc_mb", target.jvm.heapAfterGcMb());
            if (settings.jfr()) {
                Path jfr = dir.resolve(target.name + ".jfr");
                target.jvm.jcmd("JFR.stop", "name=bench", "filename=" + jfr);
                if (Files.exists(jfr)) {
                    Files.writeString(dir.resolve(target.name + "-jfr.txt"), JfrSummary.of(jfr).text());
                    r.put("jfr", jfr.toString());
                }
            }
            r.put("counts", target.counts(c, accepted));
            // Stopped before the commits are read: a backend reports its last statistics when it ends.
            target.jvm.close();
            r.put("per_application", perApplication(db, target.database, stats0, n));
            Map<String, String> tables = new LinkedHashMap<>();
            db.tablesWritten(target.database).forEach((table, w) -> tables.put(table, "+" + round(w[0] / (double) n, 1)
                    + " ~" + round(w[1] / (double) n, 1) + " -" + round(w[2] / (double) n, 1)));
            r.put("rows_per_application_by_table", tables);
            r.put("log", target.jvm.log().toString());
        }
        return r;
    }

    private static void submit(Target target, int i, Latencies latencies, ConcurrentMap<String, AtomicLong> statuses,
                               Set<String> accepted) {
        long giveUp = System.currentTimeMillis() + 60_000;
        for (int attempt = 1; ; attempt++) {
            String status;
            long t = System.nanoTime();
            try {
                Api.Response r = target.submit(i);
                status = Integer.toString(r.status());
                if (r.ok()) {
                    latencies.add(target.submissionName(), System.nanoTime() - t);
                    accepted.add(target.idOf(i, r));
                    count(statuses, attempt == 1 ? status : status + " after retry");
                    return;
                }
                if (r.status() < 500) {
                    count(statuses, status);
                    log(target.name + ": submission " + i + " refused: HTTP " + status + " " + Api.abbreviate(r.body()));
                    return;
                }
            } catch (IOException e) {
                status = e.getClass().getSimpleName();
            }
            count(statuses, status + " (retried)");
            if (System.currentTimeMillis() > giveUp) {
                return;
            }
            try {
                Thread.sleep(Math.min(2000, 200L * attempt));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void count(ConcurrentMap<String, AtomicLong> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** Commits and rows per application, read when the numbers have settled after the application stopped. */
    private static Map<String, Object> perApplication(BenchDatabase db, String database, Map<String, Long> before, int n)
            throws Exception {
        Map<String, Long> after = db.stats(database);
        for (int k = 0; k < 20; k++) {
            Thread.sleep(500);
            Map<String, Long> again = db.stats(database);
            if (again.equals(after)) {
                break;
            }
            after = again;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : after.entrySet()) {
            m.put(e.getKey(), round((e.getValue() - before.getOrDefault(e.getKey(), 0L)) / (double) n, 1));
        }
        return m;
    }

    static Double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(value * f) / f;
    }

    static void log(String message) {
        System.out.println(LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " [benchmark] " + message);
        System.out.flush();
    }

    /** The machine: cores, load and busy share from /proc. */
    static final class Machine {

        static String describe() {
            return Runtime.getRuntime().availableProcessors() + " cores, load " + loadAverage();
        }

        static String loadAverage() {
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
                return f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                return "?";
            }
        }

        /** {busy, total} jiffies of the whole machine. */
        static long[] cpuTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                List<Long> v = new ArrayList<>();
                for (int k = 1; k < f.length; k++) {
                    v.add(Long.parseLong(f[k]));
                    total += Long.parseLong(f[k]);
                }
                long idle = v.get(3) + v.get(4);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        static Double busyPercent(long[] before, long[] after) {
            long total = after[1] - before[1];
            return total <= 0 ? null : round(100.0 * (after[0] - before[0]) / total, 0);
        }
    }
}
