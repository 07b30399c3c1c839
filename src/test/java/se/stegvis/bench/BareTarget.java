package se.stegvis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import benchmark.bare.BareCamundaApp;

/**
 * The yardstick: {@link BareCamundaApp} on the benchmark's classpath, driven the same way as Stegvis (instances
 * started over the engine REST API by the same submitters, the user task worked by the same caseworkers); an
 * instance is done when it has ended.
 */
final class BareTarget extends Target {

    static final String PROCESS_KEY = "bare-monthly-application";

    BareTarget(BenchSettings settings, BenchDatabase db) {
        super("bare", settings, db);
    }

    @Override
    List<String> args(Path dir, String jdbcUrl) throws IOException {
        // The classpath of the benchmark's own JVM (Maven's test classpath), in an argument file.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path argfile = dir.resolve("bare.classpath");
        Files.writeString(argfile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"\n");
        return List.of("@" + argfile, BareCamundaApp.class.getName(),
                "--spring.config.location=classpath:/bench/bare.yaml", "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password());
    }

    @Override
    Map<String, String> env(String jdbcUrl) {
        return Map.of();
    }

    @Override
    String submissionName() {
        return "POST /engine-rest/process-definition/key/" + PROCESS_KEY + "/start";
    }

    @Override
    Api.Response submit(int i) throws IOException {
        return api.post("/engine-rest/process-definition/key/" + PROCESS_KEY + "/start", null, Map.of(
                "businessKey", "bench-" + i,
                "variables", Map.of("applicationId", Caseworker.variable("bench-" + i, "String"))));
    }

    @Override
    String idOf(int i, Api.Response accepted) {
        return "bench-" + i;
    }

    @Override
    List<Caseworker> caseworkers(Latencies latencies, AtomicBoolean stop, ConcurrentMap<String, AtomicLong> errors) {
        Map<String, Object> decision = Caseworker.variables("decision", "BIFALL", "String");
        List<Caseworker> all = new ArrayList<>();
        for (int k = 0; k < settings.caseworkers(); k++) {
            all.add(new Caseworker(api, new Api.User("barehandl" + (k + 1), null), "handlaggare",
                    "UserTask_Investigate", decision, k, settings.caseworkers(), latencies, stop, errors));
        }
        return all;
    }

    @Override
    long[] progress(Connection c) throws SQLException {
        return countAndLast(c, "select count(*), max(end_time_) from act_hi_procinst where proc_def_key_ = '"
                + PROCESS_KEY + "' and end_time_ is not null");
    }

    @Override
    Map<String, Object> counts(Connection c, Set<String> acceptedIds) throws SQLException {
        Set<String> ended = new HashSet<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("select business_key_ from act_hi_procinst where "
                + "proc_def_key_ = '" + PROCESS_KEY + "' and end_time_ is not null")) {
            while (rs.next()) {
                ended.add(rs.getString(1));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instances", count(c, "select count(*) from act_hi_procinst where proc_def_key_ = '" + PROCESS_KEY + "'"));
        m.put("ended", (long) ended.size());
        m.put("incidents", count(c, "select count(*) from act_ru_incident"));
        m.put("lost", acceptedIds.stream().filter(id -> !ended.contains(id)).count());
        m.put("duplicated", count(c, "select coalesce(sum(n - 1), 0) from (select count(*) n from act_hi_procinst "
                + "where proc_def_key_ = '" + PROCESS_KEY + "' group by business_key_) x"));
        return m;
    }
}
