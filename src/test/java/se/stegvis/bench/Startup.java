package se.stegvis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Start-up to {@code /actuator/health} UP of Stegvis (the packaged jar, profile {@code postgres}) beside the bare
 * Camunda process, on the same PostgreSQL (BENCHMARKS.md, "Start-up"): each system's first start on an empty
 * database, then {@code restarts} restarts on the database it made (a node that is restarted or added). With
 * {@code benchmark.jfr=true} the last restart of each is recorded with JFR from the first instruction (CPU samples by
 * library and method), and Stegvis' Spring start-up steps with it: how long each bean took to create, without the
 * beans it created on the way.
 */
final class Startup {

    record Settings(int restarts, BenchSettings bench) {
        static Settings fromSystemProperties() {
            String value = System.getProperty("benchmark.startup.restarts", "");
            return new Settings(value.isBlank() || value.startsWith("${") ? 3 : Integer.parseInt(value.strip()),
                    BenchSettings.fromSystemProperties());
        }

        static boolean requested() {
            String value = System.getProperty("benchmark.startup.restarts", "");
            return !value.isBlank() && !value.startsWith("${");
        }
    }

    private final Settings settings;
    private final Path dir;
    private final Map<String, Map<String, Object>> results = new LinkedHashMap<>();

    Startup(Settings settings) throws IOException {
        this.settings = settings;
        this.dir = Files.createDirectories(settings.bench().output().resolve("startup-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath());
    }

    Path dir() {
        return dir;
    }

    Map<String, Map<String, Object>> results() {
        return results;
    }

    String run() throws Exception {
        Benchmark.log("startup: run directory " + dir + "; " + Benchmark.Machine.describe());
        String database;
        try (BenchDatabase db = BenchDatabase.open(settings.bench(), dir)) {
            database = db.description();
            if (settings.bench().runs("bare")) {
                results.put("bare", measure(new BareTarget(settings.bench(), db)));
            }
            if (settings.bench().runs("stegvis")) {
                for (String launch : StegvisTarget.launchModes()) {
                    StegvisTarget stegvis = new StegvisTarget(settings.bench(), db, launch);
                    results.put(stegvis.name, measure(stegvis));
                }
            }
        }
        StringBuilder b = new StringBuilder("Start-up to /actuator/health UP (s); " + database + "\n\n");
        b.append("| system | first start (empty database) | restarts | median restart | JVM CPU s to UP, first / restarts "
                + "| load before |\n");
        b.append("|---|---|---|---|---|---|\n");
        results.forEach((name, r) -> b.append("| ").append(name).append(" | ").append(r.get("first_s")).append(" | ")
                .append(r.get("restarts_s")).append(" | ").append(r.get("median_restart_s")).append(" | ")
                .append(r.get("first_cpu_s")).append(" / ").append(r.get("restarts_cpu_s")).append(" | ")
                .append(r.get("load_before")).append(" |\n"));
        if (results.containsKey("bare")) {
            results.forEach((name, r) -> {
                if (!name.equals("bare")) {
                    double ratio = (Double) r.get("median_restart_s") / (Double) results.get("bare").get("median_restart_s");
                    b.append("\n").append(name).append(" / bare, median restart: ").append(Benchmark.round(ratio, 2))
                            .append("×");
                }
            });
            b.append('\n');
        }
        results.forEach((name, r) -> {
            if (r.containsKey("steps")) {
                b.append("\n").append(name).append(": Spring start-up steps, own time (without the steps inside):\n")
                        .append(r.get("steps"));
            }
        });
        String report = b.toString();
        Files.writeString(dir.resolve("report.txt"), report);
        return report;
    }

    private Map<String, Object> measure(Target target) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("load_before", Benchmark.Machine.loadAverage());
        try {
            target.start(dir);
        } catch (Exception e) {
            if (target.jvm != null) {
                target.jvm.close(); // not left running when the start or the users failed
            }
            throw e;
        }
        r.put("first_s", Benchmark.round(target.startupSeconds, 1));
        r.put("first_cpu_s", Benchmark.round(target.jvm.cpuSeconds(), 1));
        Benchmark.log("startup: " + target.name + " first start " + r.get("first_s") + " s");
        List<Double> restarts = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        try {
            for (int k = 1; k <= settings.restarts(); k++) {
                boolean record = settings.bench().jfr() && k == settings.restarts();
                Path jfr = dir.resolve(target.name + "-startup.jfr");
                List<String> extra = record ? List.of("-XX:StartFlightRecording=name=startup,settings=profile,filename="
                        + jfr, "-XX:FlightRecorderOptions:stackdepth=256", "-Dstegvis.startup-steps=jfr") : List.of();
                double seconds = target.restart(dir, target.name + "-restart-" + k, extra);
                restarts.add(Benchmark.round(seconds, 1));
                // CPU the JVM used until health UP: less at the mercy of what else runs on the machine than the time
                cpu.add(Benchmark.round(target.jvm.cpuSeconds(), 1));
                Benchmark.log("startup: " + target.name + " restart " + k + ": " + Benchmark.round(seconds, 1) + " s");
                if (record) {
                    target.jvm.jcmd("JFR.stop", "name=startup");
                    if (Files.exists(jfr)) {
                        Files.writeString(dir.resolve(target.name + "-startup-jfr.txt"), JfrSummary.of(jfr).text());
                        String steps = steps(jfr);
                        if (!steps.isEmpty()) {
                            r.put("steps", steps);
                            Files.writeString(dir.resolve(target.name + "-startup-steps.txt"), steps);
                        }
                    }
                }
            }
        } finally {
            target.jvm.close();
        }
        r.put("restarts_s", restarts);
        r.put("restarts_cpu_s", cpu);
        List<Double> sorted = restarts.stream().sorted().toList();
        r.put("median_restart_s", sorted.isEmpty() ? null : sorted.get(sorted.size() / 2));
        return r;
    }

    /**
     * Spring's start-up steps of a recording (FlightRecorderApplicationStartup's events): the 30 with the most own
     * time — the step's duration less that of the steps inside it (a bean's dependencies are created inside it).
     */
    static String steps(Path recording) throws IOException {
        record Step(long id, long parent, String name, String tags, long nanos) {}
        List<Step> steps = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().endsWith("FlightRecorderStartupEvent")) {
                    steps.add(new Step(e.getLong("eventId"), e.getLong("parentId"), e.getString("name"),
                            String.valueOf(e.getString("tags")), e.getDuration().toNanos()));
                }
            }
        }
        Map<Long, Long> inside = new HashMap<>();
        for (Step s : steps) {
            inside.merge(s.parent(), s.nanos(), Long::sum);
        }
        StringBuilder b = new StringBuilder();
        steps.stream().sorted((x, y) -> Long.compare(y.nanos() - inside.getOrDefault(y.id(), 0L),
                x.nanos() - inside.getOrDefault(x.id(), 0L))).limit(30).forEach(s -> b.append(String.format(
                java.util.Locale.ROOT, "  %6.2f s own, %6.2f s in all  %s %s%n",
                (s.nanos() - inside.getOrDefault(s.id(), 0L)) / 1e9, s.nanos() / 1e9, s.name(),
                Api.abbreviate(s.tags()))));
        return b.toString();
    }
}
