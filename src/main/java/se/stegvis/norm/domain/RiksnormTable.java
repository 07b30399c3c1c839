package se.stegvis.norm.domain;

import java.util.Map;
import java.util.OptionalLong;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Reads the riksnorm from the deployed decision tables in {@code processes/riksnorm.dmn}, always the newest
 * version a process owner deployed. A year or a person the table does not know is an error, never zero.
 */
@Component
public class RiksnormTable {

    public static final String PERSONAL_COSTS_DECISION = "riksnorm-personliga-kostnader";
    public static final String HOUSEHOLD_COSTS_DECISION = "riksnorm-gemensamma-kostnader";
    /** The prisbasbelopp per year (kr per year), in the same file so that a new year is one file's edit. */
    public static final String PRISBASBELOPP_DECISION = "prisbasbelopp";
    /** The household-common table has rows for 1 to this many persons; rule 5 extends it. */
    public static final int LARGEST_TABULATED_HOUSEHOLD = 7;

    private final DeployedDecisions decisions;

    public RiksnormTable(DeployedDecisions decisions) {
        this.decisions = decisions;
    }

    /** The personal amount for one row, for a child who eats lunch at home; {@code age} is ignored for adults. */
    public long personalAmount(int year, PersonRole role, Integer age) {
        return personalAmount(year, role, age, true);
    }

    /**
     * The personal amount for one row; {@code age} is ignored for adults. {@code lunchAtHome} false asks for the
     * amount of a child who does not eat lunch at home every weekday: the table's row for that, or its row that holds
     * whatever the child's lunch (the column left empty). A year whose table has neither is missing.
     */
    public long personalAmount(int year, PersonRole role, Integer age, boolean lunchAtHome) {
        return single(PERSONAL_COSTS_DECISION, personalVariables(year, role, age, lunchAtHome), year,
                describe(role, age) + (lunchAtHome ? "" : ", äter inte lunch hemma"));
    }

    /**
     * The amount for a child who does not eat lunch at home, if the year's table has one for the age (empty when it
     * has only the amount for a child eating lunch at home).
     */
    public OptionalLong amountWithoutLunchAtHome(int year, PersonRole role, int age) {
        DmnDecisionResult result = decisions.evaluate(PERSONAL_COSTS_DECISION, personalVariables(year, role, age, false));
        return result.isEmpty() ? OptionalLong.empty() : OptionalLong.of(amount(result,
                PERSONAL_COSTS_DECISION, year, describe(role, age)));
    }

    private static Map<String, Object> personalVariables(int year, PersonRole role, Integer age, boolean lunchAtHome) {
        return Variables.createVariables()
                .putValue("ar", year)
                .putValue("person", role.name())
                .putValue("alder", age)
                .putValue("lunchHemma", lunchAtHome);
    }

    /** The household-common amount for 1–7 persons as tabulated. */
    public long householdAmount(int year, int householdSize) {
        if (householdSize < 1 || householdSize > LARGEST_TABULATED_HOUSEHOLD) {
            throw new IllegalArgumentException("householdSize must be 1–7, was " + householdSize);
        }
        var vars = Variables.createVariables().putValue("ar", year).putValue("hushallsstorlek", householdSize);
        return single(HOUSEHOLD_COSTS_DECISION, vars, year, "gemensamma kostnader, " + householdSize + " personer");
    }

    /** The prisbasbelopp of the year, kronor per year (the cap of a child's or school youth's uncounted work income). */
    public long prisbasbelopp(int year) {
        var vars = Variables.createVariables().putValue("ar", year);
        return single(PRISBASBELOPP_DECISION, vars, year, "prisbasbelopp");
    }

    /** Whether the table has the year: the adults' personal amounts, every household size and the prisbasbelopp. */
    public boolean hasYear(int year) {
        try {
            personalAmount(year, PersonRole.ENSAMSTAENDE_VUXEN, null);
            personalAmount(year, PersonRole.SAMBOR, null);
            for (int size = 1; size <= LARGEST_TABULATED_HOUSEHOLD; size++) {
                householdAmount(year, size);
            }
            prisbasbelopp(year);
            return true;
        } catch (NormYearMissingException e) {
            return false;
        }
    }

    private long single(String decisionKey, Map<String, Object> vars, int year, String what) {
        DmnDecisionResult result = decisions.evaluate(decisionKey, vars);
        if (result.isEmpty()) {
            throw new NormYearMissingException(year, what);
        }
        return amount(result, decisionKey, year, what);
    }

    private static long amount(DmnDecisionResult result, String decisionKey, int year, String what) {
        Object amount = result.getSingleResult().getSingleEntry();
        if (!(amount instanceof Number number)) {
            throw new IllegalStateException(decisionKey + " gave no amount for " + what + " " + year);
        }
        return number.longValue();
    }

    private static String describe(PersonRole role, Integer age) {
        return switch (role) {
            case BARN, SKOLUNGDOM -> role.name().toLowerCase() + " " + age + " år";
            case ENSAMSTAENDE_VUXEN -> "ensamstående vuxen";
            case SAMBOR -> "sambor";
        };
    }
}
