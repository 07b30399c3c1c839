package se.stegvis.norm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rules of 2027-01-01 in {@code processes/bistandsregler.dmn}, as a process owner edits them, on Camunda's
 * standalone DMN engine: each switches on with the month of January 2027 and not a day before, and each says where it
 * comes from and that it is to be confirmed against SFS.
 */
class AssistanceRulesDecisionTest {

    static final LocalDate DECEMBER_2026 = LocalDate.of(2026, 12, 1);
    static final LocalDate JANUARY_2027 = LocalDate.of(2027, 1, 1);

    static DmnEngine engine;
    static Map<String, DmnDecision> decisions = new HashMap<>();
    static String xml;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        Path file = Path.of("processes/bistandsregler.dmn");
        xml = Files.readString(file);
        try (InputStream in = Files.newInputStream(file)) {
            engine.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
        }
    }

    @Test
    void everyRuleCitesItsSourceAndAsksToBeConfirmedAgainstSfs() {
        assertThat(decisions).containsOnlyKeys(AssistanceRules.LARGE_HOUSEHOLD_DECISION,
                AssistanceRules.NORM_CEILING_DECISION, AssistanceRules.LAWFUL_RESIDENCE_DECISION,
                AssistanceRules.SECOND_HAND_LET_DECISION);
        for (String key : decisions.keySet()) {
            int at = xml.indexOf("<decision id=\"" + key + "\"");
            String description = xml.substring(xml.indexOf("<description>", at), xml.indexOf("</description>", at));
            assertThat(description).as(key).contains("prop. 2025/26:201", "bekräfta mot SFS");
        }
    }

    @ParameterizedTest(name = "{0}, barn {1} av {2}: {3} %")
    @CsvSource({
            "SAMBOR, 3, 5, 0", "SAMBOR, 4, 5, 75", "SAMBOR, 5, 5, 75",
            "ENSAMSTAENDE, 3, 4, 0", "ENSAMSTAENDE, 4, 4, 40", "ENSAMSTAENDE, 6, 6, 40"})
    void largeHouseholdsFromTheFourthChildCountedFromTheOldest(String parents, int fromOldest, int children,
                                                               int percent) {
        assertThat(largeHousehold(JANUARY_2027, parents, fromOldest, children + 1 - fromOldest))
                .isEqualTo(List.of(percent).stream().filter(p -> p > 0).toList());
        assertThat(largeHousehold(DECEMBER_2026, parents, fromOldest, children + 1 - fromOldest))
                .as("before 2027 no child is cut").isEmpty();
    }

    @Test
    void theNormIsACeilingFromJanuary2027() {
        assertThat(single(AssistanceRules.NORM_CEILING_DECISION, Map.of("manad", DECEMBER_2026))).isEqualTo(false);
        assertThat(single(AssistanceRules.NORM_CEILING_DECISION, Map.of("manad", JANUARY_2027))).isEqualTo(true);
        assertThat(single(AssistanceRules.NORM_CEILING_DECISION, Map.of("manad", LocalDate.of(2031, 6, 1))))
                .isEqualTo(true);
    }

    @ParameterizedTest(name = "{0}: {1} före 2027, {2} från 2027")
    @CsvSource({"JA, FULLT, FULLT", "NEJ, FULLT, NODBISTAND", "EJ_KANT, FULLT, UTRED"})
    void lawfulResidenceFromJanuary2027(String residence, String before, String from) {
        assertThat(single(AssistanceRules.LAWFUL_RESIDENCE_DECISION,
                Map.of("manad", DECEMBER_2026, "vistelse", residence))).isEqualTo(before);
        assertThat(single(AssistanceRules.LAWFUL_RESIDENCE_DECISION,
                Map.of("manad", JANUARY_2027, "vistelse", residence))).isEqualTo(from);
        AssistanceForm.valueOf(from);
    }

    @ParameterizedTest(name = "andra hand {0}, samtycke {1}: {2} före 2027, {3} från 2027")
    @CsvSource({"false, false, true, true", "true, true, true, true", "true, false, true, false"})
    void secondHandLetWithoutConsentHasNoHousingCostFromJanuary2027(boolean secondHand, boolean consent,
                                                                   boolean before, boolean from) {
        assertThat(single(AssistanceRules.SECOND_HAND_LET_DECISION,
                Map.of("manad", DECEMBER_2026, "andrahand", secondHand, "samtycke", consent))).isEqualTo(before);
        assertThat(single(AssistanceRules.SECOND_HAND_LET_DECISION,
                Map.of("manad", JANUARY_2027, "andrahand", secondHand, "samtycke", consent))).isEqualTo(from);
    }

    private static List<Integer> largeHousehold(LocalDate month, String parents, int fromOldest, int fromYoungest) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(
                decisions.get(AssistanceRules.LARGE_HOUSEHOLD_DECISION), Map.of("manad", month, "foraldrar", parents,
                        "barnFranAldsta", fromOldest, "barnFranYngsta", fromYoungest));
        return result.collectEntries("sankningProcent").stream().map(v -> ((Number) v).intValue()).toList();
    }

    private static Object single(String key, Map<String, Object> variables) {
        DmnDecisionTableResult result = engine.evaluateDecisionTable(decisions.get(key), variables);
        assertThat(result).as(key + " " + variables).hasSize(1);
        return result.getSingleResult().getSingleEntry();
    }
}
