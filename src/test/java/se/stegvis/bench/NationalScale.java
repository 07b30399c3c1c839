package se.stegvis.bench;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import se.stegvis.identity.StegvisGroups;

/**
 * Queries at a nation's volume (issue #14, point 3; BENCHMARKS.md): Stegvis' packaged jar in profile {@code postgres}
 * with a heap of 512 MB, on a PostgreSQL seeded with {@code clients} households' year ({@link NationalData}) and
 * {@code tasks} open tasks with their engine rows and about two million history rows ({@link EngineClones}, copies of
 * real instances the running application made; their grants spread evenly over {@code units} units, as a nation's
 * tasks are over its municipalities' units). Then, one request at a time as the users would send them: the
 * caseworker's task list over the engine REST API and Tasklist's two filters (list and count) — each as a caseworker
 * who covers every unit (benchhandl1) and as one of a single unit (benchhandl2) — with the plans of the engine's
 * statements for them ({@link EnginePlans}), the key figures of a
 * year for the whole municipality and per unit, a journey and an application by id; p50/p95/max of each, start-up to
 * health on the seeded database and heap after a full GC. A benchmark, not a test of speed: the caller checks only
 * that every request was answered.
 */
final class NationalScale {

    /**
     * @param units how many units (enheter) the open tasks are spread over ({@link #unitNames}): the first four are
     *              {@link NationalData#UNITS}, the households' units; at least four
     */
    record Settings(int clients, int tasks, long historyRows, int samples, int warmup, boolean restart, int units,
                    BenchSettings bench) {

        Settings {
            if (units < NationalData.UNITS.length) {
                throw new IllegalArgumentException("benchmark.national.units must be at least "
                        + NationalData.UNITS.length + " (the households' units): " + units);
            }
        }

        static Settings fromSystemProperties() {
            BenchSettings bench = BenchSettings.fromSystemProperties();
            int clients = integer("benchmark.national.clients", 2000);
            int tasks = integer("benchmark.national.tasks", clients * 15 / 16);
            long history = integer("benchmark.national.history-rows", clients * 25 / 2);
            int samples = integer("benchmark.national.samples", 20);
            return new Settings(clients, tasks, history, samples,
                    integer("benchmark.national.warmup", Math.max(5, samples / 10)),
                    Boolean.parseBoolean(text("benchmark.national.restart", "false")),
                    integer("benchmark.national.units", 8), bench);
        }

        /**
         * The units Stegvis is configured with ({@code stegvis.units.names}): the households' four and then
         * {@code Distrikt 005} … up to {@code units} — a nation's units (about 290 municipalities, each with a few).
         */
        List<String> unitNames() {
            List<String> names = new ArrayList<>(List.of(NationalData.UNITS));
            for (int i = names.size() + 1; i <= units; i++) {
                names.add(String.format("Distrikt %03d", i));
            }
            return names;
        }

        private static String text(String name, String fallback) {
            String value = System.getProperty(name);
            return value == null || value.isBlank() || value.startsWith("${") ? fallback : value.strip();
        }

        private static int integer(String name, int fallback) {
            return Integer.parseInt(text(name, Integer.toString(fallback)));
        }
    }

    static final String DATABASE = "bench_national";
    private static final String MONTH = "2025-12";
    static final String FILTER_GROUP_TASKS = "Mina gruppers uppgifter";
    static final String FILTER_MY_TASKS = "Mina uppgifter";

    private final Settings settings;
    private final Path dir;
    private final Api.User admin = user("benchadmin");
    private final Api.User etjanst = user("benchetjanst");
    /** A caseworker in no unit group: covers every unit (the municipality-wide view). */
    private final Api.User handlaggare = user("benchhandl1");
    /** A caseworker of one unit ({@link #unitOfCaseworker}): member of {@code handlaggare} and its unit group. */
    private final Api.User unitHandlaggare = user("benchhandl2");
    private final Api.User teamledare = user("benchteaml1");
    private final Api.User coach = user("benchcoach1");
    private final Api.User chef = user("benchchef1");
    private final Map<String, Object> result = new LinkedHashMap<>();
    private final Latencies latencies = new Latencies();
    private final StringBuilder samples = new StringBuilder("start\trequest\tms\n");
    private final Map<String, Long> failures = new LinkedHashMap<>();
    private int port;
    private Api api;

    private final List<String> units;
    private final String unitOfCaseworker;

    NationalScale(Settings settings) throws IOException {
        this.settings = settings;
        this.units = settings.unitNames();
        // The first unit: copy 1 of every template is its, so it has a claimed task in "Mina uppgifter" at any size.
        this.unitOfCaseworker = units.get(0);
        this.dir = Files.createDirectories(settings.bench().output().resolve("national-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath());
    }

    Path dir() {
        return dir;
    }

    Map<String, Object> result() {
        return result;
    }

    Map<String, Long> failures() {
        return failures;
    }

    /** How many tasks a count request answered for the caseworker of every unit (false) or of one unit (true). */
    @SuppressWarnings("unchecked")
    long visibleTasks(boolean unitCaseworker, String request) {
        var visible = (Map<String, Map<String, Object>>) result.get("visible_tasks");
        return (Long) visible.get((unitCaseworker ? unitHandlaggare : handlaggare).name()).get(request);
    }

    String run() throws Exception {
        Benchmark.log("national scale: " + settings.clients() + " clients, " + settings.tasks() + " open tasks over "
                + units.size() + " units, ~" + settings.historyRows() + " history rows; " + Benchmark.Machine.describe()
                + "; " + dir);
        result.put("clients", settings.clients());
        result.put("units", units.size());
        result.put("unit_of_caseworker", unitOfCaseworker);
        result.put("samples", settings.samples());
        result.put("warmup_rounds", settings.warmup());
        result.put("load_before", Benchmark.Machine.loadAverage());
        try (BenchDatabase db = BenchDatabase.open(settings.bench(), dir)) {
            result.put("database", db.description());
            String url = db.create(DATABASE);
            ChildJvm jvm = start(db, url, "stegvis");
            try {
                result.put("startup_empty_s", Benchmark.round(startupSeconds, 1));
                createUsers();
                Map<String, String> templates;
                try (Connection c = db.connect(DATABASE)) {
                    templates = templates(c);
                }
                if (settings.restart()) {
                    jvm.close();
                }
                try (Connection c = db.connect(DATABASE)) {
                    seed(c, templates);
                }
                if (settings.restart()) {
                    jvm = start(db, url, "stegvis-seeded");
                    result.put("startup_seeded_s", Benchmark.round(startupSeconds, 1));
                }
                try (Connection c = db.connect(DATABASE)) {
                    measure(c);
                }
                result.put("heap_after_gc_mb", jvm.heapAfterGcMb());
                pauseForInspection(url);
            } finally {
                jvm.close();
            }
        }
        result.put("latencies", latencies.all());
        result.put("failures", failures);
        String report = report();
        Files.writeString(dir.resolve("report.txt"), report);
        Files.writeString(dir.resolve("samples.tsv"), samples);
        Files.writeString(dir.resolve("summary.json"),
                Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        return report;
    }

    /**
     * Opt-in ({@code -Dbenchmark.national.pause-s=N}, default 0): keeps Stegvis and the seeded database running N seconds
     * after the measurements, for EXPLAIN (ANALYZE, BUFFERS) by hand on the same data.
     */
    private void pauseForInspection(String url) throws InterruptedException {
        String value = System.getProperty("benchmark.national.pause-s", "0").strip();
        int seconds = value.matches("\\d+") ? Integer.parseInt(value) : 0;
        if (seconds > 0) {
            Benchmark.log("pausing " + seconds + " s: Stegvis on port " + port + ", database " + url);
            Thread.sleep(seconds * 1000L);
        }
    }

    private double startupSeconds;
    private Path appLog;

    private ChildJvm start(BenchDatabase db, String url, String name) throws Exception {
        port = Target.freePort();
        api = new Api(port);
        if (!settings.bench().jar().toFile().isFile()) {
            throw new IllegalStateException("Stegvis' jar " + settings.bench().jar().toAbsolutePath() + " is missing: "
                    + "the benchmark runs after `package`");
        }
        List<String> jvmArgs = new ArrayList<>(List.of("-Xmx512m"));
        jvmArgs.addAll(settings.bench().jvmArgs());
        Map<String, String> env = new LinkedHashMap<>(Map.of("DB_URL", url, "DB_USER", db.user(),
                "DB_PASSWORD", db.password(), "STEGVIS_ADMIN_USER", admin.name(),
                "STEGVIS_ADMIN_PASSWORD", admin.password()));
        // The units as JSON with non-ASCII escaped (Skärblacka), so that no locale of the child can garble them.
        env.put("SPRING_APPLICATION_JSON", Api.JSON.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII)
                .writeValueAsString(Map.of("stegvis", Map.of("units", Map.of("names", units)))));
        List<String> args = new ArrayList<>(List.of("-jar",
                settings.bench().jar().toAbsolutePath().toString(), "--spring.profiles.active=postgres",
                "--server.port=" + port, "--stegvis.application.months-back=" + monthsBack()));
        // The engine's task statements with their values, for their plans (EnginePlans)
        EnginePlans.LOGGERS.forEach(logger -> args.add("--logging.level." + logger + "=DEBUG"));
        ChildJvm jvm = ChildJvm.start(name, dir, jvmArgs, args, env);
        appLog = dir.resolve(name + ".log");
        startupSeconds = jvm.awaitHealthy(port, Duration.ofMinutes(10));
        Benchmark.log(name + ": healthy after " + Benchmark.round(startupSeconds, 1) + " s");
        return jvm;
    }

    private static int monthsBack() {
        LocalDate now = LocalDate.now();
        return Math.max(3, (now.getYear() - 2025) * 12 + now.getMonthValue() - 12 + 1);
    }

    private void createUsers() throws IOException {
        Map<Api.User, List<String>> members = new LinkedHashMap<>();
        members.put(etjanst, List.of("etjanst"));
        members.put(handlaggare, List.of(StegvisGroups.HANDLAGGARE));
        members.put(unitHandlaggare, List.of(StegvisGroups.HANDLAGGARE, StegvisGroups.unitGroup(unitOfCaseworker)));
        members.put(teamledare, List.of("teamledare"));
        members.put(coach, List.of("coach"));
        members.put(chef, List.of("chef"));
        for (var e : members.entrySet()) {
            Api.User u = e.getKey();
            require(api.post("/engine-rest/user/create", admin, Map.of(
                    "profile", Map.of("id", u.name(), "firstName", u.name(), "lastName", "Benchmark",
                            "email", u.name() + "@example.invalid"),
                    "credentials", Map.of("password", u.password()))), "create user " + u.name());
            for (String group : e.getValue()) {
                require(api.put("/engine-rest/group/" + group + "/members/" + u.name(), admin),
                        "add " + u.name() + " to " + group);
            }
        }
    }

    /**
     * Four applications through the real processes: one left at "Utred ansökan", one claimed there by the
     * caseworker ("Mina uppgifter"), one granted (its journey waits at "Kartläggning" for the coaches), one large
     * household's grant waiting at "Attestera beslut". Returns template → root process instance.
     */
    private Map<String, String> templates(Connection c) throws Exception {
        List<String> applications = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            Api.Response r = api.post("/api/ansokningar", etjanst, application(i, i == 4), Map.of("Idempotency-Key",
                    "national-" + i));
            require(r, "submit template application " + i);
            applications.add(r.json().get("id").asText());
        }
        List<String> instances = new ArrayList<>();
        for (String id : applications) {
            instances.add(await(c, "the process instance of application " + id,
                    "select process_instance_id from application where id = '" + id + "' and process_instance_id is not null"));
        }
        List<String> tasks = new ArrayList<>();
        for (String pi : instances) {
            tasks.add(await(c, "Utred ansökan of " + pi, "select id_ from act_ru_task where proc_inst_id_ = '" + pi
                    + "' and task_def_key_ = '" + StegvisTarget.TASK_INVESTIGATE + "'"));
        }
        require(api.post("/engine-rest/task/" + tasks.get(1) + "/claim", handlaggare, Map.of("userId",
                handlaggare.name())), "claim");
        Map<String, Object> grant = Caseworker.variables("varningarKvitterade", true, "Boolean",
                "kompletteringBehovs", false, "Boolean", "beslutsforslag", "BIFALL", "String");
        for (int k : new int[] {2, 3}) {
            require(api.post("/engine-rest/task/" + tasks.get(k) + "/claim", handlaggare, Map.of("userId",
                    handlaggare.name())), "claim");
            require(api.post("/engine-rest/task/" + tasks.get(k) + "/complete", handlaggare, Map.of("variables", grant)),
                    "complete");
        }
        await(c, "Attestera beslut", "select id_ from act_ru_task where proc_inst_id_ = '" + instances.get(3)
                + "' and task_def_key_ = '" + StegvisTarget.TASK_ATTEST + "'");
        String journey = await(c, "the journey's Kartläggning", "select t.proc_inst_id_ from act_ru_task t"
                + " join act_re_procdef d on d.id_ = t.proc_def_id_ where d.key_ = 'klientresa'"
                + " and t.task_def_key_ = 'UserTask_Mapping'");
        // Let the job executor finish what the completions started (letters, payments) before the copies.
        await(c, "the grant's payment", "select id from payment where decision_id in (select d.id from decision d"
                + " where d.application_id = '" + applications.get(2) + "')");
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put("utred", instances.get(0));
        templates.put("utred_tagen", instances.get(1));
        templates.put("attest", instances.get(3));
        templates.put("kartlaggning", journey);
        return templates;
    }

    private Map<String, Object> application(int i, boolean large) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("personnummer", StegvisTarget.personnummer(3_000_000 + i));
        body.put("month", MONTH);
        body.put("kind", "NYANSOKAN");
        body.put("adults", large ? 2 : 1);
        body.put("childrenAges", large ? List.of(4, 8, 12, 15, 17) : List.of());
        body.put("othersSharingHousehold", 0);
        body.put("costs", Map.of("housing", large ? 13800 : 5200, "electricity", 300, "homeInsurance", 150));
        body.put("incomes", large ? Map.of() : Map.of("Lön", 2000));
        if (!large) {
            body.put("incomeKinds", Map.of("Lön", "EMPLOYMENT"));
        }
        body.put("enhet", NationalData.UNITS[i % NationalData.UNITS.length]);
        body.put("payoutAccount", Map.of("accountHolder", "Testperson " + i, "iban", "SE4550000000058398257466"));
        return body;
    }

    private void seed(Connection c, Map<String, String> templates) throws Exception {
        long t0 = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>(new NationalData(settings.clients()).write(c));
        double stegvisSeconds = (System.nanoTime() - t0) / 1e9;
        Benchmark.log("Stegvis' tables written in " + Benchmark.round(stegvisSeconds, 0) + " s: " + rows);

        long t1 = System.nanoTime();
        int tasks = settings.tasks();
        int claimed = Math.max(1, Math.min(200, tasks / 1000));
        Map<String, Integer> copies = new LinkedHashMap<>();
        copies.put("attest", tasks * 8 / 100);
        copies.put("kartlaggning", tasks * 30 / 100);
        copies.put("utred_tagen", claimed);
        copies.put("utred", tasks - copies.values().stream().mapToInt(Integer::intValue).sum());
        EngineClones clones = new EngineClones(c, units);
        Map<String, Long> historyPerCopy = new LinkedHashMap<>();
        for (var e : copies.entrySet()) {
            historyPerCopy.put(e.getKey(), Target.count(c, "select " + historyRowsSql(templates.get(e.getKey()))));
        }
        long historyPerSet = copies.keySet().stream().mapToLong(historyPerCopy::get).sum();
        for (var e : copies.entrySet()) {
            // History for as many copies as make the settings' history rows, spread evenly over the templates.
            int historyCopies = (int) Math.min(e.getValue(), settings.historyRows() / Math.max(1, historyPerSet));
            clones.copy(templates.get(e.getKey()), e.getValue(), historyCopies,
                    e.getKey().equals("kartlaggning") ? NationalData.journeyIdOfCopy(settings.clients()) : null);
            Benchmark.log("copied " + e.getKey() + " × " + e.getValue() + " (history × " + historyCopies + ")");
        }
        rows.putAll(clones.rows());
        // Each copy of the journey's process is the process of a journey written above (its business key), so that
        // GET /api/klientresor/{id} finds open tasks, as it does in production.
        long journeysWithProcess = Target.count(c, "select count(*) from client_journey j where exists (select 1 from"
                + " act_ru_execution e where e.business_key_ = j.id::text)");
        if (copies.get("kartlaggning") > 1 && journeysWithProcess < 2) {
            throw new IllegalStateException("the journey copies belong to no written journey");
        }
        rows.put("journeys_with_open_process", journeysWithProcess);
        rows.put("claimed_tasks_moved_to_" + unitHandlaggare.name(), handOverClaimedTasks(c));
        result.put("seed_rows", rows);
        result.put("task_grants_by_unit", grantsByUnit(c));
        result.put("open_tasks", Target.count(c, "select count(*) from act_ru_task"));
        result.put("history_rows", Target.count(c, "select (select count(*) from act_hi_procinst)"
                + " + (select count(*) from act_hi_actinst) + (select count(*) from act_hi_taskinst)"
                + " + (select count(*) from act_hi_varinst) + (select count(*) from act_hi_detail)"
                + " + (select count(*) from act_hi_identitylink) + (select count(*) from act_hi_decinst)"
                + " + (select count(*) from act_hi_dec_in) + (select count(*) from act_hi_dec_out)"
                + " + (select count(*) from act_hi_job_log) + (select count(*) from act_hi_op_log)"
                + " + (select count(*) from act_hi_ext_task_log)"));
        try (var s = c.createStatement()) {
            s.execute("vacuum analyze");
            // The seeding's gigabytes written out before the first request: without it the checkpoints that follow a
            // bulk load keep the disk busy for minutes, and a request's commit (every read of a client's data writes
            // its access-log line) waited 150-280 ms for its WAL flush now and then (JFR: in the commit's socket read;
            // the same journeys at p95 45 ms two minutes after the seeding, 19 ms seven minutes after).
            s.execute("checkpoint");
        }
        result.put("seed_s", Benchmark.round((System.nanoTime() - t0) / 1e9, 0));
        result.put("engine_copies_s", Benchmark.round((System.nanoTime() - t1) / 1e9, 0));
        result.put("database_mb", Target.count(c, "select pg_database_size(current_database()) / 1048576"));
        Benchmark.log("seeded: " + result.get("open_tasks") + " open tasks, " + result.get("history_rows")
                + " history rows, " + result.get("database_mb") + " MB");
    }

    /**
     * The claimed copies (assigned to benchhandl1) whose grant is in the unit caseworker's unit become the unit
     * caseworker's: assignee and the assignee's grant, as a claim by them would have made them.
     */
    private long handOverClaimedTasks(Connection c) throws SQLException {
        String unitGrant = StegvisGroups.unitRoleGroup(StegvisGroups.HANDLAGGARE, unitOfCaseworker);
        c.setAutoCommit(false);
        try (var task = c.prepareStatement("update act_ru_task t set assignee_ = ? where assignee_ = ? and exists ("
                + " select 1 from act_ru_authorization a where a.resource_type_ = 7 and a.resource_id_ = t.id_"
                + " and a.group_id_ = ?)");
             var grant = c.prepareStatement("update act_ru_authorization set user_id_ = ? where user_id_ = ?"
                     + " and resource_type_ = 7 and resource_id_ in (select id_ from act_ru_task where assignee_ = ?)")) {
            task.setString(1, unitHandlaggare.name());
            task.setString(2, handlaggare.name());
            task.setString(3, unitGrant);
            long moved = task.executeUpdate();
            grant.setString(1, unitHandlaggare.name());
            grant.setString(2, handlaggare.name());
            grant.setString(3, unitHandlaggare.name());
            grant.executeUpdate();
            c.commit();
            return moved;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** Fewest, median and most task grants per unit-role group of {@code handlaggare}. */
    private static Map<String, Object> grantsByUnit(Connection c) throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("select count(*) from act_ru_authorization"
                + " where resource_type_ = 7 and group_id_ like 'handlaggare-%' group by group_id_ order by 1")) {
            while (rs.next()) {
                counts.add(rs.getLong(1));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groups", counts.size());
        if (!counts.isEmpty()) {
            out.put("min", counts.get(0));
            out.put("median", counts.get(counts.size() / 2));
            out.put("max", counts.get(counts.size() - 1));
        }
        return out;
    }

    private static String historyRowsSql(String root) {
        List<String> parts = new ArrayList<>();
        for (String t : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
                "act_hi_detail", "act_hi_identitylink", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out",
                "act_hi_job_log", "act_hi_op_log", "act_hi_ext_task_log")) {
            parts.add("(select count(*) from " + t + " where root_proc_inst_id_ = '" + root + "')");
        }
        return String.join(" + ", parts);
    }

    /** Each request {@code samples} times after a warm-up, one at a time (key figures: a few times each). */
    private void measure(Connection c) throws Exception {
        String groupFilter = filterId(FILTER_GROUP_TASKS);
        String myFilter = filterId(FILTER_MY_TASKS);
        // Tasklist's list request: a page of 15, newest first, as HAL (with the candidate groups and assignees).
        Map<String, Object> tasklistBody = Map.of("processVariables", List.of(), "taskVariables", List.of(),
                "caseInstanceVariables", List.of(), "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));
        List<String> journeys = ids(c, "select id from client_journey order by md5(id::text) limit 1000");
        List<String> applications = ids(c, "select id from application order by md5(id::text) limit 1000");
        List<String> unitApplications = ids(c, "select a.id from application a join client k on k.id = a.client_id"
                + " where k.unit = '" + unitOfCaseworker.replace("'", "''") + "' order by md5(a.id::text) limit 1000");
        Random random = new Random(14);
        int n = settings.samples();
        // The two caseworkers: the municipality-wide one (every unit's tasks) and one of a single unit.
        Map<Api.User, String> caseworkers = new LinkedHashMap<>();
        caseworkers.put(handlaggare, "[" + handlaggare.name() + ", every unit]");
        caseworkers.put(unitHandlaggare, "[" + unitHandlaggare.name() + ", one unit]");
        Map<String, Object> visible = new LinkedHashMap<>();
        for (var w : caseworkers.entrySet()) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put(FILTER_GROUP_TASKS, count("/engine-rest/filter/" + groupFilter + "/count", w.getKey()));
            counts.put(FILTER_MY_TASKS, count("/engine-rest/filter/" + myFilter + "/count", w.getKey()));
            counts.put("candidateGroup=handlaggare", count("/engine-rest/task/count?candidateGroup=handlaggare",
                    w.getKey()));
            visible.put(w.getKey().name(), counts);
        }
        result.put("visible_tasks", visible);
        Benchmark.log("tasks visible to the caseworkers: " + visible);
        // Warm-up: benchmark.national.warmup rounds (default a tenth of the samples, at least 5), so that the JIT has
        // compiled the measured paths; the municipality-wide caseworker, whose lists take tenths of a second (seconds
        // before the grants were looked up per task), only in the first five of them (the same code runs for the
        // unit's caseworker).
        int everyUnitWarmup = Math.min(5, settings.warmup());
        for (int round = 0; round < 2; round++) {
            boolean warm = round == 1;
            int times = warm ? n : settings.warmup();
            for (int i = 0; i < times; i++) {
                for (var w : caseworkers.entrySet()) {
                    Api.User user = w.getKey();
                    if (!warm && i >= everyUnitWarmup && user.equals(handlaggare)) {
                        continue;
                    }
                    String who = " " + w.getValue();
                    timed(warm, "GET /engine-rest/task?candidateGroup=handlaggare&maxResults=50" + who, () ->
                            api.get("/engine-rest/task?candidateGroup=handlaggare&maxResults=50", user));
                    timed(warm, "Tasklist " + FILTER_GROUP_TASKS + ": list (HAL, 15)" + who, () -> api.post(
                            "/engine-rest/filter/" + groupFilter + "/list?firstResult=0&maxResults=15", user,
                            tasklistBody, Map.of("Accept", "application/hal+json")));
                    timed(warm, "Tasklist " + FILTER_GROUP_TASKS + ": count" + who, () ->
                            api.get("/engine-rest/filter/" + groupFilter + "/count", user));
                    timed(warm, "Tasklist " + FILTER_MY_TASKS + ": list (HAL, 15)" + who, () -> api.post(
                            "/engine-rest/filter/" + myFilter + "/list?firstResult=0&maxResults=15", user,
                            tasklistBody, Map.of("Accept", "application/hal+json")));
                    timed(warm, "Tasklist " + FILTER_MY_TASKS + ": count" + who, () ->
                            api.get("/engine-rest/filter/" + myFilter + "/count", user));
                }
                String journey = journeys.get(random.nextInt(journeys.size()));
                timed(warm, "GET /api/klientresor/{id}", () -> api.get("/api/klientresor/" + journey, coach));
                String application = applications.get(random.nextInt(applications.size()));
                timed(warm, "GET /api/ansokningar/{id}", () -> api.get("/api/ansokningar/" + application, handlaggare));
                String unitApplication = unitApplications.get(random.nextInt(unitApplications.size()));
                timed(warm, "GET /api/ansokningar/{id} [" + unitHandlaggare.name() + ", one unit]", () ->
                        api.get("/api/ansokningar/" + unitApplication, unitHandlaggare));
            }
        }
        explainTaskLists(c, caseworkers, groupFilter, myFilter, tasklistBody);
        for (int i = 0; i < 3; i++) {
            timed(i > 0, "GET /api/nyckeltal 2025 (whole municipality)", () ->
                    api.get("/api/nyckeltal?from=2025-01&to=2025-12", chef));
            for (String unit : NationalData.UNITS) {
                timed(i > 0, "GET /api/nyckeltal 2025 (per unit)", () -> api.get("/api/nyckeltal?from=2025-01&to=2025-12"
                        + "&enhet=" + URLEncoder.encode(unit, StandardCharsets.UTF_8), chef));
            }
        }
        JsonNode figures = api.get("/api/nyckeltal?from=2025-01&to=2025-12", chef).json();
        for (JsonNode f : figures.get("figures")) {
            if (f.get("id").asText().equals("hushall_per_manad") && "2025-06".equals(f.path("month").asText())) {
                result.put("households_2025_06", f.get("value").asLong());
            }
        }
    }

    /**
     * Each task-list request of each caseworker once more, with the plans of the engine's statements it made
     * ({@link EnginePlans}): {@code plans.txt} has every statement with its values and plan; the result the
     * execution time of each.
     */
    private void explainTaskLists(Connection c, Map<Api.User, String> caseworkers, String groupFilter, String myFilter,
                                  Map<String, Object> tasklistBody) throws Exception {
        EnginePlans plans = new EnginePlans(appLog);
        StringBuilder text = new StringBuilder();
        Map<String, Object> times = new LinkedHashMap<>();
        for (var w : caseworkers.entrySet()) {
            Api.User user = w.getKey();
            Map<String, Request> requests = new LinkedHashMap<>();
            requests.put("GET /engine-rest/task?candidateGroup=handlaggare&maxResults=50", () ->
                    api.get("/engine-rest/task?candidateGroup=handlaggare&maxResults=50", user));
            requests.put("Tasklist " + FILTER_GROUP_TASKS + ": list (HAL, 15)", () -> api.post("/engine-rest/filter/"
                    + groupFilter + "/list?firstResult=0&maxResults=15", user, tasklistBody,
                    Map.of("Accept", "application/hal+json")));
            requests.put("Tasklist " + FILTER_GROUP_TASKS + ": count", () ->
                    api.get("/engine-rest/filter/" + groupFilter + "/count", user));
            requests.put("Tasklist " + FILTER_MY_TASKS + ": count", () ->
                    api.get("/engine-rest/filter/" + myFilter + "/count", user));
            for (var r : requests.entrySet()) {
                long mark = plans.mark();
                r.getValue().send();
                Thread.sleep(200); // the log line is written before the answer; let the file catch up
                String name = r.getKey() + " " + w.getValue();
                List<String> executionTimes = new ArrayList<>();
                try {
                    for (EnginePlans.Plan plan : plans.explainSince(mark, c)) {
                        executionTimes.add(plan.statement() + " " + plan.executionTime());
                        text.append("== ").append(name).append(": ").append(plan.statement()).append('\n')
                                .append(plan.sql()).append("\n\n").append(String.join("\n", plan.plan()))
                                .append("\n\n");
                    }
                } catch (SQLException | RuntimeException e) {
                    // A plan is an aid to reading the figures: its failure is reported, the run goes on.
                    executionTimes.add("no plan: " + e.getMessage());
                    Benchmark.log("no plan for " + name + ": " + e.getMessage());
                }
                times.put(name, executionTimes);
            }
        }
        Files.writeString(dir.resolve("plans.txt"), text.toString());
        result.put("plans", times);
    }

    /** The {@code count} a count request answers for the user (-1 when refused). */
    private long count(String path, Api.User user) throws IOException {
        Api.Response r = api.get(path, user);
        if (!r.ok()) {
            failures.merge(path + ": HTTP " + r.status(), 1L, Long::sum);
            return -1;
        }
        return r.json().get("count").asLong();
    }

    private interface Request {
        Api.Response send() throws IOException;
    }

    private void timed(boolean measured, String name, Request request) throws IOException {
        long started = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Api.Response r = request.send();
        long elapsed = System.nanoTime() - t0;
        if (measured) {
            // Each sample with its wall-clock start, to set the slow ones beside the application's log (samples.tsv).
            samples.append(Instant.ofEpochMilli(started)).append('\t').append(name).append('\t')
                    .append(Math.round(elapsed / 100_000.0) / 10.0).append('\n');
        }
        if (!r.ok()) {
            failures.merge(name + ": HTTP " + r.status(), 1L, Long::sum);
            if (failures.get(name + ": HTTP " + r.status()) == 1) {
                Benchmark.log(name + ": HTTP " + r.status() + " " + Api.abbreviate(r.body()));
            }
        } else if (measured) {
            latencies.add(name, elapsed);
        }
    }

    private String filterId(String name) throws IOException {
        Api.Response r = api.get("/engine-rest/filter?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
                + "&firstResult=0&maxResults=10", handlaggare); // unbounded lists are refused (query-max-results-limit)
        require(r, "filter " + name);
        return r.json().get(0).get("id").asText();
    }

    private static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private static String await(Connection c, String what, String sql) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("waited in vain for " + what);
    }

    private String report() {
        StringBuilder out = new StringBuilder();
        out.append("Queries at national scale (").append(settings.clients()).append(" clients, ")
                .append(result.get("open_tasks")).append(" open tasks, ").append(result.get("history_rows"))
                .append(" history rows; ").append(result.get("database")).append(", ")
                .append(result.get("database_mb")).append(" MB)\n");
        out.append("load before: ").append(result.get("load_before")).append("; Stegvis with -Xmx512m")
                .append(settings.bench().jvmArgs().isEmpty() ? "" : " " + String.join(" ", settings.bench().jvmArgs()))
                .append('\n');
        out.append("units: ").append(units.size()).append(" (open tasks' grants spread evenly; handlaggare grants per"
                + " unit ").append(result.get("task_grants_by_unit")).append("); ").append(unitHandlaggare.name())
                .append(" works in ").append(unitOfCaseworker).append(", ").append(handlaggare.name())
                .append(" in every unit\n");
        out.append("tasks visible (count): ").append(result.get("visible_tasks")).append('\n');
        out.append(String.format("%-86s %8s %8s %8s %6s%n", "request", "p50 ms", "p95 ms", "max ms", "n"));
        for (var e : latencies.all().entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) e.getValue();
            out.append(String.format("%-86s %8s %8s %8s %6s%n", e.getKey(), s.get("p50_ms"), s.get("p95_ms"),
                    s.get("max_ms"), s.get("n")));
        }
        out.append("the engine's task statements under EXPLAIN ANALYZE (plans.txt):\n");
        @SuppressWarnings("unchecked")
        Map<String, Object> plans = (Map<String, Object>) result.getOrDefault("plans", Map.of());
        plans.forEach((name, times) -> out.append("  ").append(name).append(": ").append(times).append('\n'));
        out.append("start-up to health: empty database ").append(result.get("startup_empty_s")).append(" s");
        if (result.containsKey("startup_seeded_s")) {
            out.append(", seeded database ").append(result.get("startup_seeded_s")).append(" s");
        }
        out.append("\nheap after full GC: ").append(result.get("heap_after_gc_mb")).append(" MB\n");
        out.append("households with assistance 2025-06 (key figure): ").append(result.get("households_2025_06"))
                .append("\nseeding: ").append(result.get("seed_s")).append(" s (engine copies ")
                .append(result.get("engine_copies_s")).append(" s)\n");
        out.append("failures: ").append(failures.isEmpty() ? "none" : failures).append('\n');
        return out.toString();
    }

    private static void require(Api.Response r, String what) {
        if (!r.ok()) {
            throw new IllegalStateException(what + ": HTTP " + r.status() + " " + Api.abbreviate(r.body()));
        }
    }

    private static Api.User user(String name) {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        // Camunda's password policy in profile postgres wants a digit too: random Base64 lacks one in about 2 % of
        // the passwords, and Stegvis then refused to start (a CI run failed so).
        return new Api.User(name, "Bm-7" + Base64.getUrlEncoder().withoutPadding().encodeToString(b));
    }
}
