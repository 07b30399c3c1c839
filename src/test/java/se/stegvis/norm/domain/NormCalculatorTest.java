package se.stegvis.norm.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.support.StegvisSpringTest;

/**
 * The calculation against the deployed decision tables: the worked examples of the riksnorm rules, each rule, and the
 * rounding. Expected amounts come from the reference table or are worked out by hand in the test.
 */
@StegvisSpringTest
class NormCalculatorTest {

    static final YearMonth JAN_2024 = YearMonth.of(2024, 1);

    @Autowired
    NormCalculator calculator;

    @Autowired
    RiksnormTable riksnorm;

    @Autowired
    HousingCostCeiling housingCeiling;

    private NormResult calculate(Household household) {
        return calculator.calculate(NormInput.of(JAN_2024, household, ReasonableCosts.NONE, List.of()));
    }

    private NormResult calculate(NormInput input) {
        return calculator.calculate(input);
    }

    // --- The deployed tables answer as the reference ------------------------------------------------------------

    @Test
    void deployedTablesAnswerEveryReferenceAmount() {
        for (RiksnormReference.Row row : RiksnormReference.rows()) {
            if (RiksnormReference.HOUSEHOLD.equals(row.table())) {
                assertThat(riksnorm.householdAmount(row.year(), row.householdSize())).as(row.toString())
                        .isEqualTo(row.amount());
            } else if (row.ageFrom() == null) {
                assertThat(riksnorm.personalAmount(row.year(), row.role(), null)).as(row.toString())
                        .isEqualTo(row.amount());
            } else {
                for (int age = row.ageFrom(); age <= row.ageTo(); age++) {
                    assertThat(riksnorm.personalAmount(row.year(), row.role(), age, row.lunchAtHome()))
                            .as(row + " age " + age).isEqualTo(row.amount());
                }
            }
        }
        assertThat(riksnorm.hasYear(2024)).isTrue();
        assertThat(riksnorm.hasYear(2026)).isTrue();
        assertThat(riksnorm.hasYear(2030)).isFalse();
        assertThat(riksnorm.prisbasbelopp(2026)).isEqualTo(59_200);
    }

    // --- Worked examples (riksnorm rules, 2024) --------------------------------------------------------------------

    @Test
    void singleAdult() {
        NormResult result = calculate(Household.of(1));
        assertThat(result.norm()).isEqualTo(5_030);
        assertThat(result.assistance()).isEqualTo(5_030);
        assertThat(result.lines()).extracting(NormLine::amount).containsExactly(3_800L, 1_230L);
    }

    @Test
    void coupleGetsOneJointAmount() {
        NormResult result = calculate(Household.of(2));
        assertThat(result.norm()).isEqualTo(8_210);
        assertThat(result.lines().get(0)).isEqualTo(new NormLine("Makar/sambor tillsammans", 6_850, NormRule.COUPLE));
    }

    @Test
    void coupleWithChildrenFourAndEight() {
        NormResult result = calculate(Household.of(2, 4, 8));
        assertThat(result.personalCosts()).isEqualTo(13_470);
        assertThat(result.householdCosts()).isEqualTo(1_950);
        assertThat(result.norm()).isEqualTo(15_420);
        assertThat(result.lines()).extracting(NormLine::description, NormLine::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Makar/sambor tillsammans", 6_850L),
                org.assertj.core.groups.Tuple.tuple("Barn 4 år", 2_940L),
                org.assertj.core.groups.Tuple.tuple("Barn 8 år", 3_680L),
                org.assertj.core.groups.Tuple.tuple("Gemensamma hushållskostnader, 4 personer", 1_950L));
    }

    @Test
    void singleParentWithNewborn() {
        assertThat(calculate(Household.of(1, 0)).norm()).isEqualTo(7_800);
    }

    @Test
    void singleAdultWithRentElectricityInsuranceAndIncome() {
        NormResult result = calculate(NormInput.of(JAN_2024, Household.of(1),
                new ReasonableCosts(5_000, 300, 0, 150, 0), List.of(Income.other("Lön", 2_000))));
        assertThat(result.reasonableCosts()).isEqualTo(5_450);
        assertThat(result.incomes()).isEqualTo(2_000);
        assertThat(result.assistance()).isEqualTo(8_480);
        assertThat(result.lines()).extracting(NormLine::amount).containsExactly(3_800L, 1_230L, 5_000L, 300L, 150L,
                -2_000L);
        assertThat(result.lines().stream().mapToLong(NormLine::amount).sum()).isEqualTo(8_480);
    }

    @Test
    void sharedHomeSocialstyrelsensExample() {
        // One adult applies and shares a home of five persons: 3 800 + 2 240 / 5 = 4 248.
        NormResult result = calculate(new Household(1, List.of(), 4));
        assertThat(result.householdCosts()).isEqualTo(448);
        assertThat(result.norm()).isEqualTo(4_248);
        assertThat(result.lines().get(1).rule()).isEqualTo(NormRule.SHARED_HOME);
    }

    // --- Age bands: every boundary --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} år")
    @ValueSource(ints = {0, 1, 2, 3, 4, 6, 7, 10, 11, 14, 15, 18, 19, 20})
    void childAmountAtEachBandBoundary(int age) {
        for (int year : RiksnormReference.years()) {
            PersonRole role = age <= 18 ? PersonRole.BARN : PersonRole.SKOLUNGDOM;
            NormResult result = calculator.calculate(NormInput.of(YearMonth.of(year, 6), Household.of(1, age),
                    ReasonableCosts.NONE, List.of()));
            assertThat(result.personalCosts()).as("%d, %d år", year, age).isEqualTo(
                    RiksnormReference.personal(year, PersonRole.ENSAMSTAENDE_VUXEN, null)
                            + RiksnormReference.personal(year, role, age));
            assertThat(result.householdCosts()).isEqualTo(RiksnormReference.household(year, 2));
        }
    }

    // --- Children who do not eat lunch at home (riksnorm 2026) ----------------------------------------------------

    @ParameterizedTest(name = "{0} år")
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void twentySixChildWithoutLunchAtHomeGetsTheLowerAmountAndTheLineSaysWhy(int age) {
        long full = RiksnormReference.personal(2026, PersonRole.BARN, age, true);
        long lower = RiksnormReference.personal(2026, PersonRole.BARN, age, false);
        NormResult result = calculate(NormInput.of(YearMonth.of(2026, 12),
                new Household(1, List.of(new Household.Child(age, false)), 0), ReasonableCosts.NONE, List.of()));
        assertThat(result.lines().get(1)).isEqualTo(new NormLine("Barn " + age
                + " år, äter inte lunch hemma alla vardagar: lägre belopp (fullt belopp " + full + " kr)", lower,
                NormRule.CHILD_WITHOUT_LUNCH_AT_HOME));
        assertThat(NormRule.CHILD_WITHOUT_LUNCH_AT_HOME.text(YearMonth.of(2026, 12)))
                .contains("socialtjänstförordningen (2025:468) 12 kap. 2 §");
        NormResult atHome = calculate(NormInput.of(YearMonth.of(2026, 12), Household.of(1, age), ReasonableCosts.NONE,
                List.of()));
        assertThat(atHome.lines().get(1)).isEqualTo(new NormLine("Barn " + age + " år, äter lunch hemma: fullt belopp",
                full, NormRule.PERSONAL_COSTS));
        assertThat(atHome.norm() - result.norm()).isEqualTo(full - lower).isPositive();
    }

    @Test
    void schoolChildWithoutLunchAtHomeKeepsTheOneAmountOfItsAge() {
        NormResult result = calculate(NormInput.of(YearMonth.of(2026, 3),
                new Household(2, List.of(new Household.Child(8, false)), 0), ReasonableCosts.NONE, List.of()));
        assertThat(result.lines().get(1)).isEqualTo(new NormLine("Barn 8 år (samma belopp var barnet än äter lunch)",
                3_820, NormRule.PERSONAL_COSTS));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {2022, 2023, 2024, 2025})
    void yearWithoutALowerAmountRefusesTheChildNamingItsPlaceAndTheYear(int year) {
        Household household = new Household(2, List.of(Household.Child.aged(9), new Household.Child(3, false)), 0);
        assertThatThrownBy(() -> calculate(NormInput.of(YearMonth.of(year, 5), household, ReasonableCosts.NONE,
                List.of())))
                .isInstanceOfSatisfying(LunchAmountMissingException.class, e -> {
                    assertThat(e.year()).isEqualTo(year);
                    assertThat(e.childIndex()).isEqualTo(1);
                    assertThat(e.getMessage()).contains(String.valueOf(year), "3 år", "gissas inte");
                });
        assertThat(calculate(NormInput.of(YearMonth.of(year, 5), Household.of(2, 9, 3), ReasonableCosts.NONE,
                List.of())).lines().get(2).description()).isEqualTo("Barn 3 år");
    }

    @Test
    void personalRuleCitesTheOrdinanceOfTheMonth() {
        assertThat(NormRule.PERSONAL_COSTS.text(YearMonth.of(2025, 6))).contains("(2001:937) 2 kap. 1 §");
        assertThat(NormRule.PERSONAL_COSTS.text(YearMonth.of(2025, 7))).contains("(2025:468) 12 kap. 2 §");
        assertThat(NormRule.HOUSING.text(YearMonth.of(2026, 1))).isEqualTo(NormRule.HOUSING.text(YearMonth.of(2024, 1)));
    }

    @Test
    void schoolYouthLineNamesItsRule() {
        NormLine youth = calculate(Household.of(1, 19)).lines().get(1);
        assertThat(youth).isEqualTo(new NormLine("Hemmavarande skolungdom 19 år", 4_820, NormRule.SCHOOL_YOUTH));
    }

    // --- More than 7 persons ---------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} personer: {1} kr")
    @CsvSource({
            "7, 2730", // tabulated
            "8, 2920", // 2 730 + (2 730 − 2 540)
            "10, 3300" // 2 730 + 3 × 190
    })
    void householdCommonAmountBeyondSevenPersons(int persons, long expected) {
        Integer[] children = new Integer[persons - 2];
        java.util.Arrays.fill(children, 5);
        NormResult result = calculate(Household.of(2, children));
        assertThat(result.householdCosts()).isEqualTo(expected);
        assertThat(result.lines().get(result.lines().size() - 1).rule())
                .isEqualTo(persons > 7 ? NormRule.LARGE_HOUSEHOLD : NormRule.HOUSEHOLD_COSTS);
        assertThat(result.norm()).isEqualTo(6_850 + (persons - 2) * 2_940L + expected);
    }

    @Test
    void largeHouseholdExtensionFollowsTheYear() {
        NormResult result = calculator.calculate(NormInput.of(YearMonth.of(2022, 3), Household.of(2, 1, 3, 5, 7, 9,
                11, 13), ReasonableCosts.NONE, List.of()));
        assertThat(result.householdCosts()).isEqualTo(2_310 + 2 * (2_310 - 2_140));
    }

    // --- Shared homes: pro rata, rounded half up -------------------------------------------------------------------

    @ParameterizedTest(name = "{0} vuxna, {1} barn, {2} andra: {3} kr")
    @CsvSource({
            "1, 0, 3, 488",  // 1 950 / 4 = 487.5 → 488 (half up)
            "1, 0, 2, 573",  // 1 720 / 3 = 573.33 → 573
            "2, 0, 1, 1147", // 1 720 × 2/3 = 1 146.67 → 1 147
            "1, 1, 2, 975",  // 1 950 × 2/4 = 975
            "1, 0, 7, 365"   // 8 persons: 2 920 / 8 = 365
    })
    void sharedHomeSharesTheWholeHomesAmount(int adults, int children, int others, long expected) {
        List<Integer> ages = java.util.Collections.nCopies(children, 10);
        NormResult result = calculate(Household.withAges(adults, ages, others));
        assertThat(result.householdCosts()).isEqualTo(expected);
        assertThat(result.norm()).isEqualTo(result.personalCosts() + expected);
    }

    // --- Costs and incomes -----------------------------------------------------------------------------------------

    @Test
    void housingAboveTheCeilingIsAcceptedUpToTheCeiling() {
        long ceiling = housingCeiling.ceiling(3);
        NormResult result = calculate(NormInput.of(JAN_2024, Household.of(1, 3, 5),
                new ReasonableCosts(ceiling + 1_500, 0, 0, 0, 0), List.of()));
        assertThat(result.reasonableCosts()).isEqualTo(ceiling);
        NormLine housing = result.lines().get(4);
        assertThat(housing.rule()).isEqualTo(NormRule.HOUSING);
        assertThat(housing.amount()).isEqualTo(ceiling);
        assertThat(housing.description()).contains(String.valueOf(ceiling + 1_500), "3 personer");
    }

    @Test
    void everyReasonableCostIsItsOwnLine() {
        NormResult result = calculate(NormInput.of(JAN_2024, Household.of(1), new ReasonableCosts(4_000, 250, 800,
                120, 450), List.of()));
        assertThat(result.reasonableCosts()).isEqualTo(4_000 + 250 + 800 + 120 + 450);
        assertThat(result.lines()).extracting(NormLine::rule).containsExactly(NormRule.PERSONAL_COSTS,
                NormRule.HOUSEHOLD_COSTS, NormRule.HOUSING, NormRule.ELECTRICITY, NormRule.WORK_TRAVEL,
                NormRule.HOME_INSURANCE, NormRule.UNION_AND_UNEMPLOYMENT_FUND);
        assertThat(result.assistance()).isEqualTo(5_030 + 5_620);
    }

    @Test
    void incomesLargerThanTheNeedGiveNoAssistance() {
        NormResult result = calculate(NormInput.of(JAN_2024, Household.of(2, 4, 8), new ReasonableCosts(7_000, 0, 0,
                0, 0), List.of(Income.other("Lön", 20_000), Income.other("Barnbidrag", 2_500))));
        assertThat(result.incomes()).isEqualTo(22_500);
        assertThat(result.assistance()).isZero();
        assertThat(result.lines().stream().mapToLong(NormLine::amount).sum()).isEqualTo(15_420 + 7_000 - 22_500);
    }

    @Test
    void unknownYearIsAClearError() {
        assertThatThrownBy(() -> calculator.calculate(NormInput.of(YearMonth.of(2031, 1), Household.of(1),
                ReasonableCosts.NONE, List.of())))
                .isInstanceOf(NormYearMissingException.class)
                .hasMessageContaining("2031")
                .satisfies(e -> assertThat(((NormYearMissingException) e).year()).isEqualTo(2031));
    }

    @Test
    void invalidHouseholdsAreRejected() {
        assertThatThrownBy(() -> new Household(3, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Household(0, List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Household.of(1, 21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Household.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Income.other("Lön", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReasonableCosts(-1, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- Child income exemption ------------------------------------------------------------------------------------

    @ParameterizedTest(name = "exempt earlier {0} kr → {1} kr not counted")
    @CsvSource({
            "0, 3000",      // whole income within the prisbasbelopp
            "56000, 1300",  // 57 300 − 56 000 left this year
            "57300, 0",     // the year's prisbasbelopp used up
            "60000, 0"
    })
    void childWorkIncomeIsNotCountedUpToOnePrisbasbeloppAYear(long exemptEarlier, long exempt) {
        NormResult result = calculate(NormInput.of(JAN_2024, Household.of(1, 16), ReasonableCosts.NONE,
                List.of(Income.childWork("Sommarjobb", 3_000, exemptEarlier))));
        assertThat(result.incomes()).isEqualTo(3_000 - exempt);
        assertThat(result.assistance()).isEqualTo(3_800 + 4_780 + 1_360 - (3_000 - exempt));
        assertThat(result.lines().stream().filter(l -> l.rule() == NormRule.CHILD_WORK_INCOME_EXEMPT)
                .mapToLong(NormLine::amount).sum()).isEqualTo(exempt);
    }

    @Test
    void childWorkIncomeNeedsAChild() {
        assertThatThrownBy(() -> calculate(NormInput.of(JAN_2024, Household.of(1), ReasonableCosts.NONE,
                List.of(Income.childWork("Sommarjobb", 1_000, 0))))).isInstanceOf(IllegalArgumentException.class);
    }

    // --- Jobbstimulans ---------------------------------------------------------------------------------------------

    private NormResult withSalary(YearMonth month, Income salary, int consecutiveMonths) {
        return calculator.calculate(new NormInput(month, Household.of(1), ReasonableCosts.NONE, List.of(salary),
                consecutiveMonths, List.of()));
    }

    @Test
    void jobbstimulansStartsAfterSixConsecutiveMonths() {
        // 10 001 kr: 2 501 not counted (25 % rounded up in the client's favour), 7 500 counted.
        NormResult afterSix = withSalary(JAN_2024, Income.employment("Lön", 10_001), 6);
        assertThat(afterSix.incomes()).isEqualTo(7_500);
        assertThat(afterSix.lines()).filteredOn(l -> l.rule() == NormRule.JOBBSTIMULANS)
                .extracting(NormLine::amount).containsExactly(2_501L);
        assertThat(afterSix.assistance()).isZero();

        NormResult afterFive = withSalary(JAN_2024, Income.employment("Lön", 10_001), 5);
        assertThat(afterFive.incomes()).isEqualTo(10_001);
        assertThat(afterFive.lines()).noneMatch(l -> l.rule() == NormRule.JOBBSTIMULANS);
    }

    @Test
    void jobbstimulansReducesCountedSalaryByAQuarter() {
        NormResult result = withSalary(JAN_2024, Income.employment("Lön", 4_000), 8);
        assertThat(result.incomes()).isEqualTo(3_000);
        assertThat(result.assistance()).isEqualTo(5_030 - 3_000);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2022-12, false", // before the start
            "2023-01, true",  // first month
            "2024-12, true",  // 24th month
            "2025-01, false"  // the two years are over, whatever the support history
    })
    void jobbstimulansLastsTwoYearsFromItsStart(String month, boolean applies) {
        NormResult result = withSalary(YearMonth.parse(month), Income.employment("Lön", 2_000,
                YearMonth.of(2023, 1)), 30);
        assertThat(result.incomes()).isEqualTo(applies ? 1_500 : 2_000);
    }

    @Test
    void jobbstimulansDoesNotTouchOtherIncomes() {
        NormResult result = calculator.calculate(new NormInput(JAN_2024, Household.of(1), ReasonableCosts.NONE,
                List.of(Income.other("Aktivitetsstöd", 2_000)), 12, List.of()));
        assertThat(result.incomes()).isEqualTo(2_000);
    }

    // --- Adjustments -----------------------------------------------------------------------------------------------

    @Test
    void adjustmentsAreLinesOfTheirOwn() {
        NormResult result = calculator.calculate(new NormInput(JAN_2024, Household.of(1), ReasonableCosts.NONE,
                List.of(), 0, List.of(new Adjustment("Nedsättning: avböjt erbjudande", -1_000))));
        assertThat(result.adjustments()).isEqualTo(-1_000);
        assertThat(result.assistance()).isEqualTo(4_030);
        assertThat(result.lines().get(2)).isEqualTo(new NormLine("Nedsättning: avböjt erbjudande", -1_000,
                NormRule.ADJUSTMENT));
    }
}
