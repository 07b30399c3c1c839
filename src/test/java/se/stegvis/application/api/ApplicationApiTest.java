package se.stegvis.application.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.norm.domain.Household;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/** The e-service's contract: 201 with a Location, idempotent repeats, and 400 naming the field on bad input. */
@StegvisSpringTest
class ApplicationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    ClientRepository clients;

    Http http;
    String personnummer;
    final String month = YearMonth.now().toString();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        personnummer = new SyntheticPersonnummer(new Random(System.nanoTime())).next().value();
    }

    private String body(String pnr, String month, String extra) {
        return """
                {"personnummer":"%s","month":"%s","kind":"NYANSOKAN","adults":1,"childrenAges":[],
                 "othersSharingHousehold":0,
                 "costs":{"housing":5000,"electricity":300,"workTravel":0,"homeInsurance":150,"unionAndUnemploymentFund":0},
                 "incomes":{"Lön":2000},"incomeKinds":{"Lön":"EMPLOYMENT"}%s}
                """.formatted(pnr, month, extra);
    }

    private java.net.http.HttpResponse<String> submit(String json, String key) {
        HttpRequest.Builder b = http.request("/api/ansokningar", "etjanst").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return http.send(b.build());
    }

    @Test
    void createsTheApplicationAndStartsItsProcess() {
        var response = submit(body(personnummer, month, ""), null);
        assertThat(response.statusCode()).isEqualTo(201);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/ansokningar/");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(response.body()).contains("\"id\":\"" + id + "\"");
        var stored = applications.findById(java.util.UUID.fromString(id)).orElseThrow();
        assertThat(stored.getProcessInstanceId()).isNotNull();
        assertThat(stored.costs().housing()).isEqualTo(5000);

        var view = http.get(location, "handlaggare1");
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("\"kind\":\"NYANSOKAN\"").doesNotContain(personnummer)
                .contains("\"clientId\":\"" + stored.getClient().getId() + "\"");
    }

    @Test
    void aRepeatedSubmissionWithTheSameKeyReturnsTheSameApplication() {
        String key = "etjanst-" + System.nanoTime();
        long before = applications.count();
        var first = submit(body(personnummer, month, ""), key);
        var second = submit(body(personnummer, month, ""), key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(applications.count()).isEqualTo(before + 1);
    }

    @Test
    void aSecondMonthlyApplicationForTheMonthIsRefusedNamingTheFirst() {
        var first = submit(body(personnummer, month, ""), null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        String location = first.headers().firstValue("Location").orElseThrow();
        String firstId = location.substring(location.lastIndexOf('/') + 1);
        long before = applications.count();

        var again = submit(body(personnummer, month, "").replace("NYANSOKAN", "ATERANSOKAN"), null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("\"field\":\"month\"").contains(firstId);
        assertThat(applications.count()).isEqualTo(before);

        // Another month of the same household, and the same month of another, are applications of their own.
        String lastMonth = YearMonth.parse(month).minusMonths(1).toString();
        assertThat(submit(body(personnummer, lastMonth, "").replace("NYANSOKAN", "ATERANSOKAN"), null).statusCode())
                .isEqualTo(201);
        String other = new SyntheticPersonnummer(new Random(System.nanoTime() + 1)).next().value();
        assertThat(submit(body(other, month, ""), null).statusCode()).isEqualTo(201);

        // The prefill starts from the latest month, whichever was submitted last.
        var prefilled = http.postJson("/api/ansokningar/forifylld", "etjanst", "{\"personnummer\":\"" + personnummer + "\"}");
        assertThat(prefilled.statusCode()).isEqualTo(200);
        assertThat(prefilled.body()).contains("\"month\":\"" + YearMonth.parse(month).plusMonths(1) + "\"");
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        long before = applications.count();
        long clientsBefore = clients.count();
        assertField(submit(body("19810101-0001", month, ""), null), "personnummer");
        assertField(submit(body(personnummer.substring(0, 8) + "-123", month, ""), null), "personnummer");
        assertField(submit(body(personnummer, "2026-13", ""), null), "month");
        assertField(submit(body(personnummer, YearMonth.now().minusMonths(12).toString(), ""), null), "month");
        assertField(submit(body(personnummer, month, "").replace("\"adults\":1", "\"adults\":3"), null), "adults");
        assertField(submit(body(personnummer, month, "").replace("\"housing\":5000", "\"housing\":-1"), null), "costs.housing");
        assertField(submit(body(personnummer, month, "").replace("\"housing\":5000", "\"housing\":50.5"), null), "costs.housing");
        assertField(submit(body(personnummer, month, "").replace("\"childrenAges\":[]", "\"childrenAges\":[21]"), null),
                "childrenAges[0]");
        assertField(submit(body(personnummer, month, "").replace("\"kind\":\"NYANSOKAN\"", "\"kind\":\"TILLAGGSANSOKAN\""), null),
                "extraNeed");
        assertField(submit(body(personnummer, month, ",\"okand\":1"), null), "okand");
        assertField(submit(body(personnummer, month, ",\"enhet\":\"Norrköping\""), null), "enhet");
        assertField(submit("{inte json", null), null);
        assertThat(applications.count()).isEqualTo(before);
        assertThat(clients.count()).isEqualTo(clientsBefore);
    }

    @Test
    void theUnitIsOneOfTheConfiguredAndStaysWithTheClient() {
        assertThat(submit(body(personnummer, month, ",\"enhet\":\"hageby\""), null).statusCode()).isEqualTo(201);
        assertThat(clients.findByPersonnummer(personnummer).orElseThrow().getUnit()).isEqualTo("Hageby");
        // A later application without a unit keeps the client's unit; one with a unit moves the client there.
        String next = YearMonth.parse(month).plusMonths(1).toString();
        assertThat(submit(body(personnummer, next, ""), null).statusCode()).isEqualTo(201);
        assertThat(clients.findByPersonnummer(personnummer).orElseThrow().getUnit()).isEqualTo("Hageby");
        // (A month of its own: a client has one monthly application per month.)
        String earlier = YearMonth.parse(month).minusMonths(1).toString();
        assertThat(submit(body(personnummer, earlier, ",\"enhet\":\"Navestad\""), null).statusCode()).isEqualTo(201);
        assertThat(clients.findByPersonnummer(personnummer).orElseThrow().getUnit()).isEqualTo("Navestad");
        // A new client without a unit gets the default unit (stegvis.units.default-unit).
        String other = new SyntheticPersonnummer(new Random(System.nanoTime() + 1)).next().value();
        assertThat(submit(body(other, month, ""), null).statusCode()).isEqualTo(201);
        assertThat(clients.findByPersonnummer(other).orElseThrow().getUnit()).isEqualTo("Centrum");
    }

    @Test
    void onlyTheEServiceAndCaseworkersMaySubmit() {
        var anonymous = http.send(http.request("/api/ansokningar", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(personnummer, month, ""))).build());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        var chef = http.send(http.request("/api/ansokningar", "chef1").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(personnummer, month, ""))).build());
        assertThat(chef.statusCode()).isEqualTo(403);
        assertThat(http.get("/api/ansokningar?month=" + month, "etjanst").statusCode()).isEqualTo(403);
    }

    @Test
    void reapplicationIsPrefilledFromTheLastApplication() {
        assertThat(http.postJson("/api/ansokningar/forifylld", "etjanst",
                "{\"personnummer\":\"" + personnummer + "\"}").statusCode()).isEqualTo(404);
        assertThat(submit(body(personnummer, month, ""), null).statusCode()).isEqualTo(201);

        var prefilled = http.postJson("/api/ansokningar/forifylld", "etjanst", "{\"personnummer\":\"" + personnummer + "\"}");
        assertThat(prefilled.statusCode()).isEqualTo(200);
        assertThat(prefilled.body()).contains("\"kind\":\"ATERANSOKAN\"",
                "\"month\":\"" + YearMonth.parse(month).plusMonths(1) + "\"", "\"housing\":5000",
                "\"incomeKinds\":{\"Lön\":\"EMPLOYMENT\"}");
        // What the e-service gets back it can submit as it is, once the client has confirmed it.
        var resubmitted = submit(prefilled.body(), null);
        assertThat(resubmitted.statusCode()).as(resubmitted.body()).isEqualTo(201);
        assertField(http.postJson("/api/ansokningar/forifylld", "etjanst", "{\"personnummer\":\"12\"}"), "personnummer");
    }

    @Test
    void childrenWithLunchAreStoredAndPrefilledForTheNextMonth() {
        String children = "\"children\":[{\"age\":3,\"lunchAtHome\":false},{\"age\":8}]";
        var created = submit(body(personnummer, month, "").replace("\"childrenAges\":[]", children), null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        var stored = applications.findById(java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1)))
                .orElseThrow();
        assertThat(stored.household().children()).containsExactly(new Household.Child(3, false),
                new Household.Child(8, true));

        var prefilled = http.postJson("/api/ansokningar/forifylld", "etjanst", "{\"personnummer\":\"" + personnummer + "\"}");
        assertThat(prefilled.statusCode()).isEqualTo(200);
        assertThat(prefilled.body()).contains("\"childrenAges\":null",
                "\"children\":[{\"age\":3,\"lunchAtHome\":false},{\"age\":8,\"lunchAtHome\":true}]");
        assertThat(submit(prefilled.body(), null).statusCode()).isEqualTo(201);
    }

    @Test
    void childrenAndChildrenAgesTogetherAreRefusedNamingChildren() {
        long before = applications.count();
        assertField(submit(body(personnummer, month, "").replace("\"childrenAges\":[]",
                "\"childrenAges\":[4],\"children\":[{\"age\":4}]"), null), "children");
        assertField(submit(body(personnummer, month, "").replace("\"childrenAges\":[]",
                "\"children\":[{\"age\":22}]"), null), "children[0].age");
        assertThat(applications.count()).isEqualTo(before);
    }

    @Test
    void aChildWithoutLunchAtHomeInAMonthWhoseNormHasNoLowerAmountIsRefusedNamingTheChildAndTheYear() {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.parse("2025-11-03T08:00:00Z")));
        try {
            long before = applications.count();
            var response = submit(body(personnummer, "2025-11", "").replace("\"childrenAges\":[]",
                    "\"children\":[{\"age\":10},{\"age\":5,\"lunchAtHome\":false}]"), null);
            assertField(response, "children[1].lunchAtHome");
            assertThat(response.body()).contains("2025", "5 år");
            assertThat(applications.count()).isEqualTo(before);
        } finally {
            ClockUtil.reset();
        }
    }

    private static void assertField(java.net.http.HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        if (field != null) {
            assertThat(response.body()).as(response.body()).contains("\"field\":\"" + field + "\"");
        }
    }
}
