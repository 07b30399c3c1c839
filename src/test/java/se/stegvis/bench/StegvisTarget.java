package se.stegvis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stegvis as production runs it: the packaged jar in profile {@code postgres}, an administrator from the environment,
 * and users made over the engine REST API. The e-service submits over {@code POST /api/ansokningar}; an application
 * is done when its payment is planned (a row in {@code payment}).
 */
final class StegvisTarget extends Target {

    static final String PROCESS_KEY = "ekonomiskt-bistand";
    static final String TASK_INVESTIGATE = "UserTask_InvestigateApplication";
    static final String TASK_ATTEST = "UserTask_AttestDecision";
    private static final String IBAN = "SE4550000000058398257466"; // the README's example account

    private final Api.User admin = new Api.User("benchadmin", secret());
    private final Api.User etjanst = new Api.User("benchetjanst", secret());
    private final List<Api.User> handlaggare = new ArrayList<>();
    private final List<Api.User> teamledare = new ArrayList<>();

    /**
     * How the jar is started: {@code jar} ({@code java -jar stegvis.jar}, as the Dockerfile does), {@code extracted}
     * (the jar extracted with {@code -Djarmode=tools extract}: its libraries as plain jars beside it), {@code cds}
     * (extracted, with a class data sharing archive made by a training start that exits once the context is
     * refreshed, {@code -XX:ArchiveClassesAtExit} and {@code -Dspring.context.exit=onRefresh}). From
     * {@code benchmark.stegvis.launch}; StartupBenchmark measures each of a list.
     */
    private final String launch;
    private Path extractedJar;
    private Path archive;

    StegvisTarget(BenchSettings settings, BenchDatabase db) {
        this(settings, db, launchModes().get(0));
    }

    StegvisTarget(BenchSettings settings, BenchDatabase db, String launch) {
        super(launch.equals("jar") ? "stegvis" : "stegvis_" + launch, settings, db);
        if (!List.of("jar", "extracted", "cds").contains(launch)) {
            throw new IllegalArgumentException("benchmark.stegvis.launch: jar, extracted or cds, not " + launch);
        }
        this.launch = launch;
        for (int k = 1; k <= settings.caseworkers(); k++) {
            handlaggare.add(new Api.User("benchhandl" + k, secret()));
        }
        for (int k = 1; k <= settings.attesters(); k++) {
            teamledare.add(new Api.User("benchteaml" + k, secret()));
        }
    }

    static List<String> launchModes() {
        String value = System.getProperty("benchmark.stegvis.launch", "");
        return value.isBlank() || value.startsWith("${") ? List.of("jar") : List.of(value.strip().split("[\\s,]+"));
    }

    @Override
    List<String> args(Path dir, String jdbcUrl) {
        return args(port);
    }

    /** Extracts the jar (launch {@code extracted}, {@code cds}) and makes the archive by a training start ({@code cds}). */
    @Override
    void beforeStart(Path dir, String jdbcUrl) throws Exception {
        if (launch.equals("jar") || extractedJar != null) {
            return;
        }
        Path app = dir.resolve(name + "-app");
        Process extract = new ProcessBuilder(ChildJvm.tool("java").toString(), "-Djarmode=tools", "-jar",
                settings.jar().toAbsolutePath().toString(), "extract", "--force", "--destination", app.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + "-extract.log").toFile()).start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("extracting the jar failed: see " + dir.resolve(name + "-extract.log"));
        }
        extractedJar = app.resolve(settings.jar().getFileName());
        if (launch.equals("cds")) {
            Path jsa = app.resolve("stegvis.jsa");
            // As docker/Dockerfile makes it: a start in the default profile on an in-memory H2 database, which loads
            // nearly every class profile postgres does, and needs no PostgreSQL while the image is built.
            List<String> training = List.of("-XX:ArchiveClassesAtExit=" + jsa, "-Dspring.context.exit=onRefresh",
                    "-jar", extractedJar.toString(), "--spring.datasource.url=jdbc:h2:mem:cds", "--server.port=0");
            ChildJvm trainer = ChildJvm.start(name + "-training", dir, settings.jvmArgs(), training, Map.of());
            if (!trainer.waitFor(java.time.Duration.ofMinutes(10)) || !java.nio.file.Files.isRegularFile(jsa)) {
                trainer.close();
                throw new IllegalStateException("the training start made no archive: see " + trainer.log());
            }
            archive = jsa;
        }
    }

    /** The command line of a node listening on {@code nodePort} (FailoverBenchmark runs two). */
    List<String> args(int nodePort) {
        if (!settings.jar().toFile().isFile()) {
            throw new IllegalStateException("Stegvis' jar " + settings.jar().toAbsolutePath() + " is missing: the "
                    + "benchmark runs after `package` (./mvnw -B -Pbenchmark verify)");
        }
        List<String> args = new ArrayList<>();
        if (archive != null) {
            args.add("-XX:SharedArchiveFile=" + archive);
        }
        args.addAll(List.of("-jar", (extractedJar != null ? extractedJar : settings.jar().toAbsolutePath()).toString(),
                "--spring.profiles.active=postgres", "--server.port=" + nodePort,
                // The riksnorm table ends with 2025, and production accepts months 3 back: widen for the benchmark's month.
                "--stegvis.application.months-back=" + Math.max(3, monthsBack())));
        return args;
    }

    private int monthsBack() {
        LocalDate now = LocalDate.now();
        return (now.getYear() - settings.month().getYear()) * 12 + now.getMonthValue() - settings.month().getMonthValue() + 1;
    }

    @Override
    Map<String, String> env(String jdbcUrl) {
        return Map.of("DB_URL", jdbcUrl, "DB_USER", db.user(), "DB_PASSWORD", db.password(),
                "STEGVIS_ADMIN_USER", admin.name(), "STEGVIS_ADMIN_PASSWORD", admin.password());
    }

    /** The benchmark's users, made by the administrator as Admin does; the groups and their grants exist. */
    @Override
    void afterStart() throws IOException {
        Map<Api.User, String> members = new LinkedHashMap<>();
        members.put(etjanst, "etjanst");
        handlaggare.forEach(u -> members.put(u, "handlaggare"));
        teamledare.forEach(u -> members.put(u, "teamledare"));
        for (var e : members.entrySet()) {
            Api.User u = e.getKey();
            Api.Response r = api.post("/engine-rest/user/create", admin, Map.of(
                    "profile", Map.of("id", u.name(), "firstName", u.name(), "lastName", "Benchmark",
                            "email", u.name() + "@example.invalid"),
                    "credentials", Map.of("password", u.password())));
            require(r, "create user " + u.name());
            require(api.put("/engine-rest/group/" + e.getValue() + "/members/" + u.name(), admin),
                    "add " + u.name() + " to " + e.getValue());
        }
    }

    private static void require(Api.Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + ": HTTP " + r.status() + " " + Api.abbreviate(r.body()));
        }
    }

    Api.User etjanstUser() {
        return etjanst;
    }

    @Override
    String submissionName() {
        return "POST /api/ansokningar";
    }

    @Override
    Api.Response submit(int i) throws IOException {
        return api.post("/api/ansokningar", etjanst, application(i), Map.of("Idempotency-Key", "bench-" + i));
    }

    @Override
    String idOf(int i, Api.Response accepted) {
        return accepted.json().get("id").asText();
    }

    /**
     * A monthly application. Every {@code attestEvery}-th is a large household whose grant (above 25 000 kr) needs
     * the team leader's attest by the delegation table; the others a single adult with a small salary.
     */
    Map<String, Object> application(int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean large = settings.attestEvery() > 0 && i % settings.attestEvery() == 0;
        body.put("personnummer", personnummer(i));
        body.put("month", settings.month().toString());
        body.put("kind", "NYANSOKAN");
        if (large) {
            body.put("adults", 2);
            body.put("childrenAges", List.of(4, 8, 12, 15, 17));
            body.put("othersSharingHousehold", 0);
            body.put("costs", Map.of("housing", 13800, "electricity", 600, "homeInsurance", 250));
            body.put("incomes", Map.of());
        } else {
            body.put("adults", 1);
            body.put("childrenAges", List.of());
            body.put("othersSharingHousehold", 0);
            body.put("costs", Map.of("housing", 4500 + (i * 37) % 2000, "electricity", 300, "homeInsurance", 150));
            body.put("incomes", Map.of("Lön", 2000));
            body.put("incomeKinds", Map.of("Lön", "EMPLOYMENT"));
        }
        body.put("payoutAccount", Map.of("accountHolder", "Testperson " + i, "iban", IBAN));
        return body;
    }

    @Override
    List<Caseworker> caseworkers(Latencies latencies, AtomicBoolean stop, ConcurrentMap<String, AtomicLong> errors) {
        Map<String, Object> investigation = Caseworker.variables(
                "varningarKvitterade", true, "Boolean",
                "kompletteringBehovs", false, "Boolean",
                "beslutsforslag", "BIFALL", "String");
        Map<String, Object> attest = Caseworker.variables("attestBeslut", "GODKANN", "String");
        List<Caseworker> all = new ArrayList<>();
        for (int k = 0; k < handlaggare.size(); k++) {
            all.add(new Caseworker(api, handlaggare.get(k), "handlaggare", TASK_INVESTIGATE, investigation, k,
                    handlaggare.size(), latencies, stop, errors));
        }
        for (int k = 0; k < teamledare.size(); k++) {
            all.add(new Caseworker(api, teamledare.get(k), "teamledare", TASK_ATTEST, attest, k, teamledare.size(),
                    latencies, stop, errors));
        }
        return all;
    }

    @Override
    long[] progress(Connection c) throws SQLException {
        return countAndLast(c, "select count(*), max(created_at) from payment");
    }

    @Override
    Map<String, Object> counts(Connection c, Set<String> acceptedIds) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        Set<String> stored = new HashSet<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("select id from application")) {
            while (rs.next()) {
                stored.add(rs.getString(1));
            }
        }
        long missing = acceptedIds.stream().filter(id -> !stored.contains(id)).count();
        long unpaid = count(c, "select count(*) from application a where not exists (select 1 from decision d "
                + "join payment p on p.decision_id = d.id where d.application_id = a.id)");
        long extraDecisions = count(c, "select coalesce(sum(n - 1), 0) from (select count(*) n from decision "
                + "group by application_id) x");
        long extraPayments = count(c, "select coalesce(sum(n - 1), 0) from (select count(*) n from payment p "
                + "join decision d on d.id = p.decision_id group by d.application_id) x");
        long extraInstances = count(c, "select coalesce(sum(n - 1), 0) from (select count(*) n from act_hi_procinst "
                + "where proc_def_key_ = '" + PROCESS_KEY + "' group by business_key_) x");
        long extraApplications = count(c, "select coalesce(sum(n - 1), 0) from (select count(*) n from application "
                + "where idempotency_key is not null group by idempotency_key) x");
        m.put("applications", (long) stored.size());
        m.put("decisions", count(c, "select count(*) from decision"));
        m.put("payments", count(c, "select count(*) from payment"));
        m.put("letters", count(c, "select count(*) from decision_letter"));
        m.put("journeys", count(c, "select count(*) from client_journey"));
        m.put("incidents", count(c, "select count(*) from act_ru_incident"));
        m.put("jobs_without_retries", count(c, "select count(*) from act_ru_job where retries_ = 0"));
        m.put("accepted_but_not_stored", missing);
        m.put("stored_but_not_paid", unpaid);
        m.put("lost", missing + unpaid);
        m.put("duplicated", extraDecisions + extraPayments + extraInstances + extraApplications);
        return m;
    }

    /**
     * A synthetic samordningsnummer of someone born in the 1890s (day + 60), distinct for every i below 3 652 000:
     * never a real person's number.
     */
    static String personnummer(int i) {
        int day = i % 3652;
        int serial = 1 + (i / 3652) % 999;
        LocalDate birth = LocalDate.of(1890, 1, 1).plusDays(day);
        String nine = String.format("%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
                birth.getDayOfMonth() + 60, serial);
        return birth.getYear() / 100 + nine.substring(0, 6) + "-" + nine.substring(6) + luhn(nine);
    }

    private static int luhn(String digits) {
        int total = 0;
        for (int k = 0; k < digits.length(); k++) {
            int v = (digits.charAt(k) - '0') * (k % 2 == 0 ? 2 : 1);
            total += v / 10 + v % 10;
        }
        return (10 - total % 10) % 10;
    }

    private static String secret() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        // Camunda's password policy in profile postgres: upper and lower case, a digit and a special character, always
        return "Bm-7" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
