package se.stegvis.norm.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import se.stegvis.norm.domain.PersonRole;
import se.stegvis.norm.domain.RiksnormReference;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;

/** {@code POST /api/provberakning} over real HTTP without login: the contract of issue 3 and every kind of bad input. */
@StegvisSpringTest
class TrialCalculationApiTest {

    static final String PATH = TrialCalculationController.PATH;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    private JsonNode ok(String body) throws Exception {
        HttpResponse<String> response = http.postJson(PATH, null, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void contractExampleCoupleWithTwoChildren() throws Exception {
        JsonNode result = ok("""
                { "year": 2024, "adults": 2, "childrenAges": [4, 8], "othersSharingHousehold": 0,
                  "costs": { "housing": 0, "electricity": 0, "workTravel": 0, "homeInsurance": 0,
                             "unionAndUnemploymentFund": 0 },
                  "incomes": {} }""");
        assertThat(result.get("year").asInt()).isEqualTo(2024);
        assertThat(result.get("personalCosts").asLong()).isEqualTo(13_470);
        assertThat(result.get("householdCosts").asLong()).isEqualTo(1_950);
        assertThat(result.get("norm").asLong()).isEqualTo(15_420);
        assertThat(result.get("reasonableCosts").asLong()).isZero();
        assertThat(result.get("incomes").asLong()).isZero();
        assertThat(result.get("assistance").asLong()).isEqualTo(15_420);
        List<Long> amounts = new ArrayList<>();
        result.get("lines").forEach(line -> {
            assertThat(line.get("description").asText()).isNotBlank();
            assertThat(line.get("rule").asText()).isNotBlank();
            amounts.add(line.get("amount").asLong());
        });
        assertThat(amounts).containsExactly(6_850L, 2_940L, 3_680L, 1_950L);
    }

    // --- Riksnorm 2026: every amount of the year, through the API ----------------------------------------------

    @Test
    void twentySixWorkedTotalsOfTheGovernment() throws Exception {
        JsonNode single = ok("{\"year\": 2026, \"adults\": 1}");
        assertThat(single.get("personalCosts").asLong()).isEqualTo(3_940);
        assertThat(single.get("householdCosts").asLong()).isEqualTo(1_280);
        assertThat(single.get("norm").asLong()).isEqualTo(5_220);
        JsonNode couple = ok("{\"year\": 2026, \"adults\": 2}");
        assertThat(couple.get("personalCosts").asLong()).isEqualTo(7_100);
        assertThat(couple.get("householdCosts").asLong()).isEqualTo(1_410);
        assertThat(couple.get("norm").asLong()).isEqualTo(8_510);
        assertThat(couple.get("lines").get(0).get("rule").asText())
                .contains("socialtjänstförordningen (2025:468) 12 kap. 2 §").doesNotContain("2001:937");
        assertThat(single.get("lines").get(0).get("rule").asText())
                .contains("socialtjänstförordningen (2025:468) 12 kap. 2 §");
    }

    static Stream<RiksnormReference.Row> twentySixRows() {
        return RiksnormReference.rows().stream().filter(row -> row.year() == 2026);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twentySixRows")
    void twentySixEveryAmountOfTheColumn(RiksnormReference.Row row) throws Exception {
        if (RiksnormReference.HOUSEHOLD.equals(row.table())) {
            // A single adult with (size − 1) school children: the household-common amount of that size.
            String ages = String.join(",", java.util.Collections.nCopies(row.householdSize() - 1, "8"));
            JsonNode result = ok("{\"year\": 2026, \"adults\": 1, \"childrenAges\": [" + ages + "]}");
            assertThat(result.get("householdCosts").asLong()).as(row.toString()).isEqualTo(row.amount());
            return;
        }
        if (row.ageFrom() == null) {
            int adults = row.role() == PersonRole.SAMBOR ? 2 : 1;
            JsonNode result = ok("{\"year\": 2026, \"adults\": " + adults + "}");
            assertThat(result.get("personalCosts").asLong()).as(row.toString()).isEqualTo(row.amount());
            return;
        }
        for (int age = row.ageFrom(); age <= row.ageTo(); age++) {
            JsonNode result = ok("{\"year\": 2026, \"adults\": 2, \"children\": [{\"age\": " + age
                    + ", \"lunchAtHome\": " + row.lunchAtHome() + "}]}");
            JsonNode child = result.get("lines").get(1);
            assertThat(child.get("amount").asLong()).as(row + " age " + age).isEqualTo(row.amount());
            assertThat(result.get("personalCosts").asLong()).isEqualTo(7_100 + row.amount());
            if (!row.lunchAtHome()) {
                assertThat(child.get("description").asText()).contains("äter inte lunch hemma", "lägre belopp");
                assertThat(child.get("rule").asText()).contains("0–6 år som inte äter lunch hemma");
            }
        }
    }

    @Test
    void twentySixFamilyWithOneChildAtForskolaAndOneAtHome() throws Exception {
        JsonNode result = ok("""
                { "year": 2026, "adults": 2,
                  "children": [ { "age": 3, "lunchAtHome": false }, { "age": 1 }, { "age": 9, "lunchAtHome": false } ],
                  "costs": { "housing": 6000 }, "incomes": { "Barnbidrag": 3750 } }""");
        // 7 100 + 2 500 (3 år, förskola) + 3 060 (1 år, lunch hemma som standard) + 3 820 (9 år) + 2 330 (5 personer)
        assertThat(result.get("personalCosts").asLong()).isEqualTo(7_100 + 2_500 + 3_060 + 3_820);
        assertThat(result.get("householdCosts").asLong()).isEqualTo(2_330);
        assertThat(result.get("assistance").asLong()).isEqualTo(7_100 + 2_500 + 3_060 + 3_820 + 2_330 + 6_000 - 3_750);
        assertThat(result.get("lines").findValuesAsText("description")).contains(
                "Barn 3 år, äter inte lunch hemma alla vardagar: lägre belopp (fullt belopp 2720 kr)",
                "Barn 1 år, äter lunch hemma: fullt belopp", "Barn 9 år (samma belopp var barnet än äter lunch)");
    }

    @Test
    void childWithoutLunchAtHomeInAYearWithoutTheLowerAmountIsRefusedNamingTheChildAndTheYear() throws Exception {
        HttpResponse<String> response = http.postJson(PATH, null, """
                { "year": 2025, "adults": 1, "children": [ { "age": 8 }, { "age": 4, "lunchAtHome": false } ] }""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("children[1].lunchAtHome");
        assertThat(error.get("message").asText()).contains("2025", "4 år", "gissas inte");
    }

    @Test
    void childrenAndChildrenAgesTogetherAreRefusedNamingChildren() throws Exception {
        HttpResponse<String> response = http.postJson(PATH, null, """
                { "year": 2026, "adults": 1, "childrenAges": [4], "children": [ { "age": 4 } ] }""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("children");
        assertThat(error.get("message").asText()).contains("inte båda");
    }

    @Test
    void yearAfterTheNewestSaysItsNormIsNotEnteredYet() throws Exception {
        assertThat(firstMessage("{\"year\": 2027, \"adults\": 1}"))
                .contains("Riksnormen för 2027 är inte inlagd än").contains("2026");
        assertThat(firstMessage("{\"year\": 2019, \"adults\": 1}"))
                .contains("ingen riksnorm för år 2019").contains("2026");
    }

    @Test
    void costsAndIncomesEveryIncomeCountedInFull() throws Exception {
        JsonNode result = ok("""
                { "year": 2024, "adults": 1, "childrenAges": [],
                  "costs": { "housing": 5000, "electricity": 300, "homeInsurance": 150 },
                  "incomes": { "Lön": 1500, "Bostadsbidrag": 500 } }""");
        assertThat(result.get("norm").asLong()).isEqualTo(5_030);
        assertThat(result.get("reasonableCosts").asLong()).isEqualTo(5_450);
        assertThat(result.get("incomes").asLong()).isEqualTo(2_000);
        assertThat(result.get("assistance").asLong()).isEqualTo(8_480);
        assertThat(result.get("lines").findValuesAsText("description"))
                .contains("Inkomst: Lön", "Inkomst: Bostadsbidrag", "Boendekostnad", "Hushållsel", "Hemförsäkring");
    }

    @Test
    void onlyYearAndAdultsAreRequired() throws Exception {
        JsonNode result = ok("{\"year\": 2023, \"adults\": 1}");
        assertThat(result.get("assistance").asLong()).isEqualTo(3_490 + 1_130);
    }

    @Test
    void sharedHomeSharesTheHouseholdCostsProRata() throws Exception {
        JsonNode result = ok("{\"year\": 2024, \"adults\": 1, \"childrenAges\": [], \"othersSharingHousehold\": 4}");
        assertThat(result.get("householdCosts").asLong()).isEqualTo(448);
        assertThat(result.get("norm").asLong()).isEqualTo(4_248);
    }

    @Test
    void incomeAboveTheNeedGivesZero() throws Exception {
        JsonNode result = ok("{\"year\": 2024, \"adults\": 1, \"incomes\": {\"Sjukpenning\": 9000}}");
        assertThat(result.get("assistance").asLong()).isZero();
        assertThat(result.get("incomes").asLong()).isEqualTo(9_000);
    }

    @Test
    void yearsListsTheYearsOfTheDeployedNorm() throws Exception {
        HttpResponse<String> response = http.get(PATH + "/ar", null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<Integer> years = new ArrayList<>();
        JSON.readTree(response.body()).get("years").forEach(y -> years.add(y.asInt()));
        assertThat(years).contains(2022, 2023, 2024, 2025, 2026).doesNotContain(2021).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown year               | {"year": 2031, "adults": 1}                                  | year
            age above 20               | {"year": 2024, "adults": 1, "childrenAges": [3, 21]}         | childrenAges[1]
            negative age               | {"year": 2024, "adults": 1, "childrenAges": [-1]}            | childrenAges[0]
            child age above 20         | {"year": 2026, "adults": 1, "children": [{"age": 21}]}       | children[0].age
            child without age          | {"year": 2026, "adults": 1, "children": [{"lunchAtHome": false}]} | children[0].age
            null child                 | {"year": 2026, "adults": 1, "children": [null]}              | children[0]
            lunch as text              | {"year": 2026, "adults": 1, "children": [{"age": 3, "lunchAtHome": "nej"}]} | children[0].lunchAtHome
            unknown child field        | {"year": 2026, "adults": 1, "children": [{"age": 3, "name": "Bo"}]} | children[0].name
            null age                   | {"year": 2024, "adults": 1, "childrenAges": [null]}          | childrenAges[0]
            fractional age             | {"year": 2024, "adults": 1, "childrenAges": [4.5]}           | childrenAges[0]
            three adults               | {"year": 2024, "adults": 3}                                  | adults
            no adults                  | {"year": 2024, "adults": 0}                                  | adults
            adults as text             | {"year": 2024, "adults": "två"}                              | adults
            missing year               | {"adults": 1}                                                | year
            missing adults             | {"year": 2024}                                               | adults
            fractional year            | {"year": 2024.5, "adults": 1}                                | year
            negative cost              | {"year": 2024, "adults": 1, "costs": {"housing": -100}}      | costs.housing
            fractional cost            | {"year": 2024, "adults": 1, "costs": {"electricity": 300.5}} | costs.electricity
            huge cost                  | {"year": 2024, "adults": 1, "costs": {"workTravel": 1e30}}   | costs.workTravel
            unknown cost key           | {"year": 2024, "adults": 1, "costs": {"parking": 500}}       | costs.parking
            negative income            | {"year": 2024, "adults": 1, "incomes": {"Lön": -1}}          | incomes[Lön]
            fractional income          | {"year": 2024, "adults": 1, "incomes": {"Lön": 99.99}}       | incomes[Lön]
            unnamed income             | {"year": 2024, "adults": 1, "incomes": {" ": 100}}           | incomes[ ]
            negative others            | {"year": 2024, "adults": 1, "othersSharingHousehold": -2}    | othersSharingHousehold
            unknown field              | {"year": 2024, "adults": 1, "name": "Anna"}                  | name
            """)
    void badInputNamesTheField(String what, String body, String field) throws Exception {
        HttpResponse<String> response = http.postJson(PATH, null, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("error").asText()).isEqualTo("Ogiltig begäran");
        assertThat(error.get("errors")).hasSize(1);
        assertThat(error.get("errors").get(0).get("field").asText()).isEqualTo(field);
        assertThat(error.get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void messagesSaySwedishWhatIsWrong() throws Exception {
        assertThat(firstMessage("{\"year\": 2031, \"adults\": 1}"))
                .contains("Riksnormen för 2031 är inte inlagd än").contains("2024");
        assertThat(firstMessage("{\"year\": 2024, \"adults\": 1, \"childrenAges\": [21]}"))
                .isEqualTo("Barnets ålder måste vara 0–20 år.");
        assertThat(firstMessage("{\"year\": 2024, \"adults\": 1, \"costs\": {\"housing\": 12.5}}"))
                .contains("heltal");
        assertThat(firstMessage("{\"year\": 2024, \"adults\": 1, \"costs\": {\"parking\": 1}}"))
                .contains("Okänt fält \"parking\"").contains("housing");
    }

    @Test
    void severalErrorsAreAllNamed() throws Exception {
        HttpResponse<String> response = http.postJson(PATH, null,
                "{\"year\": 2024, \"adults\": 5, \"childrenAges\": [30], \"costs\": {\"housing\": -1}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").findValuesAsText("field"))
                .containsExactly("adults", "childrenAges[0]", "costs.housing");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON | {"year": 2024, "adults": 1
            not an object  | [2024]
            empty body     | ''
            """)
    void unreadableBodyIsABadRequest(String what, String body) throws Exception {
        HttpResponse<String> response = http.postJson(PATH, null, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("error").asText()).isEqualTo("Ogiltig begäran");
        assertThat(error.get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void pageIsServedWithItsForm() {
        for (String path : List.of("/provberakning", "/provberakning/")) {
            HttpResponse<String> page = http.get(path, null);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("<html lang=\"sv\"", "<form", "id=\"provberakning-form\"",
                    "aria-live=\"polite\"", "<label", "<fieldset", "/provberakning/provberakning.js");
        }
        assertThat(http.get("/provberakning/provberakning.js", null).body()).contains("/api/provberakning");
        assertThat(http.get("/provberakning/provberakning.css", null).statusCode()).isEqualTo(200);
    }

    private String firstMessage(String body) throws Exception {
        HttpResponse<String> response = http.postJson(PATH, null, body);
        assertThat(response.statusCode()).isEqualTo(400);
        return JSON.readTree(response.body()).get("errors").get(0).get("message").asText();
    }
}
