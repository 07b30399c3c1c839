package se.stegvis.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A system under measurement: how to start it, submit to it, work its tasks, and tell when an application is done. */
abstract class Target {

    final String name;
    final BenchSettings settings;
    final BenchDatabase db;
    String database;
    int port;
    Api api;
    ChildJvm jvm;
    double startupSeconds;

    Target(String name, BenchSettings settings, BenchDatabase db) {
        this.name = name;
        this.settings = settings;
        this.db = db;
    }

    /** Starts the application on a fresh database and waits until it is healthy; start-up is measured. */
    void start(Path dir) throws Exception {
        database = "bench_" + name;
        String url = db.create(database);
        port = freePort();
        api = new Api(port);
        List<String> jvmArgs = new java.util.ArrayList<>(settings.jvmArgs());
        if (settings.jfr()) {
            // Deep enough for the outermost Stegvis frame of a delegate's stack (JFR keeps 64 frames by default).
            jvmArgs.add("-XX:FlightRecorderOptions:stackdepth=512");
        }
        beforeStart(dir, url);
        jvm = ChildJvm.start(name, dir, jvmArgs, args(dir, url), env(url));
        startupSeconds = jvm.awaitHealthy(port, Duration.ofMinutes(10));
        afterStart();
    }

    /**
     * Stops the application as an operator would and starts it again on the same database, under {@code logName}
     * with {@code extraJvmArgs}; returns the seconds from the start of the JVM to health UP.
     */
    double restart(Path dir, String logName, List<String> extraJvmArgs) throws Exception {
        jvm.close();
        String url = db.url(database);
        List<String> jvmArgs = new java.util.ArrayList<>(settings.jvmArgs());
        jvmArgs.addAll(extraJvmArgs);
        jvm = ChildJvm.start(logName, dir, jvmArgs, args(dir, url), env(url));
        return jvm.awaitHealthy(port, Duration.ofMinutes(10));
    }

    abstract List<String> args(Path dir, String jdbcUrl) throws IOException;

    /** Preparation before the first start on the fresh database {@code jdbcUrl}. */
    void beforeStart(Path dir, String jdbcUrl) throws Exception {}

    abstract Map<String, String> env(String jdbcUrl);

    void afterStart() throws IOException {}

    /** What the submission's latency is reported as. */
    abstract String submissionName();

    /** Submits application {@code i} once. */
    abstract Api.Response submit(int i) throws IOException;

    /** The id the benchmark checks for an accepted submission. */
    abstract String idOf(int i, Api.Response accepted);

    abstract List<Caseworker> caseworkers(Latencies latencies, AtomicBoolean stop, ConcurrentMap<String, AtomicLong> errors);

    /** {done, epoch millis of the last one done} */
    abstract long[] progress(Connection c) throws SQLException;

    /** What was stored, and what was lost or duplicated; must hold the keys {@code lost} and {@code duplicated}. */
    abstract Map<String, Object> counts(Connection c, Set<String> acceptedIds) throws SQLException;

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long[] countAndLast(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            var last = rs.getTimestamp(2);
            return new long[] {rs.getLong(1), last == null ? 0 : last.getTime()};
        }
    }
}
