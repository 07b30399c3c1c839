package se.stegvis.norm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision tables in {@code processes/riksnorm.dmn} and {@code processes/skalig-boendekostnad.dmn}, as a process
 * owner edits them, evaluated with Camunda's standalone DMN engine: every amount of every year in the reference, every
 * age inside every band, and nothing for what the tables do not know.
 */
class RiksnormDecisionTest {

    static DmnEngine engine;
    static Map<String, DmnDecision> decisions = new HashMap<>();

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        for (String file : List.of("processes/riksnorm.dmn", "processes/skalig-boendekostnad.dmn")) {
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                engine.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
            }
        }
    }

    static Stream<RiksnormReference.Row> personalRows() {
        return RiksnormReference.rows().stream().filter(RiksnormReference.Row::personal);
    }

    static Stream<RiksnormReference.Row> householdRows() {
        return RiksnormReference.rows().stream().filter(r -> RiksnormReference.HOUSEHOLD.equals(r.table()));
    }

    @Test
    void referenceCoversFiveYearsOfSeventeenAmountsAndTheLowerAmountsOf2026() {
        assertThat(RiksnormReference.years()).containsExactly(2022, 2023, 2024, 2025, 2026);
        assertThat(RiksnormReference.rows()).hasSize(5 * 17 + 4);
        assertThat(RiksnormReference.rows()).filteredOn(row -> !row.lunchAtHome())
                .extracting(RiksnormReference.Row::year).containsOnly(2026);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalRows")
    void personalAmountForEveryAgeOfTheRow(RiksnormReference.Row row) {
        if (row.ageFrom() == null) {
            assertThat(personal(row.year(), row.key(), null, true)).containsExactly(row.amount());
            assertThat(personal(row.year(), row.key(), null, false)).as("adults: lunch does not matter")
                    .containsExactly(row.amount());
            return;
        }
        IntStream.rangeClosed(row.ageFrom(), row.ageTo()).forEach(age ->
                assertThat(personal(row.year(), row.key(), age, row.lunchAtHome())).as("age %d", age)
                        .containsExactly(row.amount()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2022, 2023, 2024, 2025})
    void beforeTwentySixNoLowerAmountForAChildWithoutLunchAtHome(int year) {
        for (int age = 0; age <= 6; age++) {
            assertThat(personal(year, "BARN", age, false)).as("age %d", age).isEmpty();
            assertThat(personal(year, "BARN", age, true)).as("age %d", age).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2022, 2023, 2024, 2025, 2026})
    void fromSevenTheAmountDoesNotDependOnLunch(int year) {
        for (int age = 7; age <= 20; age++) {
            String role = age <= 18 ? "BARN" : "SKOLUNGDOM";
            assertThat(personal(year, role, age, false)).as("age %d", age).hasSize(1)
                    .isEqualTo(personal(year, role, age, true));
        }
    }

    @Test
    void twentySixHasALowerAmountForEveryAgeUpToSix() {
        for (int age = 0; age <= 6; age++) {
            long full = personal(2026, "BARN", age, true).get(0);
            assertThat(personal(2026, "BARN", age, false)).as("age %d", age).singleElement()
                    .satisfies(lower -> assertThat(lower).isLessThan(full));
        }
    }

    @Test
    void everyDecisionCitesTheNewAndTheOldOrdinance() {
        for (String key : List.of(RiksnormTable.PERSONAL_COSTS_DECISION, RiksnormTable.HOUSEHOLD_COSTS_DECISION)) {
            String description = descriptionOf(key);
            assertThat(description).as(key).contains("socialtjänstförordningen (2025:468) 12 kap. 2 §",
                    "socialtjänstförordningen (2001:937) 2 kap. 1 §");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("householdRows")
    void householdAmount(RiksnormReference.Row row) {
        assertThat(household(row.year(), row.householdSize())).containsExactly(row.amount());
    }

    @ParameterizedTest
    @ValueSource(ints = {2021, 2027})
    void yearOutsideTheTableHasNoAmount(int year) {
        assertThat(personal(year, "ENSAMSTAENDE_VUXEN", null)).isEmpty();
        assertThat(personal(year, "BARN", 5)).isEmpty();
        assertThat(household(year, 1)).isEmpty();
        assertThat(prisbasbelopp(year)).isEmpty();
    }

    @Test
    void childRowsEndAt18AndSchoolYouthRowsStartAt19() {
        assertThat(personal(2024, "BARN", 19)).isEmpty();
        assertThat(personal(2024, "SKOLUNGDOM", 18)).isEmpty();
        assertThat(personal(2024, "SKOLUNGDOM", 21)).isEmpty();
        assertThat(household(2024, 8)).as("beyond 7 persons the calculation extends the table").isEmpty();
    }

    @Test
    void prisbasbeloppForEveryYearOfTheNorm() {
        assertThat(prisbasbelopp(2024)).containsExactly(57_300L);
        assertThat(prisbasbelopp(2025)).containsExactly(58_800L);
        assertThat(prisbasbelopp(2026)).containsExactly(59_200L);
        for (int year : RiksnormReference.years()) {
            assertThat(prisbasbelopp(year)).as("prisbasbelopp %d", year).hasSize(1);
        }
    }

    @Test
    void housingCeilingForEverySizeAndNeverSmallerForMorePersons() {
        long previous = 0;
        for (int size = 1; size <= 12; size++) {
            var result = engine.evaluateDecisionTable(decisions.get(HousingCostCeiling.DECISION),
                    Map.of("hushallsstorlek", size));
            assertThat(result).as("size %d", size).hasSize(1);
            long ceiling = ((Number) result.getSingleEntry()).longValue();
            assertThat(ceiling).as("size %d", size).isGreaterThanOrEqualTo(previous).isPositive();
            previous = ceiling;
        }
        assertThat(engine.evaluateDecisionTable(decisions.get(HousingCostCeiling.DECISION),
                Map.of("hushallsstorlek", 0))).isEmpty();
    }

    private static List<Long> personal(int year, String role, Integer age) {
        return personal(year, role, age, true);
    }

    private static List<Long> personal(int year, String role, Integer age, boolean lunchAtHome) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("ar", year);
        vars.put("person", role);
        vars.put("alder", age);
        vars.put("lunchHemma", lunchAtHome);
        return amounts(engine.evaluateDecisionTable(decisions.get(RiksnormTable.PERSONAL_COSTS_DECISION), vars));
    }

    private static String descriptionOf(String key) {
        try {
            String xml = Files.readString(Path.of("processes/riksnorm.dmn"));
            int decision = xml.indexOf("<decision id=\"" + key + "\"");
            int start = xml.indexOf("<description>", decision) + "<description>".length();
            return xml.substring(start, xml.indexOf("</description>", start));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Long> household(int year, int size) {
        return amounts(engine.evaluateDecisionTable(decisions.get(RiksnormTable.HOUSEHOLD_COSTS_DECISION),
                Map.of("ar", year, "hushallsstorlek", size)));
    }

    private static List<Long> prisbasbelopp(int year) {
        return amounts(engine.evaluateDecisionTable(decisions.get(RiksnormTable.PRISBASBELOPP_DECISION),
                Map.of("ar", year)));
    }

    private static List<Long> amounts(DmnDecisionTableResult result) {
        return result.collectEntries("belopp").stream().map(v -> ((Number) v).longValue()).toList();
    }
}
