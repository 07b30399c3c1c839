package se.stegvis.norm.domain;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;

/**
 * Calculates a month's försörjningsstöd: the household's riksnorm from the decision tables in
 * {@code processes/riksnorm.dmn}, plus reasonable costs, minus counted incomes, plus adjustments. Every amount is whole
 * kronor ({@code long}); every line names its {@link NormRule}.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li>Personal amounts: a couple gets the one {@code SAMBOR} amount, a single adult (also one sharing a home
 *       without being a partner) the {@code ENSAMSTAENDE_VUXEN} amount; each child the amount of their age band, a
 *       19–20-year-old the amount of a school youth living at home. A child who does not eat lunch at home every
 *       weekday gets the table's lower amount where the year has one for the age (0–6 years from 2026); a year
 *       without it refuses the child ({@link LunchAmountMissingException}), never guessing.</li>
 *   <li>Household-common amount for the number of persons; beyond 7 persons,
 *       (gemensamma 7 − gemensamma 6) is added per extra person.</li>
 *   <li>Shared home ({@link Household#othersSharingHome()} &gt; 0): the household-common amount for the whole home's
 *       size times applicants / home size (Socialstyrelsen's example, 2024: 3 800 + 2 240 / 5 = 4 248).</li>
 *   <li>Housing is accepted up to the municipality's ceiling ({@link HousingCostCeiling}) for the number of persons
 *       applied for; the other reasonable costs are accepted as they are.</li>
 *   <li>Incomes are counted in full, except: a child's or school youth's own work income is not counted up to one
 *       prisbasbelopp per calendar year ({@code prisbasbelopp} decision); while jobbstimulans applies to an employment
 *       income (from the 7th consecutive month with support, for 24 months from its first month), 25 % of it is not
 *       counted.</li>
 *   <li>assistance = max(0, norm + reasonable costs − counted incomes + adjustments).</li>
 * </ol>
 *
 * <h2>Rounding</h2>
 * The table amounts and all inputs are whole kronor, so only two results can have öre:
 * <ul>
 *   <li>a shared home's pro-rata household-common amount is rounded half up to whole kronor;</li>
 *   <li>jobbstimulans: the counted 75 % is rounded down, i.e. the uncounted 25 % rounded up, in the client's
 *       favour (10 001 kr → 2 501 kr not counted, 7 500 kr counted).</li>
 * </ul>
 *
 * <h2>Rules that switch on by date ({@link AssistanceRules}, {@code processes/bistandsregler.dmn})</h2>
 * <ul>
 *   <li>Large households: the table cuts a child's personal amount by a percentage, from the child's number counted
 *       from the oldest or the youngest (from 2027-01: the fourth child on, 75 % for a couple, 40 % for a single
 *       parent); the cut is its own negative line.</li>
 *   <li>The riksnorm as a ceiling: a positive {@link Adjustment.Kind#NORM_SUPPLEMENT} is refused
 *       ({@link NormCeilingException}); other living costs stay their own lines.</li>
 *   <li>A second-hand let without consent: no housing cost, a line of 0 kr saying why.</li>
 * </ul>
 *
 * <p>A year the tables do not have raises {@link NormYearMissingException}, a missing lower amount
 * {@link LunchAmountMissingException} (both {@link NormDataMissingException}); invalid input raises
 * {@link IllegalArgumentException}.
 */
@Service
public class NormCalculator {

    /** Jobbstimulans starts after this many consecutive months with försörjningsstöd. */
    public static final int JOBBSTIMULANS_QUALIFYING_MONTHS = 6;
    /** Jobbstimulans applies for this many months from its first month. */
    public static final int JOBBSTIMULANS_PERIOD_MONTHS = 24;

    private final RiksnormTable riksnorm;
    private final HousingCostCeiling housingCeiling;
    private final AssistanceRules rules;

    public NormCalculator(RiksnormTable riksnorm, HousingCostCeiling housingCeiling, AssistanceRules rules) {
        this.riksnorm = riksnorm;
        this.housingCeiling = housingCeiling;
        this.rules = rules;
    }

    /** Calculates the month; see the class description for the rules and the rounding. */
    public NormResult calculate(NormInput input) {
        YearMonth month = input.month();
        Household household = input.household();
        List<NormLine> lines = new ArrayList<>();

        long personal = personalLines(month, household, lines);
        long common = householdLine(month.getYear(), household, lines);
        long costs = costLines(month, input.costs(), input.housing(), household.applicants(), lines);
        long incomes = incomeLines(input, lines);
        boolean ceiling = input.adjustments().stream()
                .anyMatch(a -> a.kind() == Adjustment.Kind.NORM_SUPPLEMENT && a.amount() > 0)
                && rules.normIsCeiling(month);
        long adjustments = 0;
        for (Adjustment adjustment : input.adjustments()) {
            if (ceiling && adjustment.kind() == Adjustment.Kind.NORM_SUPPLEMENT && adjustment.amount() > 0) {
                throw new NormCeilingException(month);
            }
            lines.add(new NormLine(adjustment.description(), adjustment.amount(), NormRule.ADJUSTMENT));
            adjustments = Math.addExact(adjustments, adjustment.amount());
        }

        long norm = personal + common;
        long total = Math.addExact(Math.subtractExact(Math.addExact(norm, costs), incomes), adjustments);
        return new NormResult(input.month(), personal, common, norm, costs, incomes, adjustments,
                Math.max(0, total), lines);
    }

    /**
     * The household's personal amounts for the month alone (no costs, no incomes): throws what
     * {@link #calculate} would for the persons — {@link NormYearMissingException}, {@link LunchAmountMissingException}.
     */
    public long personalCosts(YearMonth month, Household household) {
        return personalLines(month, household, new ArrayList<>());
    }

    /** Whether a supplement to the norm items can be granted for the month (not where the riksnorm is a ceiling). */
    public boolean normSupplementAllowed(YearMonth month) {
        return !rules.normIsCeiling(month);
    }

    private long personalLines(YearMonth month, Household household, List<NormLine> lines) {
        int year = month.getYear();
        long sum = 0;
        if (household.adults() == 2) {
            sum += add(lines, "Makar/sambor tillsammans",
                    riksnorm.personalAmount(year, PersonRole.SAMBOR, null), NormRule.COUPLE);
        } else {
            sum += add(lines, "Ensamstående vuxen",
                    riksnorm.personalAmount(year, PersonRole.ENSAMSTAENDE_VUXEN, null), NormRule.PERSONAL_COSTS);
        }
        List<Household.Child> children = household.children();
        int[] fromOldest = numbersFromTheOldest(children);
        for (int i = 0; i < children.size(); i++) {
            long amount = childLine(year, i, children.get(i), lines);
            sum += amount - largeHouseholdCut(month, household, i, fromOldest[i], amount, lines);
        }
        return sum;
    }

    /** Each child's number counted from the oldest (1 = the oldest); children of the same age in their order. */
    static int[] numbersFromTheOldest(List<Household.Child> children) {
        Integer[] order = new Integer[children.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt((Integer i) -> -children.get(i).age())
                .thenComparingInt(i -> i));
        int[] numbers = new int[order.length];
        for (int rank = 0; rank < order.length; rank++) {
            numbers[order[rank]] = rank + 1;
        }
        return numbers;
    }

    /**
     * The large-household limitation ({@code storhushall-begransning}): the table says by how many percent the child's
     * amount is cut, given the child's number from the oldest and from the youngest; the cut is its own negative line
     * and is rounded down to whole kronor, in the client's favour. Returns the cut.
     */
    private long largeHouseholdCut(YearMonth month, Household household, int index, int fromOldest, long amount,
                                   List<NormLine> lines) {
        int count = household.children().size();
        int percent = rules.largeHouseholdCutPercent(month, household.adults() == 2, fromOldest, count + 1 - fromOldest);
        if (percent == 0) {
            return 0;
        }
        long cut = Math.multiplyExact(amount, percent) / 100;
        lines.add(new NormLine("Begränsning för stora hushåll: barn " + (index + 1) + " i ansökan ("
                + household.children().get(index).age() + " år, nummer " + fromOldest + " från det äldsta och "
                + (count + 1 - fromOldest) + " från det yngsta av " + count + " barn), " + percent + " % av " + amount
                + " kr dras av", -cut, NormRule.LARGE_FAMILY_LIMIT));
        return cut;
    }

    /**
     * One child's line. The table says per row whether the amount depends on where the child eats lunch: a child who
     * does not eat lunch at home gets the table's amount for that, and a year without one for the child's age refuses
     * the calculation ({@link LunchAmountMissingException}) rather than guess. The line says which amount and why.
     */
    private long childLine(int year, int index, Household.Child child, List<NormLine> lines) {
        int age = child.age();
        if (age > Household.OLDEST_CHILD) {
            return add(lines, "Hemmavarande skolungdom " + age + " år",
                    riksnorm.personalAmount(year, PersonRole.SKOLUNGDOM, age, child.lunchAtHome()),
                    NormRule.SCHOOL_YOUTH);
        }
        long atHome = riksnorm.personalAmount(year, PersonRole.BARN, age, true);
        OptionalLong withoutLunch = riksnorm.amountWithoutLunchAtHome(year, PersonRole.BARN, age);
        boolean split = withoutLunch.isPresent() && withoutLunch.getAsLong() != atHome;
        if (child.lunchAtHome()) {
            return add(lines, "Barn " + age + " år" + (split ? ", äter lunch hemma: fullt belopp" : ""), atHome,
                    NormRule.PERSONAL_COSTS);
        }
        if (withoutLunch.isEmpty()) {
            throw new LunchAmountMissingException(year, index, age);
        }
        if (!split) {
            return add(lines, "Barn " + age + " år (samma belopp var barnet än äter lunch)", atHome,
                    NormRule.PERSONAL_COSTS);
        }
        return add(lines, "Barn " + age + " år, äter inte lunch hemma alla vardagar: lägre belopp (fullt belopp "
                + atHome + " kr)", withoutLunch.getAsLong(), NormRule.CHILD_WITHOUT_LUNCH_AT_HOME);
    }

    private long householdLine(int year, Household household, List<NormLine> lines) {
        int size = household.homeSize();
        long whole = householdAmount(year, size);
        if (household.othersSharingHome() == 0) {
            if (size > RiksnormTable.LARGEST_TABULATED_HOUSEHOLD) {
                int extra = size - RiksnormTable.LARGEST_TABULATED_HOUSEHOLD;
                return add(lines, "Gemensamma hushållskostnader, " + size + " personer (7 personer + " + extra
                        + " × skillnaden mellan 7 och 6 personer)", whole, NormRule.LARGE_HOUSEHOLD);
            }
            return add(lines, "Gemensamma hushållskostnader, " + size + (size == 1 ? " person" : " personer"),
                    whole, NormRule.HOUSEHOLD_COSTS);
        }
        int applicants = household.applicants();
        long share = proRataHalfUp(whole, applicants, size);
        return add(lines, "Gemensamma hushållskostnader, andel för " + applicants + " av " + size
                + " personer i bostaden (" + whole + " kr × " + applicants + "/" + size + ")", share,
                NormRule.SHARED_HOME);
    }

    /** The household-common amount for any size: tabulated for 1–7, beyond that rule 5 of the riksnorm. */
    long householdAmount(int year, int size) {
        int largest = RiksnormTable.LARGEST_TABULATED_HOUSEHOLD;
        if (size <= largest) {
            return riksnorm.householdAmount(year, size);
        }
        long seven = riksnorm.householdAmount(year, largest);
        long perExtraPerson = seven - riksnorm.householdAmount(year, largest - 1);
        return seven + (size - largest) * perExtraPerson;
    }

    /** amount × part / whole, rounded half up to whole kronor (amounts are never negative). */
    static long proRataHalfUp(long amount, int part, int whole) {
        return Math.floorDiv(Math.addExact(Math.multiplyExact(Math.multiplyExact(amount, part), 2L), whole),
                2L * whole);
    }

    private long costLines(YearMonth month, ReasonableCosts costs, HousingTerms housing, int applicants,
                           List<NormLine> lines) {
        long sum = 0;
        if (costs.housing() > 0 && !rules.housingCostAccepted(month, housing)) {
            lines.add(new NormLine("Boendekostnad (" + costs.housing() + " kr) godtas inte: bostaden hyrs i andra hand"
                    + " utan samtycke från hyresvärden, bostadsrättsföreningen eller hyresnämnden", 0,
                    NormRule.SECOND_HAND_LET_WITHOUT_CONSENT));
        } else if (costs.housing() > 0) {
            long ceiling = housingCeiling.ceiling(applicants);
            if (costs.housing() > ceiling) {
                sum += add(lines, "Boendekostnad (" + costs.housing() + " kr, godtas upp till kommunens tak "
                        + ceiling + " kr för " + applicants + (applicants == 1 ? " person)" : " personer)"),
                        ceiling, NormRule.HOUSING);
            } else {
                sum += add(lines, "Boendekostnad", costs.housing(), NormRule.HOUSING);
            }
        }
        sum += addIfPositive(lines, "Hushållsel", costs.electricity(), NormRule.ELECTRICITY);
        sum += addIfPositive(lines, "Resor till och från arbetet", costs.workTravel(), NormRule.WORK_TRAVEL);
        sum += addIfPositive(lines, "Hemförsäkring", costs.homeInsurance(), NormRule.HOME_INSURANCE);
        sum += addIfPositive(lines, "Fackförening och arbetslöshetskassa", costs.unionAndUnemploymentFund(),
                NormRule.UNION_AND_UNEMPLOYMENT_FUND);
        return sum;
    }

    /** Adds a negative line per income and a positive line per uncounted part; returns the counted sum. */
    private long incomeLines(NormInput input, List<NormLine> lines) {
        long counted = 0;
        for (Income income : input.incomes()) {
            if (income.amount() == 0) {
                continue;
            }
            lines.add(new NormLine("Inkomst: " + income.description(), -income.amount(), NormRule.INCOME));
            long uncounted = switch (income.kind()) {
                case CHILD_WORK -> childWorkExempt(input, income, lines);
                case EMPLOYMENT -> jobbstimulans(input, income, lines);
                case OTHER -> 0;
            };
            counted = Math.addExact(counted, income.amount() - uncounted);
        }
        return counted;
    }

    private long childWorkExempt(NormInput input, Income income, List<NormLine> lines) {
        if (input.household().childrenAges().isEmpty()) {
            throw new IllegalArgumentException("a child's work income needs a child in the household: "
                    + income.description());
        }
        long prisbasbelopp = riksnorm.prisbasbelopp(input.month().getYear());
        long left = Math.max(0, prisbasbelopp - income.exemptEarlierThisYear());
        long exempt = Math.min(income.amount(), left);
        if (exempt > 0) {
            lines.add(new NormLine(income.description() + ": räknas inte (upp till prisbasbeloppet "
                    + prisbasbelopp + " kr per år, " + left + " kr kvar i år)", exempt,
                    NormRule.CHILD_WORK_INCOME_EXEMPT));
        }
        return exempt;
    }

    private long jobbstimulans(NormInput input, Income income, List<NormLine> lines) {
        if (!jobbstimulansApplies(input.month(), income.jobbstimulansStart(), input.consecutiveMonthsWithSupport())) {
            return 0;
        }
        long uncounted = income.amount() / 4 + (income.amount() % 4 == 0 ? 0 : 1);
        YearMonth start = income.jobbstimulansStart() == null ? input.month() : income.jobbstimulansStart();
        lines.add(new NormLine(income.description() + ": jobbstimulans, 25 % räknas inte (sedan " + start
                + ", till och med " + start.plusMonths(JOBBSTIMULANS_PERIOD_MONTHS - 1) + ")", uncounted,
                NormRule.JOBBSTIMULANS));
        return uncounted;
    }

    /**
     * Whether jobbstimulans applies to an employment income in {@code month}: within 24 months from its start if it
     * has one, otherwise when the household has had support at least 6 consecutive months before the month (it then
     * starts in {@code month}).
     */
    public static boolean jobbstimulansApplies(YearMonth month, YearMonth start, int consecutiveMonthsWithSupport) {
        if (start != null) {
            return !month.isBefore(start) && month.isBefore(start.plusMonths(JOBBSTIMULANS_PERIOD_MONTHS));
        }
        return consecutiveMonthsWithSupport >= JOBBSTIMULANS_QUALIFYING_MONTHS;
    }

    private static long add(List<NormLine> lines, String description, long amount, NormRule rule) {
        lines.add(new NormLine(description, amount, rule));
        return amount;
    }

    private static long addIfPositive(List<NormLine> lines, String description, long amount, NormRule rule) {
        return amount > 0 ? add(lines, description, amount, rule) : 0;
    }
}
