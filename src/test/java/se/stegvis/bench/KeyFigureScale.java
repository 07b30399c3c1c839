package se.stegvis.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import se.stegvis.metrics.FigureFacts;
import se.stegvis.metrics.KeyFigure;
import se.stegvis.metrics.KeyFigureService;
import se.stegvis.metrics.KeyFigureSettings;
import se.stegvis.support.EmbeddedPostgresDataSource;

/**
 * The key figures alone at a nation's volume, without the engine or the application (issue #14 point 3): Stegvis'
 * tables seeded by {@link NationalData} on an embedded PostgreSQL, the facts rebuilt ({@link FigureFacts#rebuild},
 * as the migration does), then {@link KeyFigureService} for 2025 timed, whole municipality and one unit, each
 * statement of the first run listed with its time. A program, not a test (BENCHMARKS.md, "Queries at national scale"):
 * <pre>
 * ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dbpmnlint.skip
 * java -Xmx512m -cp target/classes:target/test-classes:$(cat target/cp.txt) se.stegvis.bench.KeyFigureScale 160000 5
 * </pre>
 * Arguments: households (clients), runs of each computation, and optionally seconds to keep the database up after.
 * Instead of households, the JDBC URL of a database seeded and kept up by an earlier run (of another commit, say):
 * its migrations brought up to this commit's (which rebuild the facts they add), {@code vacuum analyze}d, timed — so
 * that two commits are compared on the same rows without seeding twice. With {@code -Dkeyfigures.dump=FILE} the
 * figures of each computation's last run are written to {@code FILE-whole.csv} and {@code FILE-<unit>.csv}, one a
 * line, to be compared between commits.
 */
public final class KeyFigureScale {

    private KeyFigureScale() {}

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[1]);
        if (args[0].startsWith("jdbc:")) {
            String url = args[0];
            long t = System.nanoTime();
            Flyway.configure().dataSource(new DriverManagerDataSource(url, "postgres", "postgres"))
                    .table("stegvis_schema_history").load().migrate();
            System.out.printf("migrated in %d ms%n", (System.nanoTime() - t) / 1_000_000);
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
            for (String unit : new String[] {null, NationalData.UNITS[1]}) {
                System.out.print(time(url, unit, runs));
            }
            return;
        }
        int clients = Integer.parseInt(args[0]);
        String url = EmbeddedPostgresDataSource.newDatabase("key_figure_scale_" + clients);
        Flyway.configure().dataSource(new DriverManagerDataSource(url, "postgres", "postgres"))
                .table("stegvis_schema_history").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            long t = System.nanoTime();
            System.out.println(new NationalData(clients).write(c));
            System.out.printf("seeded (with the facts) in %d s%n", (System.nanoTime() - t) / 1_000_000_000);
            c.setAutoCommit(false);
            t = System.nanoTime();
            FigureFacts.rebuild(c);
            c.commit();
            System.out.printf("FigureFacts.rebuild %d ms%n", (System.nanoTime() - t) / 1_000_000);
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
            }
        }
        for (String unit : new String[] {null, NationalData.UNITS[1]}) {
            System.out.print(time(url, unit, runs));
        }
        if (args.length > 2) {
            System.out.println("database kept up at " + url);
            Thread.sleep(Long.parseLong(args[2]) * 1000);
        }
    }

    /** Computes the figures of 2025 {@code runs} times; lists the first run's statements with their times. */
    static String time(String url, String unit, int runs) throws Exception {
        Connection raw = DriverManager.getConnection(url, "postgres", "postgres");
        raw.setAutoCommit(false);
        StringBuilder log = new StringBuilder("== " + (unit == null ? "whole municipality" : unit) + "\n");
        boolean[] first = {true};
        Connection timed = (Connection) Proxy.newProxyInstance(KeyFigureScale.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, m, a) -> {
                    Object r = invoke(m, raw, a);
                    if (m.getName().equals("prepareStatement") && r instanceof PreparedStatement ps) {
                        String sql = ((String) a[0]).replaceAll("\\s+", " ").strip();
                        return Proxy.newProxyInstance(KeyFigureScale.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p2, m2, a2) -> {
                                    long t = System.nanoTime();
                                    try {
                                        return invoke(m2, ps, a2);
                                    } finally {
                                        if (first[0] && m2.getName().startsWith("execute")) {
                                            log.append(String.format("  %8.1f ms  %s%n", (System.nanoTime() - t) / 1e6,
                                                    sql.substring(0, Math.min(110, sql.length()))));
                                        }
                                    }
                                });
                    }
                    return r;
                });
        DataSource ds = new SingleConnectionDataSource(timed, true);
        KeyFigureService service = new KeyFigureService(new NamedParameterJdbcTemplate(ds), ds,
                new KeyFigureSettings(Map.of(2025, 10_000_000L)), Clock.system(ZoneId.of("Europe/Stockholm")));
        long[] ms = new long[runs];
        List<KeyFigure> figures = List.of();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            figures = service.compute(YearMonth.of(2025, 1), YearMonth.of(2025, 12), unit);
            raw.commit();
            ms[i] = (System.nanoTime() - t) / 1_000_000;
            first[0] = false;
        }
        raw.close();
        String dump = System.getProperty("keyfigures.dump");
        if (dump != null) {
            StringBuilder lines = new StringBuilder();
            for (KeyFigure f : figures) {
                lines.append(String.join(";", f.id(), f.label(), String.valueOf(f.month()), String.valueOf(f.year()),
                        String.valueOf(f.category()), String.valueOf(f.value()), String.valueOf(f.numerator()),
                        String.valueOf(f.denominator()), String.valueOf(f.note()))).append('\n');
            }
            java.nio.file.Files.writeString(java.nio.file.Path.of(dump + "-" + (unit == null ? "whole" : unit) + ".csv"),
                    lines);
        }
        Arrays.sort(ms);
        return log.append(String.format("  runs %d: min %d, median %d, max %d ms; %d figures%n", runs, ms[0],
                ms[runs / 2], ms[runs - 1], figures.size())).toString();
    }

    private static Object invoke(java.lang.reflect.Method m, Object target, Object[] a) throws Throwable {
        try {
            return m.invoke(target, a);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
