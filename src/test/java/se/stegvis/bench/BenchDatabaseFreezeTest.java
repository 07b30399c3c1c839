package se.stegvis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover benchmark's database outage ({@link BenchDatabase#freezeServer()}): every process of the server is
 * stopped when it returns — also the backends the postmaster forks for connections opened while it freezes — so
 * that neither a connection of the pool nor a new one gets an answer; after the thaw both work again. (The benchmark
 * counted health answers as "UP while frozen" that had been asked before the thaw and answered after it:
 * {@code Failover.pollHealth} now labels an answer with the state both when asked and when answered.)
 */
class BenchDatabaseFreezeTest {

    @Test
    void everyProcessOfTheServerIsFrozenAndNothingAnswersUntilTheThaw(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc (Linux)");
        try (BenchDatabase db = BenchDatabase.open(new BenchSettings(1, 1, 1, 1, 1, java.time.YearMonth.of(2025, 12),
                dir.resolve("none.jar"), dir, List.of(), false, List.of(), 60, null, null, null), dir)) {
            String url = db.create("freeze_probe");
            Connection pooled = connect(url, db);
            // New connections all the time, so that the postmaster forks backends while it is frozen.
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger opened = new AtomicInteger();
            var openers = Executors.newFixedThreadPool(2);
            for (int i = 0; i < 2; i++) {
                openers.submit(() -> {
                    while (!stop.get()) {
                        try (Connection c = connect(url, db)) {
                            opened.incrementAndGet();
                        } catch (SQLException frozen) {
                            // expected while frozen
                        }
                    }
                });
            }
            while (opened.get() < 20) {
                Thread.sleep(10);
            }

            BenchDatabase.FrozenServer frozen = db.freezeServer();
            try {
                assertThat(db.serverProcesses()).as("processes of the server").hasSizeGreaterThan(3)
                        .allSatisfy(pid -> assertThat(BenchDatabase.state(pid)).as("state of %d", pid).isIn('T', 't', 'Z', 'X', '-'));
                pooled.setNetworkTimeout(Runnable::run, 1500);
                assertThatThrownBy(() -> query(pooled)).as("an open connection while frozen")
                        .isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> query(connect(url, db))).as("a new connection while frozen")
                        .isInstanceOf(SQLException.class);
            } finally {
                frozen.thaw();
            }
            try (Connection c = connect(url, db)) {
                assertThat(query(c)).isEqualTo(1);
            }
            stop.set(true);
            openers.shutdown();
        }
    }

    private static Connection connect(String url, BenchDatabase db) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", db.user());
        p.setProperty("password", db.password());
        p.setProperty("connectTimeout", "2");
        p.setProperty("loginTimeout", "2");
        p.setProperty("socketTimeout", "2");
        return DriverManager.getConnection(url, p);
    }

    private static int query(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
