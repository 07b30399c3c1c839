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
        return RiksnormReference.rows().stream().filter(r -> RiksnormReference.PERSONAL.equals(r.table()));
    }

    static Stream<RiksnormReference.Row> householdRows() {
        return RiksnormReference.rows().stream().filter(r -> RiksnormReference.HOUSEHOLD.equals(r.table()));
    }

    @Test
    void referenceCoversFourYearsOfSeventeenAmounts() {
        assertThat(RiksnormReference.years()).containsExactly(2022, 2023, 2024, 2025);
        assertThat(RiksnormReference.rows()).hasSize(4 * 17);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("personalRows")
    void personalAmountForEveryAgeOfTheRow(RiksnormReference.Row row) {
        if (row.ageFrom() == null) {
            assertThat(personal(row.year(), row.key(), null)).containsExactly(row.amount());
            return;
        }
        IntStream.rangeClosed(row.ageFrom(), row.ageTo()).forEach(age ->
                assertThat(personal(row.year(), row.key(), age)).as("age %d", age).containsExactly(row.amount()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("householdRows")
    void householdAmount(RiksnormReference.Row row) {
        assertThat(household(row.year(), row.householdSize())).containsExactly(row.amount());
    }

    @ParameterizedTest
    @ValueSource(ints = {2021, 2026})
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
        Map<String, Object> vars = new HashMap<>();
        vars.put("ar", year);
        vars.put("person", role);
        vars.put("alder", age);
        return amounts(engine.evaluateDecisionTable(decisions.get(RiksnormTable.PERSONAL_COSTS_DECISION), vars));
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
