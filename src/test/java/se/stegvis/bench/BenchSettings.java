package se.stegvis.bench;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;

/**
 * What the benchmark runs, from system properties ({@code -Dbenchmark.applications=1000} and so on; the Maven build
 * passes them to the benchmark's JVM) and the environment ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}).
 *
 * @param applications how many monthly applications each system gets
 * @param submitters   concurrent submitters (the e-service)
 * @param caseworkers  handläggare completing "Utred ansökan"
 * @param attesters    team leaders completing "Attestera beslut" (Stegvis only; the bare process has no attest)
 * @param attestEvery  every k-th application is a large household whose grant needs an attest
 * @param month        the month applied for
 * @param jar          Stegvis' packaged jar, started in profile {@code postgres}
 * @param output       where each run writes its report, the applications' logs and JFR recordings
 * @param systems      which systems to run: {@code bare}, {@code stegvis}, in that order
 * @param jfr          record a JFR CPU profile of each system during the load
 * @param jvmArgs      extra JVM options for both systems
 * @param stallSeconds give up when nothing progresses for this long
 * @param dbUrl        an existing PostgreSQL (its server gets two fresh databases), or null for an embedded one
 */
record BenchSettings(int applications, int submitters, int caseworkers, int attesters, int attestEvery,
                     YearMonth month, Path jar, Path output, List<String> systems, boolean jfr, List<String> jvmArgs,
                     int stallSeconds, String dbUrl, String dbUser, String dbPassword) {

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                integer("benchmark.applications", 20),
                integer("benchmark.submitters", 8),
                integer("benchmark.caseworkers", 4),
                integer("benchmark.attesters", 2),
                integer("benchmark.attest-every", 5),
                YearMonth.parse(text("benchmark.month", "2025-12")),
                Path.of(text("benchmark.jar", "target/stegvis-0.1.0-SNAPSHOT.jar")),
                Path.of(text("benchmark.output", "target/benchmark")),
                words(text("benchmark.systems", "bare stegvis").replace(',', ' ')),
                Boolean.parseBoolean(text("benchmark.jfr", "false")),
                words(text("benchmark.jvm-args", "")),
                integer("benchmark.stall-seconds", 300),
                blankToNull(System.getenv("DB_URL")),
                blankToNull(System.getenv("DB_USER")),
                blankToNull(System.getenv("DB_PASSWORD")));
    }

    boolean runs(String system) {
        return systems.contains(system);
    }

    private static String text(String name, String fallback) {
        String value = System.getProperty(name);
        // An unset Maven property arrives as its own placeholder.
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
    }

    private static int integer(String name, int fallback) {
        return Integer.parseInt(text(name, Integer.toString(fallback)));
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
