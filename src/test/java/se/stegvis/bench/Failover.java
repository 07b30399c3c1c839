package se.stegvis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node that dies, a database that blinks (issue #14, point 4; BENCHMARKS.md). Two Stegvis nodes — the packaged
 * jar in profile {@code postgres}, each in a JVM of its own — on one PostgreSQL (embedded, or a local {@code DB_URL}).
 * The e-service submits monthly applications to both nodes in turn (a refused or unanswered submission is sent again
 * to the other node with the same Idempotency-Key, as a load balancer's retry), caseworkers and team leaders work the
 * tasks on node B. While this runs, node A is killed with {@code kill -9} {@code kills} times, each time while it
 * holds locked work, and started again at once; then PostgreSQL is made unreachable (frozen) for
 * {@code outageSeconds}. Every node's {@code /actuator/health} is asked five times a second throughout.
 *
 * <p>Measured: each restart's start-up to health UP; for the work locked at the moment of a kill (jobs and fetched
 * external tasks, read from the engine's tables), how long until it was done or locked anew by a living node; the
 * answer time of {@code /actuator/health} by state (steady, a node restarting, the database unreachable, after it) and
 * what it answered; and at the end, once every accepted application has its payment planned, what was lost or
 * duplicated (applications, decisions, payments, process instances; {@link StegvisTarget#counts}).
 */
final class Failover {

    record Settings(int kills, int outageSeconds, double rate, int settleSeconds, BenchSettings bench) {

        static Settings fromSystemProperties() {
            return new Settings(integer("benchmark.failover.kills", 5), integer("benchmark.failover.outage-seconds", 20),
                    Double.parseDouble(text("benchmark.failover.rate", "2")),
                    integer("benchmark.failover.settle-seconds", 10), BenchSettings.fromSystemProperties());
        }

        /** Whether the failover run was asked for ({@code -Dbenchmark.failover.kills=…}, set by profile benchmark). */
        static boolean requested() {
            return !text("benchmark.failover.kills", "").isEmpty();
        }

        private static String text(String name, String fallback) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
        }

        private static int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }
    }

    /** One answer (or none) of a node's health endpoint. */
    record HealthSample(String node, String state, int status, long millis) {}

    /** Work locked at the moment of a kill, and how long each item waited. */
    record Kill(int number, int jobs, int externalTasks, double longestWaitSeconds, double startupSeconds,
                double startupCpuSeconds, int notTakenOver) {}

    private final Settings settings;
    private final Path dir;
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final List<Kill> kills = new ArrayList<>();
    private final List<HealthSample> health = new CopyOnWriteArrayList<>();
    private final ConcurrentMap<String, AtomicLong> submissionStatuses = new ConcurrentHashMap<>();
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile String state = "steady";
    private final Node[] nodes = new Node[2];

    /** A node: its port and the JVM that runs it now (replaced at each restart). */
    static final class Node {
        final String name;
        final int port;
        final Api api;
        volatile ChildJvm jvm;
        volatile boolean down;
        int starts;
        /** The JVM's CPU (user + system) from its start until health UP, of the last start: apart from the wait for
         * a core, which dominates the time on a loaded machine. */
        volatile double cpuToHealthy = Double.NaN;

        Node(String name, int port) {
            this.name = name;
            this.port = port;
            this.api = new Api(port);
        }
    }

    Failover(Settings settings) throws IOException {
        this.settings = settings;
        this.dir = Files.createDirectories(settings.bench().output().resolve("failover-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath());
    }

    Path dir() {
        return dir;
    }

    Map<String, Object> result() {
        return result;
    }

    List<Kill> kills() {
        return kills;
    }

    String run() throws Exception {
        Benchmark.log("failover: run directory " + dir + "; " + Benchmark.Machine.describe());
        result.put("load_before", Benchmark.Machine.loadAverage());
        try (BenchDatabase db = BenchDatabase.open(settings.bench(), dir)) {
            result.put("database", db.description());
            StegvisTarget target = new StegvisTarget(settings.bench(), db);
            String url = db.create("bench_failover");
            target.beforeStart(dir, url); // the launch of benchmark.stegvis.launch: extracted, with CDS
            nodes[0] = new Node("node-a", Target.freePort());
            nodes[1] = new Node("node-b", Target.freePort());
            try {
                // A first: it makes the schemas; B starts on them, as a node added to a running installation.
                result.put("first_start_a_s", Benchmark.round(start(nodes[0], target, url), 1));
                result.put("first_start_a_cpu_s", Benchmark.round(nodes[0].cpuToHealthy, 1));
                result.put("first_start_b_s", Benchmark.round(start(nodes[1], target, url), 1));
                result.put("first_start_b_cpu_s", Benchmark.round(nodes[1].cpuToHealthy, 1));
                target.api = nodes[0].api;
                target.afterStart();
                measure(target, db);
            } finally {
                stop.set(true);
                for (Node n : nodes) {
                    if (n != null && n.jvm != null) {
                        n.jvm.close();
                    }
                }
            }
        }
        String report = report();
        Files.writeString(dir.resolve("report.txt"), report);
        Files.writeString(dir.resolve("summary.json"), Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                Map.of("settings", settings.toString(), "result", result, "kills", kills)));
        return report;
    }

    private double start(Node node, StegvisTarget target, String url) throws Exception {
        node.starts++;
        node.down = true;
        node.jvm = ChildJvm.start(node.name + "-" + node.starts, dir, settings.bench().jvmArgs(), target.args(node.port),
                target.env(url));
        double seconds = node.jvm.awaitHealthy(node.port, java.time.Duration.ofMinutes(10));
        node.cpuToHealthy = node.jvm.cpuSeconds();
        node.down = false;
        Benchmark.log("failover: " + node.name + " healthy after " + Benchmark.round(seconds, 1) + " s (start "
                + node.starts + ")");
        return seconds;
    }

    private void measure(StegvisTarget target, BenchDatabase db) throws Exception {
        List<Thread> pollers = new ArrayList<>();
        for (Node n : nodes) {
            Thread t = new Thread(() -> pollHealth(n), "health-" + n.name);
            t.setDaemon(true);
            t.start();
            pollers.add(t);
        }
        Latencies latencies = new Latencies();
        ConcurrentMap<String, AtomicLong> errors = new ConcurrentHashMap<>();
        target.api = nodes[1].api;
        List<Caseworker> caseworkers = target.caseworkers(latencies, stop, errors);
        caseworkers.forEach(Thread::start);
        Thread submitter = new Thread(() -> submitAll(target), "submitter");
        submitter.setDaemon(true);
        submitter.start();

        try (Connection c = db.connect("bench_failover")) {
            Thread.sleep(settings.settleSeconds() * 1000L);
            for (int k = 1; k <= settings.kills(); k++) {
                kills.add(killAndRestart(k, c, target, db));
                Thread.sleep(settings.settleSeconds() * 1000L);
            }
            if (settings.outageSeconds() > 0) {
                outage(db);
            }
            Thread.sleep(settings.settleSeconds() * 1000L);
            stop.set(true);
            submitter.join(180_000);
            for (Caseworker w : caseworkers) {
                w.join(30_000);
            }
            Benchmark.log("failover: " + accepted.size() + " applications accepted; waiting until every one is paid");
            // The caseworkers go on until every application is paid.
            AtomicBoolean caseworkersStop = new AtomicBoolean();
            List<Caseworker> finishing = target.caseworkers(latencies, caseworkersStop, errors);
            finishing.forEach(Thread::start);
            String outcome = awaitDone(c, target);
            caseworkersStop.set(true);
            for (Caseworker w : finishing) {
                w.join(30_000);
            }
            result.put("outcome", outcome);
            result.put("applications", accepted.size());
            result.put("submission_statuses", new TreeMap<>(submissionStatuses));
            result.put("caseworker_errors", new TreeMap<>(errors));
            result.put("counts", target.counts(c, accepted));
        }
        result.put("load_after", Benchmark.Machine.loadAverage());
        result.put("health", healthSummary());
        for (Thread t : pollers) {
            t.join(5_000);
        }
    }

    /** Waits until node A holds locked work, kills it, restarts it, and waits until that work was done by someone. */
    private Kill killAndRestart(int number, Connection c, StegvisTarget target, BenchDatabase db) throws Exception {
        Node a = nodes[0];
        long until = System.currentTimeMillis() + 30_000;
        while (lockedCount(c) == 0 && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        state = "node A dead or starting";
        a.down = true;
        a.jvm.kill();
        long killedAt = System.nanoTime();
        // Read after the kill: a dead node's locks no longer change.
        Map<String, String> jobs = locked(c, "select id_, lock_owner_, lock_exp_time_ from act_ru_job "
                + "where lock_exp_time_ > now()");
        Map<String, String> externalTasks = locked(c, "select id_, worker_id_, lock_exp_time_ from act_ru_ext_task "
                + "where lock_exp_time_ > now()");
        Benchmark.log("failover: kill " + number + " of node A; locked then: " + jobs.size() + " jobs, "
                + externalTasks.size() + " external tasks");
        double[] startup = {Double.NaN};
        Exception[] failed = {null};
        Thread restart = new Thread(() -> {
            try {
                startup[0] = start(a, target, db.url("bench_failover"));
            } catch (Exception e) {
                failed[0] = e;
            }
        }, "restart-a");
        restart.start();
        Map<String, Double> waited = new HashMap<>();
        long deadline = killedAt + 180_000_000_000L;
        while ((waited.size() < jobs.size() + externalTasks.size()) && System.nanoTime() < deadline) {
            double seconds = (System.nanoTime() - killedAt) / 1e9;
            Map<String, String> nowJobs = locked(c, "select id_, lock_owner_, lock_exp_time_ from act_ru_job "
                    + "where id_ in (" + ids(jobs) + ")");
            Map<String, String> nowTasks = locked(c, "select id_, worker_id_, lock_exp_time_ from act_ru_ext_task "
                    + "where id_ in (" + ids(externalTasks) + ")");
            taken(jobs, nowJobs, seconds, waited);
            taken(externalTasks, nowTasks, seconds, waited);
            Thread.sleep(250);
        }
        restart.join();
        if (failed[0] != null) {
            throw failed[0];
        }
        state = "steady";
        int notTaken = jobs.size() + externalTasks.size() - waited.size();
        double longest = waited.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        Benchmark.log("failover: kill " + number + ": locked work taken over after at most " + Benchmark.round(longest, 1)
                + " s" + (notTaken > 0 ? ", " + notTaken + " not within 3 minutes" : "") + "; node A started in "
                + Benchmark.round(startup[0], 1) + " s (JVM CPU " + Benchmark.round(a.cpuToHealthy, 1) + " s)");
        return new Kill(number, jobs.size(), externalTasks.size(), Benchmark.round(longest, 1),
                Benchmark.round(startup[0], 1), Benchmark.round(a.cpuToHealthy, 1), notTaken);
    }

    /** Work is taken over when its row is gone (done) or its lock is another's (locked anew). */
    private static void taken(Map<String, String> before, Map<String, String> now, double seconds,
                              Map<String, Double> waited) {
        for (var e : before.entrySet()) {
            if (!waited.containsKey(e.getKey()) && !e.getValue().equals(now.get(e.getKey()))) {
                waited.put(e.getKey(), seconds);
            }
        }
    }

    private static String ids(Map<String, String> rows) {
        if (rows.isEmpty()) {
            return "''";
        }
        return String.join(",", rows.keySet().stream().map(id -> "'" + id.replace("'", "") + "'").toList());
    }

    private static int lockedCount(Connection c) throws SQLException {
        return (int) (Target.count(c, "select count(*) from act_ru_job where lock_exp_time_ > now()")
                + Target.count(c, "select count(*) from act_ru_ext_task where lock_exp_time_ > now()"));
    }

    /** id → owner and lock expiry. */
    private static Map<String, String> locked(Connection c, String sql) throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Timestamp expiry = rs.getTimestamp(3);
                rows.put(rs.getString(1), rs.getString(2) + "@" + (expiry == null ? "-" : expiry.getTime()));
            }
        }
        return rows;
    }

    /** PostgreSQL unreachable for the outage, then back; the nodes must say DOWN and come back UP by themselves. */
    private void outage(BenchDatabase db) throws Exception {
        Benchmark.log("failover: PostgreSQL unreachable (frozen) for " + settings.outageSeconds() + " s");
        BenchDatabase.FrozenServer frozen = db.freezeServer();
        state = "database unreachable";
        Thread.sleep(settings.outageSeconds() * 1000L);
        state = "database thawing";
        frozen.thaw();
        state = "database back, nodes recovering";
        long startedAt = System.nanoTime();
        Benchmark.log("failover: PostgreSQL answers again");
        // Recovered when every node answers UP again.
        Map<String, Double> recovered = new LinkedHashMap<>();
        long deadline = startedAt + 180_000_000_000L;
        while (recovered.size() < nodes.length && System.nanoTime() < deadline) {
            for (Node n : nodes) {
                if (!recovered.containsKey(n.name)) {
                    try {
                        Api.Response r = n.api.get("/actuator/health", null);
                        if (r.status() == 200 && r.body().contains("\"status\":\"UP\"")) {
                            recovered.put(n.name, Benchmark.round((System.nanoTime() - startedAt) / 1e9, 1));
                        }
                    } catch (IOException notYet) {
                        // asked again
                    }
                }
            }
            Thread.sleep(100);
        }
        state = "steady";
        result.put("health_up_after_database_back_s", recovered);
        Benchmark.log("failover: health UP again after " + recovered + " s");
    }

    /** The e-service: {@code rate} submissions a second, node A and B in turn, a failed one again on the other node. */
    private void submitAll(StegvisTarget target) {
        AtomicInteger next = new AtomicInteger();
        long intervalNanos = (long) (1e9 / settings.rate());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                settings.bench().submitters());
        long t = System.nanoTime();
        while (!stop.get()) {
            int i = next.getAndIncrement();
            pool.submit(() -> submit(target, i));
            t += intervalNanos;
            long sleep = t - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        pool.shutdown();
        try {
            pool.awaitTermination(3, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(StegvisTarget target, int i) {
        long giveUp = System.currentTimeMillis() + 120_000;
        for (int attempt = 0; ; attempt++) {
            Node node = nodes[(i + attempt) % 2];
            String status;
            try {
                Api.Response r = node.api.post("/api/ansokningar", target.etjanstUser(), target.application(i),
                        Map.of("Idempotency-Key", "failover-" + i));
                status = Integer.toString(r.status());
                if (r.ok()) {
                    accepted.add(target.idOf(i, r));
                    count(submissionStatuses, attempt == 0 ? status : status + " after retry");
                    return;
                }
                if (r.status() < 500) {
                    count(submissionStatuses, status);
                    Benchmark.log("failover: submission " + i + " refused: HTTP " + status + " " + Api.abbreviate(r.body()));
                    return;
                }
            } catch (IOException e) {
                status = e.getClass().getSimpleName();
            }
            count(submissionStatuses, status + " (retried)");
            if (System.currentTimeMillis() > giveUp) {
                return;
            }
            try {
                Thread.sleep(Math.min(2000, 200L * (attempt + 1)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void count(ConcurrentMap<String, AtomicLong> counts, String key) {
        counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    private String awaitDone(Connection c, StegvisTarget target) throws Exception {
        long lastChange = System.currentTimeMillis();
        long done = -1;
        while (true) {
            long now = System.currentTimeMillis();
            long d = target.progress(c)[0];
            if (d != done) {
                done = d;
                lastChange = now;
            }
            if (done >= accepted.size()) {
                return "done";
            }
            if (now - lastChange > settings.bench().stallSeconds() * 1000L) {
                return "stalled at " + done + " of " + accepted.size();
            }
            Thread.sleep(500);
        }
    }

    /**
     * Five times a second until the end; a refused connection (the node is dead or not yet listening) is no answer.
     * An answer belongs to a state only when the state was the same when it was asked and when it came: an answer
     * asked while PostgreSQL was frozen and given after it was thawed (the node's check waits up to 1.5 s, and the
     * thawed server answers it) is labelled "database unreachable → database thawing", not "database unreachable".
     */
    private void pollHealth(Node node) {
        while (!stop.get()) {
            String before = stateOf(node);
            long t0 = System.nanoTime();
            int status;
            try {
                status = node.api.get("/actuator/health", null).status();
            } catch (IOException e) {
                status = -1;
            }
            long millis = (System.nanoTime() - t0) / 1_000_000;
            String after = stateOf(node);
            if (status > 0) {
                health.add(new HealthSample(node.name, before.equals(after) ? before : before + " → " + after, status,
                        millis));
            }
            try {
                Thread.sleep(Math.max(0, 200 - millis));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String stateOf(Node node) {
        return node.down ? "this node starting" : state;
    }

    /** By state: answers, the longest answer time and which statuses came. */
    Map<String, Map<String, Object>> healthSummary() {
        Map<String, Map<String, Object>> byState = new LinkedHashMap<>();
        for (HealthSample h : health) {
            Map<String, Object> m = byState.computeIfAbsent(h.state(), k -> new LinkedHashMap<>(Map.of(
                    "answers", 0L, "max_ms", 0L, "statuses", new TreeMap<String, Long>())));
            m.put("answers", (Long) m.get("answers") + 1);
            m.put("max_ms", Math.max((Long) m.get("max_ms"), h.millis()));
            @SuppressWarnings("unchecked")
            Map<String, Long> statuses = (Map<String, Long>) m.get("statuses");
            statuses.merge(Integer.toString(h.status()), 1L, Long::sum);
        }
        return byState;
    }

    long maxHealthMillis() {
        return health.stream().mapToLong(HealthSample::millis).max().orElse(-1);
    }

    /** Statuses answered while the database was unreachable (asked after the freeze and answered before the thaw). */
    Set<Integer> statusesDuringOutage() {
        Set<Integer> statuses = new java.util.TreeSet<>();
        health.stream().filter(h -> h.state().equals("database unreachable")).forEach(h -> statuses.add(h.status()));
        return statuses;
    }

    private String report() {
        StringBuilder b = new StringBuilder();
        b.append("A node that dies, a database that blinks (issue #14, point 4)\n");
        b.append("database: ").append(result.get("database")).append("; load before ").append(result.get("load_before"))
                .append(", after ").append(result.get("load_after")).append('\n');
        b.append("settings: ").append(settings.kills()).append(" × kill -9 of node A, PostgreSQL unreachable ")
                .append(settings.outageSeconds()).append(" s, ").append(settings.rate())
                .append(" submissions/s to both nodes, caseworkers on node B\n\n");
        b.append("first start-up to health UP: node A ").append(result.get("first_start_a_s")).append(" s (empty "
                + "database; JVM CPU ").append(result.get("first_start_a_cpu_s")).append(" s), node B ")
                .append(result.get("first_start_b_s")).append(" s (JVM CPU ").append(result.get("first_start_b_cpu_s"))
                .append(" s)\n\n");
        b.append("| kill | jobs locked | external tasks locked | locked work taken over after (s, longest) | "
                + "node A start-up to UP (s) | its JVM CPU to UP (s) |\n|---|---|---|---|---|---|\n");
        for (Kill k : kills) {
            b.append("| ").append(k.number()).append(" | ").append(k.jobs()).append(" | ").append(k.externalTasks())
                    .append(" | ").append(k.longestWaitSeconds()).append(k.notTakenOver() > 0 ? " (" + k.notTakenOver()
                            + " not within 3 min)" : "").append(" | ").append(k.startupSeconds())
                    .append(" | ").append(k.startupCpuSeconds()).append(" |\n");
        }
        b.append("\n/actuator/health by state (answers, longest answer, statuses):\n");
        healthSummary().forEach((s, m) -> b.append("  ").append(s).append(": ").append(m).append('\n'));
        b.append("health UP again after the database was back: ").append(result.get("health_up_after_database_back_s")).append(" s\n\n");
        b.append("outcome: ").append(result.get("outcome")).append("; applications accepted ")
                .append(result.get("applications")).append('\n');
        b.append("counts: ").append(result.get("counts")).append('\n');
        b.append("submissions: ").append(result.get("submission_statuses")).append('\n');
        b.append("caseworker errors: ").append(result.get("caseworker_errors")).append('\n');
        return b.toString();
    }
}
