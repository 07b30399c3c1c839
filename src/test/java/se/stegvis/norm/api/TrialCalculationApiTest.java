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
import org.junit.jupiter.params.provider.CsvSource;
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
        assertThat(years).contains(2022, 2023, 2024, 2025).doesNotContain(2021).isSorted();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown year               | {"year": 2031, "adults": 1}                                  | year
            age above 20               | {"year": 2024, "adults": 1, "childrenAges": [3, 21]}         | childrenAges[1]
            negative age               | {"year": 2024, "adults": 1, "childrenAges": [-1]}            | childrenAges[0]
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
                .contains("ingen riksnorm för år 2031").contains("2024");
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
