package se.stegvis.letter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import se.stegvis.letter.DecisionLetter.Calculation;
import se.stegvis.letter.DecisionLetter.CalculationLine;
import se.stegvis.letter.DecisionLetter.Recipient;
import se.stegvis.letter.DecisionLetter.Reduction;

/** Synthetic letters for the tests: a parent with one child, invented names and amounts. */
final class SampleLetters {

    static final LocalDate DECISION_DATE = LocalDate.of(2026, 11, 22);
    static final LocalDate PAYMENT_DATE = LocalDate.of(2026, 11, 27);
    static final YearMonth MONTH = YearMonth.of(2026, 12);
    static final Recipient RECIPIENT = new Recipient("Åsa Öberg Ekström",
            List.of("Ängsvägen 4 B", "123 45 Stegvis"), "19850312-XXXX");

    /** Norm 8 200 + costs 8 430 − incomes 2 610 = 14 020 kr. */
    static final Calculation NEED = Calculation.of(
            List.of(line("Personliga kostnader, vuxen", 3_790),
                    line("Personliga kostnader, barn 7–10 år", 2_990),
                    line("Gemensamma hushållskostnader, 2 personer", 1_420)),
            List.of(line("Hyra", 7_850), line("Hushållsel", 420), line("Hemförsäkring", 160)),
            List.of(line("Barnbidrag", 1_250), line("Bostadsbidrag", 1_360)));

    /** The same household with a salary: incomes 21 610 exceed the need, assistance 0 kr. */
    static final Calculation SURPLUS = Calculation.of(NEED.normLines(), NEED.costLines(),
            List.of(line("Barnbidrag", 1_250), line("Bostadsbidrag", 1_360), line("Lön", 19_000)));

    /** Rent applied for 9 850 kr, granted at the reasonable level 7 850 kr that the calculation uses. */
    static final String PARTIAL_REASONS = """
            Du har ansökt om bistånd till hyra med 9 850 kr. Skälig boendekostnad för ett hushåll med en vuxen \
            och ett barn är i kommunen högst 7 850 kr per månad. Vi har därför räknat med 7 850 kr i hyra.

            Övriga kostnader har beviljats enligt beräkningen.""";

    static final String REFUSAL_REASONS = "Hushållets inkomster för december 2026 är högre än behovet enligt "
            + "riksnormen och de skäliga kostnaderna. Du har därför inte rätt till försörjningsstöd.";

    private SampleLetters() {}

    static CalculationLine line(String description, long amount) {
        return new CalculationLine(description, amount);
    }

    static DecisionLetter grant() {
        return new DecisionLetter("EB-2026-000123", RECIPIENT, DECISION_DATE, MONTH, DecisionKind.BIFALL, 14_020,
                NEED, null, null, "Karin Lindqvist", null, PAYMENT_DATE);
    }

    static DecisionLetter partialGrant() {
        return new DecisionLetter("EB-2026-000124", RECIPIENT, DECISION_DATE, MONTH, DecisionKind.DELVIS_BIFALL,
                14_020, NEED, PARTIAL_REASONS, null, "Karin Lindqvist", "Johan Åkesson", PAYMENT_DATE);
    }

    static DecisionLetter refusal() {
        return new DecisionLetter("EB-2026-000125", RECIPIENT, DECISION_DATE, MONTH, DecisionKind.AVSLAG, 0,
                SURPLUS, REFUSAL_REASONS, null, "Karin Lindqvist", "Johan Åkesson", null);
    }

    static DecisionLetter grantWithReduction() {
        return new DecisionLetter("EB-2026-000126", RECIPIENT, DECISION_DATE, MONTH, DecisionKind.BIFALL, 13_020,
                NEED, null, new Reduction("frånvaro från anvisad praktik (beslut 10 november 2026)", 1_000),
                "Karin Lindqvist", null, PAYMENT_DATE);
    }

    static DecisionLetter refusalDecidedOn(LocalDate decisionDate) {
        DecisionLetter r = refusal();
        return new DecisionLetter(r.caseReference(), r.recipient(), decisionDate, YearMonth.from(decisionDate),
                r.kind(), r.grantedAmount(), r.calculation(), r.reasons(), null, r.caseworkerName(),
                r.approverName(), null);
    }

    static DecisionLetter refusalWithReasons(String reasons) {
        DecisionLetter r = refusal();
        return new DecisionLetter(r.caseReference(), r.recipient(), r.decisionDate(), r.monthApplied(), r.kind(),
                r.grantedAmount(), r.calculation(), reasons, null, r.caseworkerName(), r.approverName(), null);
    }
}
