package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TestUsers;

/**
 * The edges of {@code /api} and of logging in, as a hurried e-service, a stranger and a hostile page would meet them
 * (issue #12, point 6).
 */
@StegvisSpringTest
class ApiEdgesTest {

    static final String MONTH = java.time.YearMonth.now().toString();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationRepository applications;
    @Autowired
    LoginRateLimiter limiter;
    @Autowired
    IdentityService identityService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    se.stegvis.client.domain.ClientRepository clients;

    Http http;
    final Random random = new Random(System.nanoTime());

    @BeforeEach
    void setUp() {
        http = new Http(port);
        limiter.reset();
    }

    @AfterEach
    void forgetFailedLogins() {
        limiter.reset();
    }

    @Test
    void anIdempotencyKeyBelongsToItsSubmitterAndItsBody() throws Exception {
        String key = UUID.randomUUID().toString();
        String person = person();
        var first = submit("etjanst", key, body(person, "NYANSOKAN"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        var again = submit("etjanst", key, body(person, "NYANSOKAN").replace(",", ", "));
        assertThat(again.statusCode()).as("the same request, spaced otherwise").isEqualTo(200);
        assertThat(id(again)).isEqualTo(id(first));

        var otherBody = submit("etjanst", key, body(person(), "NYANSOKAN"));
        assertThat(otherBody.statusCode()).as(otherBody.body()).isEqualTo(422);
        assertThat(otherBody.body()).contains("Idempotency-Key").doesNotContain(id(first));
        var otherSubmitter = submit("handlaggare1", key, body(person, "NYANSOKAN"));
        assertThat(otherSubmitter.statusCode()).isEqualTo(422);
    }

    @Test
    void concurrentCopiesAllGetTheSameApplicationAndNoLineOfTheLogNamesThePerson() throws Exception {
        ListAppender<ILoggingEvent> log = captureLog();
        try {
            int keys = 8;
            int copies = 5;
            List<String> persons = new ArrayList<>();
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            List<String> keyOfCall = new ArrayList<>();
            List<String> personOfCall = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            for (int k = 0; k < keys; k++) {
                String key = UUID.randomUUID().toString();
                String person = person();
                // A copy of the key with another person's body races the real ones: whichever comes first owns the
                // key, the others are refused, and no one is answered with another person's application.
                String stranger = person();
                persons.add(person);
                persons.add(stranger);
                for (int c = 0; c <= copies; c++) {
                    String who = c == copies ? stranger : person;
                    keyOfCall.add(key);
                    personOfCall.add(who);
                    calls.add(() -> {
                        start.await();
                        return submit("etjanst", key, body(who, "NYANSOKAN"));
                    });
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Callable<HttpResponse<String>> call : calls) {
                futures.add(pool.submit(call));
            }
            start.countDown();
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                responses.add(f.get());
            }
            pool.shutdown();

            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 201, 422));
            Map<String, List<Integer>> callsByKey = new java.util.LinkedHashMap<>();
            for (int i = 0; i < responses.size(); i++) {
                callsByKey.computeIfAbsent(keyOfCall.get(i), k -> new ArrayList<>()).add(i);
            }
            callsByKey.forEach((key, indexes) -> {
                var accepted = indexes.stream().filter(i -> responses.get(i).statusCode() != 422).toList();
                assertThat(accepted.stream().filter(i -> responses.get(i).statusCode() == 201)).as("one created")
                        .hasSize(1);
                assertThat(accepted.stream().map(i -> id(responses.get(i))).collect(Collectors.toSet()))
                        .as("one id per key").hasSize(1);
                assertThat(accepted.stream().map(personOfCall::get).collect(Collectors.toSet()))
                        .as("all accepted copies are of one body").hasSize(1);
                for (int i : accepted) {
                    UUID client = applications.findById(UUID.fromString(id(responses.get(i)))).orElseThrow()
                            .getClient().getId();
                    String owner = clients.findById(client).orElseThrow().getPersonnummer().value();
                    assertThat(owner).as("answered with the application of the body it sent").isEqualTo(personOfCall.get(i));
                }
                assertThat(indexes.stream().filter(i -> responses.get(i).statusCode() == 422).count())
                        .as("the other body's copies are refused").isIn(1L, (long) copies);
            });

            assertNoPersonalData(log, persons);
        } finally {
            releaseLog(log);
        }
    }

    @Test
    void aSecondMonthlyApplicationForTheSameMonthIsAConflictButAnExtraNeedIsNot() throws Exception {
        String person = person();
        assertThat(submit("etjanst", null, body(person, "NYANSOKAN")).statusCode()).isEqualTo(201);
        var second = submit("etjanst", null, body(person, "ATERANSOKAN"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(json(second).path("errors").get(0).path("field").asText()).isEqualTo("month");
        assertThat(second.body()).doesNotContain(person);
        String extraNeed = body(person, "TILLAGGSANSOKAN");
        extraNeed = extraNeed.substring(0, extraNeed.lastIndexOf('}'))
                + ",\"extraNeed\":{\"description\":\"Akut tandvård\",\"amount\":1200}}";
        var extra = submit("etjanst", null, extraNeed);
        assertThat(extra.statusCode()).as(extra.body()).isEqualTo(201);
    }

    @Test
    void scalarsAreNotCoerced() throws Exception {
        long number = Long.parseLong(person().replace("-", ""));
        var numeric = submit("etjanst", null, body("X", "NYANSOKAN").replace("\"X\"", String.valueOf(number)));
        assertThat(numeric.statusCode()).isEqualTo(400);
        assertThat(json(numeric).path("errors").get(0).path("field").asText()).isEqualTo("personnummer");
        var textAdults = submit("etjanst", null, body(person(), "NYANSOKAN").replace("\"adults\":1", "\"adults\":\"1\""));
        assertThat(textAdults.statusCode()).isEqualTo(400);
        assertThat(json(textAdults).path("errors").get(0).path("field").asText()).isEqualTo("adults");
    }

    @Test
    void bodiesOver64KbAreRefusedWithOrWithoutTheirLength() {
        String big = body(person(), "NYANSOKAN").replace("\"month\"", "\"x\":\"" + "a".repeat(70_000) + "\",\"month\"");
        var announced = submit("etjanst", null, big);
        assertThat(announced.statusCode()).isEqualTo(413);
        var chunked = http.send(http.request("/api/ansokningar", "etjanst").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes()))).build());
        assertThat(chunked.statusCode()).isEqualTo(413);
    }

    @Test
    void stateChangingCallsTakeOnlyJsonAndOnlyFromThisSite() {
        String body = body(person(), "NYANSOKAN");
        var form = http.post("/api/ansokningar", "etjanst", "application/x-www-form-urlencoded", "a=b");
        assertThat(form.statusCode()).isEqualTo(415);
        var text = http.post("/api/ansokningar", "etjanst", "text/plain", body);
        assertThat(text.statusCode()).isEqualTo(415);
        var none = http.send(http.request("/api/ansokningar/" + UUID.randomUUID() + "/komplettering", "etjanst")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(none.statusCode()).isEqualTo(415);

        var foreign = http.send(http.request("/api/ansokningar", "etjanst").header("Content-Type", "application/json")
                .header("Origin", "https://angripare.example").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("Origin");
        var own = http.send(http.request("/api/ansokningar", "etjanst").header("Content-Type", "application/json")
                .header("Origin", "http://localhost:" + port).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        // Reads are not state-changing: any origin may read what its credentials allow.
        assertThat(http.send(http.request("/api/ansokningar?month=" + MONTH, "handlaggare1")
                .header("Origin", "https://angripare.example").GET().build()).statusCode()).isEqualTo(200);
    }

    @Test
    void browsersAreNeverChallengedForBasicCredentials() {
        var api = http.send(http.request("/api/ansokningar?month=" + MONTH, null)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").GET().build());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        var engineFromBrowser = http.send(http.request("/engine-rest/task", null)
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64)").header("Sec-Fetch-Mode", "navigate").GET().build());
        assertThat(engineFromBrowser.statusCode()).isEqualTo(401);
        assertThat(engineFromBrowser.headers().firstValue("WWW-Authenticate")).isEmpty();
        // A tool is still told how to authenticate.
        assertThat(http.get("/engine-rest/task", null).headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void theEngineAnswersAtMost2000RowsAndNoUnboundedList() {
        assertThat(http.get("/engine-rest/task?maxResults=50", "handlaggare1").statusCode()).isEqualTo(200);
        assertThat(http.get("/engine-rest/task?maxResults=2000", "handlaggare1").statusCode()).isEqualTo(200);
        var tooMany = http.get("/engine-rest/task?maxResults=2001", "handlaggare1");
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(http.get("/engine-rest/history/process-instance", "chef1").statusCode()).isEqualTo(400);
        assertThat(http.get("/engine-rest/task/count", "handlaggare1").statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsLogNoPersonalDataEither() throws Exception {
        ListAppender<ILoggingEvent> log = captureLog();
        String person = person();
        String other = person();
        try {
            String key = UUID.randomUUID().toString();
            assertThat(submit("etjanst", key, body(person, "NYANSOKAN")).statusCode()).isEqualTo(201);
            assertThat(submit("etjanst", key, body(other, "NYANSOKAN")).statusCode()).isEqualTo(422);
            assertThat(submit("etjanst", null, body(person, "ATERANSOKAN")).statusCode()).isEqualTo(409);
            String wrongCheckDigit = person.substring(0, person.length() - 1) + ((person.charAt(person.length() - 1) - '0' + 1) % 10);
            assertThat(submit("etjanst", null, body(wrongCheckDigit, "NYANSOKAN")).statusCode()).isEqualTo(400);
            assertThat(submit("etjanst", null, body("X", "NYANSOKAN").replace("\"X\"",
                    other.replace("-", ""))).statusCode()).isEqualTo(400);
            assertThat(http.send(basic("/api/ansokningar?month=" + MONTH, person, "fel")).statusCode()).isEqualTo(401);
            assertNoPersonalData(log, List.of(person, other, wrongCheckDigit));
        } finally {
            releaseLog(log);
        }
    }

    @Test
    void objectVariablesAreReadOnlyAsTheTypesTheProcessesUse() {
        var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("deserialisering").camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Start").userTask("UserTask_Wait").camundaCandidateGroups("handlaggare")
                .endEvent("EndEvent_End").done();
        var deployment = repositoryService.createDeployment().name("guard-deserialisering")
                .addModelInstance("deserialisering.bpmn", model).deploy();
        try {
            String pi = runtimeService.startProcessInstanceByKey("deserialisering").getId();
            runtimeService.setVariable(pi, "lista", new ArrayList<>(List.of("a", "b")));
            assertThat(runtimeService.getVariable(pi, "lista")).isEqualTo(List.of("a", "b"));
            runtimeService.setVariable(pi, "farlig", org.camunda.bpm.engine.variable.Variables
                    .serializedObjectValue("\"http://angripare.example\"").objectTypeName("java.net.URL")
                    .serializationDataFormat("application/json").create());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtimeService.getVariable(pi, "farlig"))
                    .hasMessageContaining("java.net.URL");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void failedLoginsArePausedPerSource() {
        String user = "rate" + random.nextInt(1_000_000);
        TestUsers.user(identityService, user, "rätt-lösenord-" + user, "handlaggare");
        try {
            for (int i = 0; i < 10; i++) {
                assertThat(http.send(basic("/api/ansokningar?month=" + MONTH, user, "fel")).statusCode()).isEqualTo(401);
            }
            var paused = http.send(basic("/api/ansokningar?month=" + MONTH, user, "rätt-lösenord-" + user));
            assertThat(paused.statusCode()).isEqualTo(429);
            assertThat(paused.headers().firstValue("Retry-After")).isPresent();
            // Every way in is paused for that source, the engine's REST API and the webapps' login too.
            assertThat(http.send(basic("/engine-rest/task/count", "handlaggare1", "demo")).statusCode()).isEqualTo(429);
            // Requests without credentials are not limited (and tell nothing).
            assertThat(http.get("/api/provberakning/ar", null).statusCode()).isNotEqualTo(429);
        } finally {
            limiter.reset();
            identityService.deleteUser(user);
        }
    }

    @Test
    void wrongPasswordsAgainstTheEserviceCannotStopIt() {
        // A stranger tries passwords for etjanst, also where Camunda checks them and locks the account.
        for (int i = 0; i < 12; i++) {
            limiter.reset();
            http.send(basic("/engine-rest/task/count", "etjanst", "gissning-" + i));
            http.send(basic("/api/ansokningar/forifylld", "etjanst", "gissning-" + i));
        }
        limiter.reset();
        assertThat(identityService.checkPassword("etjanst", "demo")).as("Camunda has locked its own account").isFalse();
        var stillWorks = submit("etjanst", null, body(person(), "NYANSOKAN"));
        assertThat(stillWorks.statusCode()).as(stillWorks.body()).isEqualTo(201);
        identityService.unlockUser("etjanst");
    }

    // --- helpers

    private String person() {
        return new SyntheticPersonnummer(random).next().value();
    }

    static String body(String person, String kind) {
        return """
                {"personnummer":"%s","month":"%s","kind":"%s","adults":1,"childrenAges":[],"othersSharingHousehold":0,
                 "costs":{"housing":5000,"electricity":300,"workTravel":0,"homeInsurance":150,"unionAndUnemploymentFund":0},
                 "incomes":{"Lön":2000},"incomeKinds":{"Lön":"EMPLOYMENT"}}""".formatted(person, MONTH, kind);
    }

    private HttpResponse<String> submit(String user, String key, String body) {
        HttpRequest.Builder b = http.request("/api/ansokningar", user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build());
    }

    private HttpRequest basic(String path, String user, String password) {
        return http.request(path, null).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build();
    }

    private static String id(HttpResponse<String> response) {
        try {
            return new ObjectMapper().readTree(response.body()).path("id").asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return new ObjectMapper().readTree(response.body());
    }

    private static ListAppender<ILoggingEvent> captureLog() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(appender);
        return appender;
    }

    private static void releaseLog(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(appender);
    }

    /** No event's message, arguments or exception (with causes) holds any of the personnummer, with or without dash. */
    static void assertNoPersonalData(ListAppender<ILoggingEvent> log, List<String> persons) {
        Set<String> forms = new java.util.HashSet<>();
        for (String p : persons) {
            forms.add(p);
            forms.add(p.replace("-", ""));
            forms.add(p.replace("-", "").substring(2));
        }
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : List.copyOf(log.list)) {
            StringBuilder text = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                text.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(event.getLoggerName() + " " + text);
        }
        assertThat(lines).as("log lines").isNotEmpty()
                .noneSatisfy(line -> assertThat(forms).anySatisfy(p -> assertThat(line).contains(p)));
    }
}
