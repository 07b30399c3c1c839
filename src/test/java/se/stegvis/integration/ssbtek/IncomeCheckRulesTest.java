package se.stegvis.integration.ssbtek;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.letter.SwedishFormat.kronor;

import java.time.YearMonth;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import se.stegvis.application.domain.ApplicationIncome;
import se.stegvis.application.domain.ApplicationWarning.Code;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.IncomeKind;

class IncomeCheckRulesTest {

    static final YearMonth MARCH = YearMonth.of(2025, 3);
    static final Household SINGLE = Household.of(1);
    static final long CEILING = 6_800;

    final IncomeCheckRules rules = new IncomeCheckRules(100);

    static RegisterAnswer registers(RegisteredIncome... incomes) {
        return new RegisterAnswer(List.of(incomes), OptionalInt.empty(), OptionalLong.empty());
    }

    static ApplicationIncome declared(String name, IncomeKind kind, long amount) {
        return new ApplicationIncome(name, kind, amount);
    }

    List<RegisterFinding> compare(List<ApplicationIncome> declared, RegisterAnswer answer) {
        return rules.compare(MARCH, declared, SINGLE, 6_000, CEILING, answer);
    }

    @Test
    void noWarningWhenDeclaredMatchesRegisteredWithinTolerance() {
        var findings = compare(List.of(declared("Lön", IncomeKind.EMPLOYMENT, 9_350),
                        declared("Bostadsbidrag från FK", IncomeKind.OTHER, 1_300)),
                registers(new RegisteredIncome(RegisterSource.SKV, "Lön Byggbolaget AB", 9_400),
                        new RegisteredIncome(RegisterSource.FK, "Bostadsbidrag", 1_300)));
        assertThat(findings).isEmpty();
    }

    @Test
    void registeredIncomeWithNoDeclaredCounterpartIsNotDeclared() {
        var findings = compare(List.of(declared("Lön", IncomeKind.EMPLOYMENT, 9_400)),
                registers(new RegisteredIncome(RegisterSource.SKV, "Lön", 9_400),
                        new RegisteredIncome(RegisterSource.FK, "Bostadsbidrag", 1_300)));
        assertThat(findings).containsExactly(new RegisterFinding(Code.INKOMST_EJ_UPPGIVEN,
                "Försäkringskassan anger " + kronor(1_300) + " i inkomst för mars 2025 (Bostadsbidrag "
                        + kronor(1_300) + ") som inte finns i ansökan."));
    }

    @Test
    void differenceAboveToleranceIsChangedIncomeAndExactlyToleranceIsNot() {
        var changed = compare(List.of(declared("Lön", IncomeKind.EMPLOYMENT, 9_299)),
                registers(new RegisteredIncome(RegisterSource.SKV, "Lön", 9_400)));
        assertThat(changed).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Code.INKOMST_ANDRAD);
            assertThat(f.message()).contains("Skatteverket anger " + kronor(9_400), "ansökan anger " + kronor(9_299),
                    "skillnad " + kronor(101));
        });
        assertThat(compare(List.of(declared("Lön", IncomeKind.EMPLOYMENT, 9_300)),
                registers(new RegisteredIncome(RegisterSource.SKV, "Lön", 9_400)))).isEmpty();
    }

    @Test
    void incomesAreComparedAsTotalsPerSource() {
        // Two declared salaries against one registered total from Skatteverket: equal in sum, no warning.
        var findings = compare(List.of(declared("Månadslön", IncomeKind.EMPLOYMENT, 6_000),
                        declared("Timlön helger", IncomeKind.EMPLOYMENT, 3_400)),
                registers(new RegisteredIncome(RegisterSource.SKV, "Lön A", 5_000),
                        new RegisteredIncome(RegisterSource.SKV, "Lön B", 4_400)));
        assertThat(findings).isEmpty();
    }

    @Test
    void aDeclaredIncomeFromAnotherSourceIsNoCounterpart() {
        // Declared sjukpenning (FK) does not cover the a-kassa's payment.
        var findings = compare(List.of(declared("Sjukpenning", IncomeKind.OTHER, 8_000)),
                registers(new RegisteredIncome(RegisterSource.AKASSA, "Inkomstrelaterad ersättning", 8_000)));
        assertThat(findings).extracting(RegisterFinding::code).containsExactly(Code.INKOMST_EJ_UPPGIVEN);
        assertThat(findings.get(0).message()).startsWith("Arbetslöshetskassan anger");
    }

    @Test
    void declaredIncomeNotInTheRegistersGivesNoWarning() {
        assertThat(compare(List.of(declared("Underhåll från pappa", IncomeKind.OTHER, 1_500)), RegisterAnswer.EMPTY))
                .isEmpty();
    }

    @Test
    void sourceByKeywordThenSharedWordThenKind() {
        List<RegisteredIncome> reg = List.of(new RegisteredIncome(RegisterSource.AF, "Ersättning Jobbspåret", 1));
        assertThat(IncomeCheckRules.sourceOf(declared("Studiemedel", IncomeKind.OTHER, 1), reg)).contains(RegisterSource.CSN);
        assertThat(IncomeCheckRules.sourceOf(declared("Ersättning från a-kassan", IncomeKind.OTHER, 1), reg))
                .contains(RegisterSource.AKASSA);
        assertThat(IncomeCheckRules.sourceOf(declared("Aktivitetsstöd", IncomeKind.OTHER, 1), reg)).contains(RegisterSource.AF);
        assertThat(IncomeCheckRules.sourceOf(declared("Barnbidrag", IncomeKind.OTHER, 1), reg)).contains(RegisterSource.FK);
        assertThat(IncomeCheckRules.sourceOf(declared("Min lön", IncomeKind.OTHER, 1), reg)).contains(RegisterSource.SKV);
        assertThat(IncomeCheckRules.sourceOf(declared("jobbspåret", IncomeKind.OTHER, 1), reg)).contains(RegisterSource.AF);
        assertThat(IncomeCheckRules.sourceOf(declared("Byggbolaget AB", IncomeKind.EMPLOYMENT, 1), reg))
                .contains(RegisterSource.SKV);
        assertThat(IncomeCheckRules.sourceOf(declared("Swish från mamma", IncomeKind.OTHER, 1), reg)).isEmpty();
        // Short words are not matched inside others: "af" is not in "kaffe".
        assertThat(IncomeCheckRules.sourceOf(declared("Kaffeförsäljning", IncomeKind.OTHER, 1), List.of())).isEmpty();
    }

    @Test
    void householdSizeDifferingFromAdultsAndChildren() {
        var answer = new RegisterAnswer(List.of(), OptionalInt.of(4), OptionalLong.empty());
        assertThat(rules.compare(MARCH, List.of(), Household.of(2, 4), 0, 99_000, answer))
                .containsExactly(new RegisterFinding(Code.HUSHALL_ANDRAT,
                        "Registren anger 4 personer i hushållet för mars 2025, ansökan anger 3 personer (2 vuxna, 1 barn)."));
    }

    @Test
    void householdSizeEqualGivesNoWarningAndOthersSharingHomeDoNotCount() {
        var answer = new RegisterAnswer(List.of(), OptionalInt.of(2), OptionalLong.empty());
        assertThat(rules.compare(MARCH, List.of(), Household.withAges(1, List.of(5), 1), 0, 99_000, answer)).isEmpty();
        var single = rules.compare(MARCH, List.of(), SINGLE, 0, 99_000, answer);
        assertThat(single).containsExactly(new RegisterFinding(Code.HUSHALL_ANDRAT,
                "Registren anger 2 personer i hushållet för mars 2025, ansökan anger 1 person (1 vuxen, 0 barn)."));
    }

    @Test
    void housingCostDifferingFromRegisterBeyondTolerance() {
        var answer = new RegisterAnswer(List.of(), OptionalInt.empty(), OptionalLong.of(6_500));
        assertThat(rules.compare(MARCH, List.of(), SINGLE, 6_000, CEILING, answer)).containsExactly(
                new RegisterFinding(Code.BOENDEKOSTNAD_ANDRAD, "Registren anger boendekostnaden " + kronor(6_500)
                        + " för mars 2025, ansökan anger " + kronor(6_000) + " (skillnad " + kronor(500) + ")."));
        assertThat(rules.compare(MARCH, List.of(), SINGLE, 6_400, CEILING, answer)).isEmpty();
    }

    @Test
    void housingAboveCeilingNeedsNoRegister() {
        assertThat(rules.compare(MARCH, List.of(), SINGLE, 7_400, CEILING, RegisterAnswer.EMPTY)).containsExactly(
                new RegisterFinding(Code.KOSTNAD_OVER_TAK, "Boendekostnaden " + kronor(7_400) + " är " + kronor(600)
                        + " högre än kommunens tak " + kronor(6_800) + " för 1 person."));
        assertThat(rules.compare(MARCH, List.of(), SINGLE, 6_800, CEILING, RegisterAnswer.EMPTY)).isEmpty();
    }

    @Test
    void coupleAnswersAreCombinedApplicantFirst() {
        var applicant = new RegisterAnswer(List.of(new RegisteredIncome(RegisterSource.AKASSA, "A-kassa", 12_100)),
                OptionalInt.empty(), OptionalLong.of(10_900));
        var coApplicant = new RegisterAnswer(List.of(new RegisteredIncome(RegisterSource.CSN, "Studiemedel", 3_400)),
                OptionalInt.of(4), OptionalLong.of(9_000));
        var both = applicant.and(coApplicant);
        assertThat(both.incomes()).extracting(RegisteredIncome::source)
                .containsExactly(RegisterSource.AKASSA, RegisterSource.CSN);
        assertThat(both.householdSize()).hasValue(4);
        assertThat(both.housingCost()).hasValue(10_900);
        var findings = rules.compare(MARCH, List.of(declared("A-kassa", IncomeKind.OTHER, 12_100)),
                Household.of(2, 3, 7), 10_900, 11_300, both);
        assertThat(findings).extracting(RegisterFinding::code).containsExactly(Code.INKOMST_EJ_UPPGIVEN);
        assertThat(findings.get(0).message()).startsWith("CSN anger " + kronor(3_400));
    }

    @Test
    void messagesNeverNameAPersonnummerAndFitTheColumn() {
        var many = new RegisteredIncome[40];
        for (int i = 0; i < many.length; i++) {
            many[i] = new RegisteredIncome(RegisterSource.SKV, "Lön från arbetsgivare nummer " + i, 1_000);
        }
        var findings = compare(List.of(), registers(many));
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message().length()).isLessThanOrEqualTo(500));
    }
}
