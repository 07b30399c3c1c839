package se.stegvis.norm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.stegvis.support.RiksnormDeployments;

/**
 * The rules of 2027-01-01 in a calculation, on an engine with the released tables ({@code processes/riksnorm.dmn},
 * {@code skalig-boendekostnad.dmn}, {@code bistandsregler.dmn}) and a <b>test-only</b> riksnorm for 2027: the 2026
 * rows copied as 2027 ({@link RiksnormDeployments#withYearCopied}). The real 2027 amounts are not known yet; until a
 * process owner adds them, 2027 months wait (shown last).
 */
class Rules2027Test {

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder().build();

    static final YearMonth DECEMBER_2026 = YearMonth.of(2026, 12);
    static final YearMonth JANUARY_2027 = YearMonth.of(2027, 1);

    ProcessEngine processEngine;
    NormCalculator calculator;
    AssistanceRules rules;
    final List<String> deployments = new java.util.ArrayList<>();

    @BeforeEach
    void withATestTableFor2027() {
        DeployedDecisions decisions = new DeployedDecisions(processEngine.getRepositoryService());
        rules = new AssistanceRules(decisions);
        calculator = new NormCalculator(new RiksnormTable(decisions), new HousingCostCeiling(decisions), rules);
        deployments.add(deploy(RiksnormDeployments.withYearCopied(RiksnormDeployments.production(), 2026, 2027),
                "processes/skalig-boendekostnad.dmn", "processes/bistandsregler.dmn"));
    }

    /** Deploys a riksnorm table and released tables of {@code processes/}; returns the deployment's id. */
    private String deploy(String riksnorm, String... released) {
        var deployment = processEngine.getRepositoryService().createDeployment().addString("riksnorm.dmn", riksnorm);
        for (String file : released) {
            deployment.addString(file.substring(file.lastIndexOf('/') + 1),
                    RiksnormDeployments.read(java.nio.file.Path.of(file)));
        }
        return deployment.deploy().getId();
    }

    @AfterEach
    void removeTheTables() {
        deployments.forEach(id -> processEngine.getRepositoryService().deleteDeployment(id, true));
    }

    private NormResult calculate(YearMonth month, Household household) {
        return calculator.calculate(NormInput.of(month, household, ReasonableCosts.NONE, List.of()));
    }

    private static List<NormLine> lines(NormResult result, NormRule rule) {
        return result.lines().stream().filter(line -> line.rule() == rule).toList();
    }

    // --- Large households: from the fourth child, counted from the oldest -----------------------------------------

    @Test
    void aCouplesFourthChildCountedFromTheOldestIsCutBy75PercentFrom2027() {
        Household household = Household.of(2, 8, 14, 10, 12);
        NormResult december = calculate(DECEMBER_2026, household);
        NormResult january = calculate(JANUARY_2027, household);

        assertThat(lines(december, NormRule.LARGE_FAMILY_LIMIT)).as("no cut before 2027").isEmpty();
        // The 8-year-old is the fourth from the oldest (14, 12, 10, 8): 3 820 kr (2026 amount) − 75 % = −2 865 kr.
        List<NormLine> cut = lines(january, NormRule.LARGE_FAMILY_LIMIT);
        assertThat(cut).extracting(NormLine::amount).containsExactly(-2_865L);
        assertThat(cut.get(0).description()).contains("barn 1 i ansökan (8 år, nummer 4 från det äldsta", "75 %");
        assertThat(january.norm()).isEqualTo(december.norm() - 2_865);
    }

    @Test
    void aSingleParentsFourthAndFifthChildAreCutBy40Percent() {
        NormResult january = calculate(JANUARY_2027, Household.of(1, 14, 12, 10, 8, 8));
        // Children of the same age count in the order of the application: both 8-year-olds are number 4 and 5.
        assertThat(lines(january, NormRule.LARGE_FAMILY_LIMIT)).extracting(NormLine::amount)
                .containsExactly(-1_528L, -1_528L);
        assertThat(calculate(JANUARY_2027, Household.of(1, 14, 12, 10)).lines())
                .noneMatch(line -> line.rule() == NormRule.LARGE_FAMILY_LIMIT);
    }

    @Test
    void childrenAreNumberedFromTheOldest() {
        assertThat(NormCalculator.numbersFromTheOldest(List.of(Household.Child.aged(3), Household.Child.aged(9),
                Household.Child.aged(3), Household.Child.aged(16)))).containsExactly(3, 2, 4, 1);
    }

    // --- The riksnorm as a ceiling ----------------------------------------------------------------------------------

    @Test
    void fromJanuary2027ASupplementToTheNormItemsIsRefusedAndOtherLivingCostsStayTheirOwnLine() {
        Adjustment costlierFood = new Adjustment("Fördyrad kost", 600, Adjustment.Kind.NORM_SUPPLEMENT);
        Adjustment glasses = new Adjustment("Glasögon", 1_200, Adjustment.Kind.OTHER_LIVING_COSTS);

        NormResult december = calculator.calculate(new NormInput(DECEMBER_2026, Household.of(1), null, null, 0,
                List.of(costlierFood)));
        assertThat(december.lines()).contains(new NormLine("Fördyrad kost", 600, NormRule.ADJUSTMENT));

        assertThatThrownBy(() -> calculator.calculate(new NormInput(JANUARY_2027, Household.of(1), null, null, 0,
                List.of(costlierFood, glasses))))
                .isInstanceOf(NormCeilingException.class).hasMessageContaining("2027-01", "tak");
        assertThat(calculator.normSupplementAllowed(DECEMBER_2026)).isTrue();
        assertThat(calculator.normSupplementAllowed(JANUARY_2027)).isFalse();

        NormResult january = calculator.calculate(new NormInput(JANUARY_2027, Household.of(1), null, null, 0,
                List.of(glasses, new Adjustment("Nedsättning", -500, Adjustment.Kind.REDUCTION))));
        assertThat(january.lines()).contains(new NormLine("Glasögon", 1_200, NormRule.ADJUSTMENT),
                new NormLine("Nedsättning", -500, NormRule.ADJUSTMENT));
    }

    // --- Second-hand lets --------------------------------------------------------------------------------------------

    @Test
    void fromJanuary2027ASecondHandLetWithoutConsentGetsNoHousingCostWithALineSayingWhy() {
        ReasonableCosts rent = new ReasonableCosts(4_000, 0, 0, 0, 0);
        HousingTerms withoutConsent = new HousingTerms(true, false);

        NormResult december = calculator.calculate(new NormInput(DECEMBER_2026, Household.of(1), rent, null, 0,
                null, withoutConsent));
        assertThat(december.reasonableCosts()).isEqualTo(4_000);

        NormResult january = calculator.calculate(new NormInput(JANUARY_2027, Household.of(1), rent, null, 0, null,
                withoutConsent));
        assertThat(january.reasonableCosts()).isZero();
        assertThat(lines(january, NormRule.SECOND_HAND_LET_WITHOUT_CONSENT)).singleElement()
                .satisfies(line -> assertThat(line.amount()).isZero())
                .satisfies(line -> assertThat(line.description()).contains("4000 kr", "andra hand", "samtycke"));

        assertThat(calculator.calculate(new NormInput(JANUARY_2027, Household.of(1), rent, null, 0, null,
                new HousingTerms(true, true))).reasonableCosts()).isEqualTo(4_000);
        assertThat(calculator.calculate(new NormInput(JANUARY_2027, Household.of(1), rent, null, 0, null,
                HousingTerms.FIRST_HAND)).reasonableCosts()).isEqualTo(4_000);
    }

    // --- Lawful residence ------------------------------------------------------------------------------------------

    @Test
    void fromJanuary2027SomeoneNotLawfullyResidentGetsOnlyNodbistand() {
        assertThat(rules.assistanceForm(DECEMBER_2026, LawfulResidence.NEJ)).isEqualTo(AssistanceForm.FULLT);
        assertThat(rules.assistanceForm(JANUARY_2027, LawfulResidence.NEJ)).isEqualTo(AssistanceForm.NODBISTAND);
        assertThat(rules.assistanceForm(JANUARY_2027, LawfulResidence.JA)).isEqualTo(AssistanceForm.FULLT);
        assertThat(rules.assistanceForm(JANUARY_2027, LawfulResidence.EJ_KANT)).isEqualTo(AssistanceForm.UTRED);
    }

    // --- Without the test table, 2027 waits ---------------------------------------------------------------------------

    @Test
    void withTheReleasedTableWithout2027TheMonthCannotBeCalculatedAndWaits() {
        deployments.add(deploy(RiksnormDeployments.production()));
        assertThatThrownBy(() -> calculate(JANUARY_2027, Household.of(1)))
                .isInstanceOf(NormYearMissingException.class).hasMessageContaining("2027");
    }
}
