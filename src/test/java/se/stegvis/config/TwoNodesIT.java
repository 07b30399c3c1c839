package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.support.EmbeddedPostgresDataSource;
import se.stegvis.support.Http;
import se.stegvis.support.JarNode;
import se.stegvis.support.WebappSession;

/**
 * Two Stegvis nodes on one PostgreSQL, each the packaged jar in a JVM of its own (run by failsafe after
 * {@code package}): applications are submitted to both, caseworkers work on both, and the payment file is asked for
 * on both at the same moment. Every application is decided once, every payment made once, and there is one payment
 * file. The models are deployed once although both nodes deploy at start, the yearly norm check has one timer, and
 * a Tasklist login on one node is a login on the other (the sessions are in the database).
 */
class TwoNodesIT {

    static final int APPLICATIONS = 12;
    static final String MONTH = "2025-12";
    static final ObjectMapper JSON = new ObjectMapper();

    static String jdbcUrl;
    static JarNode a;
    static JarNode b;
    static Http onA;
    static Http onB;

    @BeforeAll
    static void twoNodes() throws Exception {
        jdbcUrl = EmbeddedPostgresDataSource.newDatabase("two_nodes");
        Path dir = Path.of("target", "two-nodes");
        String monthsBack = "--stegvis.application.months-back=" + monthsBack();
        // The first node creates the schemas; the second starts on them, as a node added to a running installation.
        // The test talks plain HTTP to the nodes, so the cookies may not be Secure-only here (behind the load
        // balancer's TLS they are: PostgresProfileStartupTest); everything else is profile postgres as in production.
        String[] args = {monthsBack, "--server.servlet.session.cookie.secure=false",
                "--camunda.bpm.webapp.session-cookie.enable-secure-cookie=false",
                "--camunda.bpm.webapp.csrf.enable-secure-cookie=false"};
        a = JarNode.start("node-a", jdbcUrl, dir, args);
        b = JarNode.start("node-b", jdbcUrl, dir, args);
        onA = a.http();
        Http admin = new Http(a.port(), user -> JarNode.ADMIN_PASSWORD);
        for (String[] user : new String[][] {{"etjanst2", "etjanst"}, {"handl1", "handlaggare"},
                {"handl2", "handlaggare"}, {"teaml1", "teamledare"},
                {"utbet1", "utbetalning"}, {"utbet2", "utbetalning"}}) {
            var created = admin.postJson("/engine-rest/user/create", JarNode.ADMIN, """
                    {"profile": {"id": "%s", "firstName": "%s", "lastName": "Testnod"},
                     "credentials": {"password": "%s"}}""".formatted(user[0], user[0], password(user[0])));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(204);
            var member = admin.send(admin.request("/engine-rest/group/" + user[1] + "/members/" + user[0], JarNode.ADMIN)
                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
            assertThat(member.statusCode()).isEqualTo(204);
        }
        onA = new Http(a.port(), TwoNodesIT::password);
        onB = new Http(b.port(), TwoNodesIT::password);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
    }

    static String password(String user) {
        // Profile postgres has Camunda's password policy: no user id or name in the password.
        return "Kluster-" + Integer.toHexString(user.hashCode()) + "-Pw26!";
    }

    @Test
    void applicationsCaseworkersAndThePaymentFileOnTwoNodesAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        // Applications to both nodes at once; every fourth is a large household whose grant needs an attest.
        SyntheticPersonnummer pnr = new SyntheticPersonnummer(new Random(1492));
        List<Future<HttpResponse<String>>> submitted = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            Http node = i % 2 == 0 ? onA : onB;
            String body = application(pnr.next().value(), i % 4 == 0);
            String key = "tva-noder-" + i;
            submitted.add(pool.submit(() -> node.send(node.request("/api/ansokningar", "etjanst2")
                    .header("Content-Type", "application/json").header("Idempotency-Key", key)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build())));
        }
        for (Future<HttpResponse<String>> f : submitted) {
            HttpResponse<String> r = f.get(2, TimeUnit.MINUTES);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }

        // Caseworkers on both nodes take the same group's tasks; a team leader attests on the second.
        AtomicBoolean stop = new AtomicBoolean();
        List<Future<Integer>> workers = List.of(
                pool.submit(worker(onA, "handl1", "handlaggare", "UserTask_InvestigateApplication", INVESTIGATED, stop)),
                pool.submit(worker(onB, "handl2", "handlaggare", "UserTask_InvestigateApplication", INVESTIGATED, stop)),
                pool.submit(worker(onB, "teaml1", "teamledare", "UserTask_AttestDecision", ATTESTED, stop)));
        try (Connection c = connect()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (count(c, "select count(*) from payment") < APPLICATIONS && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            stop.set(true);
            int completed = 0;
            for (Future<Integer> w : workers) {
                completed += w.get(1, TimeUnit.MINUTES);
            }
            assertThat(count(c, "select count(*) from payment")).as(a.tail() + "\n" + b.tail()).isEqualTo(APPLICATIONS);
            assertThat(completed).isEqualTo(APPLICATIONS + APPLICATIONS / 4);

            // Both nodes are asked for the payment file at the same moment.
            LocalDate day = new BankingCalendar().nextBankingDayOnOrAfter(LocalDate.now(ZoneId.of("Europe/Stockholm")));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> files = new ArrayList<>();
            for (Http node : List.of(onA, onB)) {
                String user = node == onA ? "utbet1" : "utbet2";
                files.add(pool.submit(() -> {
                    go.await();
                    return node.post("/api/utbetalningsfiler?datum=" + day, user, "application/json", "");
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : files) {
                HttpResponse<String> r = f.get(2, TimeUnit.MINUTES);
                statuses.add(r.statusCode());
                if (r.statusCode() == 201) {
                    assertThat(JSON.readTree(r.body()).path("payments").size()).isEqualTo(APPLICATIONS);
                }
            }
            // One made the file with every payment; the other found nothing left to pay.
            assertThat(statuses).containsExactlyInAnyOrder(201, 200);

            assertThat(count(c, "select count(*) from payment_file")).isEqualTo(1);
            assertThat(count(c, "select count(*) from payment where status = 'SKICKAD'")).isEqualTo(APPLICATIONS);
            assertThat(count(c, "select count(*) from application")).isEqualTo(APPLICATIONS);
            assertThat(count(c, "select count(*) from decision")).isEqualTo(APPLICATIONS);
            assertThat(count(c, "select count(*) from (select application_id from decision group by application_id"
                    + " having count(*) > 1) x")).isZero();
            assertThat(count(c, "select count(*) from (select decision_id from payment group by decision_id"
                    + " having count(*) > 1) x")).isZero();
            assertThat(count(c, "select count(*) from (select business_key_ from act_hi_procinst where proc_def_key_ ="
                    + " 'ekonomiskt-bistand' group by business_key_ having count(*) > 1) x")).isZero();
            // Each register check was done once, by one node or the other (the engine's history keeps no log of
            // external tasks that went well: config/PersonalDataHistoryLevel; each node logs the check it made).
            assertThat(count(c, "select count(*) from application where register_checked")).isEqualTo(APPLICATIONS);
            List<String> checks = new ArrayList<>();
            for (JarNode node : List.of(a, b)) {
                try (var lines = java.nio.file.Files.lines(node.log())) {
                    lines.map(l -> java.util.regex.Pattern.compile("Income check of application ([0-9a-f-]{36})").matcher(l))
                            .filter(java.util.regex.Matcher::find).forEach(m -> checks.add(m.group(1)));
                }
            }
            assertThat(checks).as("register checks made").hasSize(APPLICATIONS).doesNotHaveDuplicates();
            // Both nodes deployed at start; only the first deployment made versions, the second found nothing new.
            assertThat(count(c, "select count(*) from (select key_ from act_re_procdef group by key_"
                    + " having count(*) > 1) x")).isZero();
            // The yearly norm check is one timer for the installation, not one per node.
            assertThat(count(c, "select count(*) from act_ru_job j join act_re_procdef d on d.id_ = j.process_def_id_"
                    + " where d.key_ = 'riksnorm-uppdatering' and j.handler_type_ = 'timer-start-event'")).isEqualTo(1);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void aTasklistLoginOnOneNodeIsALoginOnTheOther() {
        WebappSession browser = new WebappSession(a.port());
        assertThat(browser.login("tasklist", "handl1", password("handl1"))).isEqualTo(200);
        // The load balancer sends the next request to the other node: the session is found there.
        WebappSession other = browser.onPort(b.port());
        var user = other.get("/camunda/api/admin/auth/user/default", "application/json");
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"handl1\"");
        var tasks = other.get("/camunda/api/engine/engine/default/task/count", "application/json");
        assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
        // A change with the CSRF token, made on the second node, holds on the first: logged out on both.
        assertThat(other.logout()).isLessThan(400);
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count", "application/json").statusCode())
                .isEqualTo(401);
    }

    static final String INVESTIGATED = """
            {"variables": {"varningarKvitterade": {"value": true, "type": "Boolean"},
                           "kompletteringBehovs": {"value": false, "type": "Boolean"},
                           "beslutsforslag": {"value": "BIFALL", "type": "String"}}}""";
    static final String ATTESTED = """
            {"variables": {"attestBeslut": {"value": "GODKANN", "type": "String"}}}""";

    /** A caseworker on one node: takes the group's open tasks of one kind, claims and completes them. */
    static Callable<Integer> worker(Http node, String user, String group, String taskKey, String completion,
                                    AtomicBoolean stop) {
        return () -> {
            int completed = 0;
            while (!stop.get()) {
                var list = node.get("/engine-rest/task?candidateGroup=" + group + "&taskDefinitionKey=" + taskKey
                        + "&maxResults=10", user);
                if (list.statusCode() != 200) {
                    Thread.sleep(200); // the list failed this time (e.g. a node without a free connection); ask again
                    continue;
                }
                JsonNode tasks = JSON.readTree(list.body());
                for (JsonNode task : tasks) {
                    String id = task.get("id").asText();
                    var claim = node.postJson("/engine-rest/task/" + id + "/claim", user,
                            "{\"userId\": \"" + user + "\"}");
                    if (claim.statusCode() != 204) {
                        continue; // the other node's caseworker took it first
                    }
                    var done = node.postJson("/engine-rest/task/" + id + "/complete", user, completion);
                    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
                    completed++;
                }
                if (tasks.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            return completed;
        };
    }

    static String application(String personnummer, boolean large) {
        return """
                {"personnummer": "%s", "month": "%s", "kind": "NYANSOKAN", "adults": %d, "childrenAges": %s,
                 "othersSharingHousehold": 0, "costs": {"housing": %d, "electricity": 300, "homeInsurance": 150},
                 "incomes": {}, "payoutAccount": {"accountHolder": "Testperson Nod", "iban": "SE4550000000058398257466"}}
                """.formatted(personnummer, MONTH, large ? 2 : 1, large ? "[4, 8, 12, 15, 17]" : "[]",
                large ? 13800 : 5200);
    }

    static int monthsBack() {
        LocalDate now = LocalDate.now();
        return Math.max(3, (now.getYear() - 2025) * 12 + now.getMonthValue() - 12 + 1);
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
    }

    static long count(Connection c, String sql) throws SQLException {
        try (var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
