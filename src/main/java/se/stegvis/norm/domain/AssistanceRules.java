package se.stegvis.norm.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * The rules that switch on by date, from the decision tables of {@code processes/bistandsregler.dmn} that the process
 * owner edits (the rules of 2027-01-01, prop. 2025/26:201: large households, the riksnorm as a ceiling, lawful
 * residence, second-hand lets). Each is asked for the first day of the month calculated.
 */
@Component
public class AssistanceRules {

    public static final String LARGE_HOUSEHOLD_DECISION = "storhushall-begransning";
    public static final String NORM_CEILING_DECISION = "riksnorm-tak";
    public static final String LAWFUL_RESIDENCE_DECISION = "laglig-vistelse";
    public static final String SECOND_HAND_LET_DECISION = "andrahandsuthyrning";

    private final DeployedDecisions decisions;

    public AssistanceRules(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /**
     * By how many percent a child's riksnorm amount is cut in a large household (0 for none).
     *
     * @param couple       the parents are a married or sambo couple (else a single parent)
     * @param fromOldest   the child's number counted from the oldest (1 = the oldest)
     * @param fromYoungest the child's number counted from the youngest (1 = the youngest)
     */
    public int largeHouseholdCutPercent(YearMonth month, boolean couple, int fromOldest, int fromYoungest) {
        DmnDecisionResult result = decisions.evaluate(LARGE_HOUSEHOLD_DECISION, Variables.createVariables()
                .putValue("manad", firstDay(month))
                .putValue("foraldrar", couple ? "SAMBOR" : "ENSAMSTAENDE")
                .putValue("barnFranAldsta", fromOldest)
                .putValue("barnFranYngsta", fromYoungest));
        if (result.isEmpty()) {
            return 0;
        }
        int percent = number(result, LARGE_HOUSEHOLD_DECISION).intValue();
        if (percent < 0 || percent > 100) {
            throw new IllegalStateException(LARGE_HOUSEHOLD_DECISION + " gav " + percent + " %, ska vara 0–100");
        }
        return percent;
    }

    /** Whether the riksnorm is a ceiling in the month: no supplement to the norm items may be granted. */
    public boolean normIsCeiling(YearMonth month) {
        DmnDecisionResult result = decisions.evaluate(NORM_CEILING_DECISION,
                Variables.createVariables().putValue("manad", firstDay(month)));
        return !result.isEmpty() && Boolean.TRUE.equals(result.getSingleResult().getSingleEntry());
    }

    /** What the application gets under the rules on lawful residence. */
    public AssistanceForm assistanceForm(YearMonth month, LawfulResidence residence) {
        DmnDecisionResult result = decisions.evaluate(LAWFUL_RESIDENCE_DECISION, Variables.createVariables()
                .putValue("manad", firstDay(month)).putValue("vistelse", residence.name()));
        if (result.isEmpty()) {
            throw new IllegalStateException("Tabellen " + LAWFUL_RESIDENCE_DECISION + " svarar inte för " + month
                    + " och " + residence + ". En processägare rättar processes/bistandsregler.dmn.");
        }
        Object form = result.getSingleResult().getSingleEntry();
        return AssistanceForm.valueOf(String.valueOf(form));
    }

    /** Whether the housing cost is accepted at all on these terms (a second-hand let without consent, from 2027). */
    public boolean housingCostAccepted(YearMonth month, HousingTerms terms) {
        DmnDecisionResult result = decisions.evaluate(SECOND_HAND_LET_DECISION, Variables.createVariables()
                .putValue("manad", firstDay(month))
                .putValue("andrahand", terms.secondHandLet())
                .putValue("samtycke", terms.consent()));
        if (result.isEmpty()) {
            throw new IllegalStateException("Tabellen " + SECOND_HAND_LET_DECISION + " svarar inte för " + month
                    + ". En processägare rättar processes/bistandsregler.dmn.");
        }
        return Boolean.TRUE.equals(result.getSingleResult().getSingleEntry());
    }

    private static LocalDate firstDay(YearMonth month) {
        return month.atDay(1);
    }

    private static Number number(DmnDecisionResult result, String key) {
        if (!(result.getSingleResult().getSingleEntry() instanceof Number n)) {
            throw new IllegalStateException(key + " gav inget tal");
        }
        return n;
    }
}
