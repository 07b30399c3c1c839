package se.stegvis.journey.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.stegvis.placement.domain.PlacementType;

/**
 * The decision {@code insatsval} in processes/insatsval.dmn, as a process owner edits it, evaluated with Camunda's
 * standalone DMN engine on inputs made by {@link Mapping#insatsvalInputs()} — so the table's input names and the
 * mapping's answers cannot drift apart.
 */
class InsatsvalDecisionTest {

    static final Path FILE = Path.of("processes/insatsval.dmn");
    static DmnEngine engine;
    static DmnDecision insatsval;

    @BeforeAll
    static void parse() throws IOException {
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(FILE)) {
            insatsval = engine.parseDecision("insatsval", in);
        }
    }

    /** A person ready for a workplace, fluent, healthy, goal work, out of work 3 months, upper secondary school. */
    static Mapping.Builder readyForWork() {
        return Mapping.forJourney(UUID.randomUUID()).education(EducationLevel.GYMNASIAL).swedish(SwedishLevel.FLYTANDE)
                .goal(OwnGoal.ARBETE, "Lagerarbetare").readyForCompanyPlacement(true).monthsSinceLastJob(3);
    }

    static DmnDecisionTableResult evaluate(Mapping.Builder builder) {
        return engine.evaluateDecisionTable(insatsval, builder.mappedBy("coach1", Instant.now()).insatsvalInputs());
    }

    static List<PlacementType> proposals(Mapping.Builder builder) {
        return evaluate(builder).<String>collectEntries("insats").stream().map(PlacementType::valueOf).toList();
    }

    @Test
    void readyForAWorkplacePraktikComesFirst() {
        assertThat(proposals(readyForWork())).containsExactly(PlacementType.PRAKTIK);
    }

    @Test
    void longWithoutWorkAndReadyAddsNystartsjobbAfterPraktik() {
        assertThat(proposals(readyForWork().monthsSinceLastJob(12)))
                .containsExactly(PlacementType.PRAKTIK, PlacementType.NYSTARTSJOBB);
        assertThat(proposals(readyForWork().monthsSinceLastJob(11))).doesNotContain(PlacementType.NYSTARTSJOBB);
    }

    @Test
    void neverWorkedCountsAsLongWithoutWork() {
        assertThat(proposals(readyForWork().monthsSinceLastJob(null))).contains(PlacementType.NYSTARTSJOBB);
    }

    @Test
    void readyWithLanguageNeedsGetsCompanyBasedAndSubsidisedFirstThenKombinationsutbildning() {
        assertThat(proposals(readyForWork().swedish(SwedishLevel.SFI_C).monthsSinceLastJob(24))).containsExactly(
                PlacementType.PRAKTIK, PlacementType.NYSTARTSJOBB, PlacementType.INTRODUKTIONSJOBB,
                PlacementType.KOMBINATIONSUTBILDNING);
    }

    @Test
    void languageNeedsGiveKombinationsutbildning() {
        assertThat(proposals(readyForWork().readyForCompanyPlacement(false).swedish(SwedishLevel.SFI_B)))
                .containsExactly(PlacementType.KOMBINATIONSUTBILDNING, PlacementType.ARBETSTRANING);
        assertThat(proposals(readyForWork().readyForCompanyPlacement(false).swedish(SwedishLevel.SVA)))
                .contains(PlacementType.KOMBINATIONSUTBILDNING);
    }

    @Test
    void sfiBeginnerStartsWithSfi() {
        assertThat(proposals(readyForWork().readyForCompanyPlacement(false).swedish(SwedishLevel.SFI_A)))
                .containsExactly(PlacementType.SFI, PlacementType.ARBETSTRANING);
    }

    @Test
    void parentalLeaveWithSfiBGivesFlexSfiSoLanguageLearningDoesNotStop() {
        List<PlacementType> proposals = proposals(readyForWork().swedish(SwedishLevel.SFI_B).parentalLeave(true));
        assertThat(proposals).containsExactly(PlacementType.FLEX_SFI);
    }

    @Test
    void parentalLeaveNeverProposesAWorkplaceOrOrdinarySfi() {
        for (SwedishLevel level : SwedishLevel.values()) {
            assertThat(proposals(readyForWork().swedish(level).parentalLeave(true).monthsSinceLastJob(40)))
                    .as(level.name())
                    .doesNotContain(PlacementType.PRAKTIK, PlacementType.NYSTARTSJOBB, PlacementType.SFI,
                            PlacementType.KOMBINATIONSUTBILDNING);
        }
        assertThat(proposals(readyForWork().swedish(SwedishLevel.SVA).parentalLeave(true))).containsExactly(PlacementType.SVA);
        assertThat(proposals(readyForWork().parentalLeave(true))).as("fluent, on leave: nothing to propose").isEmpty();
    }

    @Test
    void healthLimitsGiveIpsStyleSupportedEmploymentWithRehabAlongside() {
        assertThat(proposals(readyForWork().healthLimits("Ryggbesvär, tål inte tunga lyft")))
                .containsExactly(PlacementType.ANSTALLNING_MED_STOD_LONEBIDRAG, PlacementType.HALSA_REHAB);
        assertThat(proposals(readyForWork().readyForCompanyPlacement(false).healthLimits("Depression")))
                .as("IPS: not first made ready").containsExactly(PlacementType.ANSTALLNING_MED_STOD_LONEBIDRAG,
                        PlacementType.HALSA_REHAB);
    }

    @Test
    void goalStudiesGivesTheStudyRoute() {
        assertThat(proposals(readyForWork().goal(OwnGoal.STUDIER, "Sjuksköterska").readyForCompanyPlacement(false)))
                .containsExactly(PlacementType.STUDIER);
        assertThat(proposals(readyForWork().goal(OwnGoal.STUDIER, "Elektriker").swedish(SwedishLevel.SFI_D)))
                .containsExactly(PlacementType.KOMBINATIONSUTBILDNING, PlacementType.STUDIER);
        assertThat(proposals(readyForWork().goal(OwnGoal.STUDIER, null).healthLimits("Migrän")))
                .containsExactly(PlacementType.HALSA_REHAB, PlacementType.STUDIER);
    }

    @Test
    void notReadyWithoutUpperSecondarySchoolAlsoGetsTheStudyRoute() {
        assertThat(proposals(readyForWork().readyForCompanyPlacement(false).education(EducationLevel.FORGYMNASIAL_9_AR)))
                .containsExactly(PlacementType.ARBETSTRANING, PlacementType.STUDIER);
        assertThat(proposals(readyForWork().readyForCompanyPlacement(false)))
                .containsExactly(PlacementType.ARBETSTRANING);
    }

    @Test
    void everyProposalHasASwedishMotivation() {
        DmnDecisionTableResult result = evaluate(readyForWork().swedish(SwedishLevel.SFI_C).monthsSinceLastJob(24));
        assertThat(result).isNotEmpty();
        for (DmnDecisionRuleResult rule : result) {
            Map<String, Object> entries = rule.getEntryMap();
            assertThat((String) entries.get("motivering")).as(entries.get("insats") + "").isNotBlank();
        }
        assertThat(result.get(0).<String>getEntry("motivering")).contains("praktik");
    }

    @ParameterizedTest
    @EnumSource(PlacementType.class)
    void everyProposalIsAPlacementTypeTheTableCanReach(PlacementType type) {
        // ARBETSTRANING .. HALSA_REHAB: every type of intervention is proposed by at least one rule.
        DmnModelInstance model = Dmn.readModelFromFile(FILE.toFile());
        assertThat(model.getModelElementsByType(Rule.class))
                .anySatisfy(r -> assertThat(r.getOutputEntries().iterator().next().getTextContent())
                        .isEqualTo("\"" + type.name() + "\""));
    }

    @Test
    void everyRuleSaysWhy() {
        DmnModelInstance model = Dmn.readModelFromFile(FILE.toFile());
        assertThat(model.getModelElementsByType(Rule.class)).hasSizeGreaterThanOrEqualTo(10).allSatisfy(r ->
                assertThat(r.getDescription()).as(r.getId()).isNotNull()
                        .satisfies(d -> assertThat(d.getTextContent()).hasSizeGreaterThan(40)));
    }
}
