package se.stegvis.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server the benchmark runs on: an embedded one (zonky, as the tests use, but with
 * {@code synchronous_commit = on} as in production), or the server of {@code DB_URL}. Each system gets a fresh
 * database of its own. The server's CPU is read from {@code /proc} when it runs on this machine: its postmaster,
 * the live backends and what the postmaster has reaped from ended ones.
 */
final class BenchDatabase implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

    private final EmbeddedPostgres embedded;
    private final String urlPrefix;
    private final String urlSuffix;
    private final String adminDatabase;
    private final String user;
    private final String password;
    private final long postmaster;
    private final String description;
    private final double ticksPerSecond = clockTicks();

    private BenchDatabase(EmbeddedPostgres embedded, String url, String user, String password, String kind)
            throws SQLException {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("DB_URL is not jdbc:postgresql://host:port/database: " + url);
        }
        this.embedded = embedded;
        this.urlPrefix = m.group(1);
        this.adminDatabase = m.group(2);
        this.urlSuffix = m.group(3) == null ? "" : m.group(3);
        this.user = user;
        this.password = password;
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select pg_backend_pid(), current_setting('server_version'), "
                    + "current_setting('synchronous_commit'), current_setting('fsync')");
            rs.next();
            this.postmaster = parentIfLocal(rs.getLong(1));
            this.description = "PostgreSQL " + rs.getString(2) + " (" + kind + "; synchronous_commit " + rs.getString(3)
                    + ", fsync " + rs.getString(4) + ")";
        }
    }

    static BenchDatabase open(BenchSettings settings, Path dir) throws IOException, SQLException {
        if (settings.dbUrl() != null) {
            return new BenchDatabase(null, settings.dbUrl(), settings.dbUser(), settings.dbPassword(), "DB_URL");
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createDirectories(dir.resolve("postgres-data")))
                .setCleanDataDirectory(true)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "200")
                .start();
        return new BenchDatabase(pg, pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", "embedded, zonky");
    }

    String description() {
        return description;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** A fresh, empty database (dropped first when it exists); its JDBC URL. */
    String create(String name) throws SQLException {
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return url(name);
    }

    String url(String database) {
        return urlPrefix + database + urlSuffix;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** Transactions of a database so far (pg_stat_database). */
    Map<String, Long> stats(String database) throws SQLException {
        try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted "
                    + "from pg_stat_database where datname = '" + database + "'");
            Map<String, Long> stats = new LinkedHashMap<>();
            if (rs.next()) {
                stats.put("commits", rs.getLong(1));
                stats.put("rollbacks", rs.getLong(2));
                stats.put("rows_inserted", rs.getLong(3));
                stats.put("rows_updated", rs.getLong(4));
                stats.put("rows_deleted", rs.getLong(5));
            }
            return stats;
        }
    }

    /** Rows inserted, updated and deleted per table of a database, most written first (pg_stat_user_tables). */
    Map<String, long[]> tablesWritten(String database) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables "
                    + "where n_tup_ins + n_tup_upd + n_tup_del > 0 order by n_tup_ins + n_tup_upd + n_tup_del desc");
            Map<String, long[]> tables = new LinkedHashMap<>();
            while (rs.next()) {
                tables.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
            }
            return tables;
        }
    }

    /**
     * Makes the server unreachable: its postmaster and every process of it are frozen ({@code kill -STOP}), as when
     * the database host or the network to it fails. Connections neither answer nor are refused; what was in flight
     * waits. The server must run on this machine. (A real stop and start cannot be done here: PostgreSQL refuses to
     * be started by root, which the embedded server's start gets around and a benchmark cannot.) Returns how to
     * thaw it, once every process of the server is stopped.
     *
     * <p>The postmaster is frozen first and its children are read only once it is stopped: a stopped postmaster
     * forks no new backend, so no process can escape between the list and the signal. {@code kill} only sends the
     * signal; a process stops when the kernel next runs it (one in the middle of disk I/O when that ends), so this
     * waits until {@code /proc} shows every one of them stopped.
     */
    FrozenServer freezeServer() throws IOException, InterruptedException {
        if (postmaster <= 0) {
            throw new IllegalStateException("PostgreSQL does not run on this machine: the benchmark cannot freeze it");
        }
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        signal("-STOP", pids);
        awaitStopped(pids);
        List<Long> children = children(postmaster);
        signal("-STOP", children);
        pids.addAll(children);
        awaitStopped(pids);
        return new FrozenServer(pids);
    }

    /** The processes whose parent is {@code parent}. */
    private static List<Long> children(long parent) throws IOException {
        List<Long> children = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit)) {
                    long[] st = stat(Long.parseLong(name));
                    if (st != null && st[0] == parent) {
                        children.add(Long.parseLong(name));
                    }
                }
            }
        }
        return children;
    }

    /** Waits until every process of the list is stopped (or gone); at most 30 s. */
    private static void awaitStopped(List<Long> pids) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        for (long pid : pids) {
            char state;
            while ((state = state(pid)) != 'T' && state != 't' && state != 'Z' && state != 'X' && state != '-') {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL process " + pid + " not stopped within 30 s (state "
                            + state + ")");
                }
                Thread.sleep(1);
            }
        }
    }

    /** A process's state as {@code /proc} shows it (R, S, D, T, Z …), or '-' when it is gone. */
    static char state(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return s.charAt(s.lastIndexOf(')') + 2);
        } catch (IOException | RuntimeException e) {
            return '-';
        }
    }

    /** The postmaster and its children now (tests). */
    List<Long> serverProcesses() throws IOException {
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        pids.addAll(children(postmaster));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        if (pids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(kill.getInputStream().readAllBytes());
        if (kill.waitFor() != 0 && !out.contains("No such process")) {
            throw new IllegalStateException("kill " + signal + " failed: " + out);
        }
    }

    /** A server frozen by {@link #freezeServer()}. */
    final class FrozenServer {
        private final List<Long> pids;

        private FrozenServer(List<Long> pids) {
            this.pids = pids;
        }

        /** Lets it go on ({@code kill -CONT}) and waits until it answers a query. */
        void thaw() throws IOException, InterruptedException {
            signal("-CONT", pids);
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (true) {
                try (Connection c = connect(adminDatabase); Statement s = c.createStatement()) {
                    s.executeQuery("select 1").close();
                    return;
                } catch (SQLException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("PostgreSQL did not answer within 60 s of thawing", notYet);
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /** CPU seconds the whole server has used so far, when it runs on this machine. */
    OptionalDouble cpuSeconds() {
        if (postmaster <= 0) {
            return OptionalDouble.empty();
        }
        long ticks = 0;
        long[] own = stat(postmaster);
        if (own == null) {
            return OptionalDouble.empty();
        }
        ticks += own[1] + own[2] + own[3] + own[4];
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] child = stat(Long.parseLong(name));
                if (child != null && child[0] == postmaster) {
                    ticks += child[1] + child[2];
                }
            }
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(ticks / ticksPerSecond);
    }

    /** ppid, utime, stime, cutime, cstime of a process, or null. */
    private static long[] stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The postmaster: the parent of our backend, when that backend is a process of this machine. */
    private static long parentIfLocal(long backendPid) {
        long[] s = stat(backendPid);
        if (s == null) {
            return -1;
        }
        try {
            String comm = Files.readString(Path.of("/proc", Long.toString(backendPid), "comm")).strip();
            return comm.startsWith("postgres") ? s[0] : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private static double clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            return Double.parseDouble(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
