package se.stegvis.norm.domain;

import java.time.YearMonth;
import java.util.List;

/**
 * A month's calculation, line by line (whole kronor per month).
 *
 * @param month           the month calculated
 * @param personalCosts   the riksnorm's personal amounts of everyone applied for
 * @param householdCosts  the household-common amount (the applicants' share when the home is shared)
 * @param norm            personalCosts + householdCosts
 * @param reasonableCosts the accepted reasonable costs (housing capped at the ceiling)
 * @param incomes         the incomes that are counted (after the child-income exemption and jobbstimulans)
 * @param adjustments     the sum of the adjustment lines
 * @param assistance      max(0, norm + reasonableCosts − incomes + adjustments)
 * @param lines           every line in order; their sum is the assistance before it is floored at 0
 */
public record NormResult(YearMonth month, long personalCosts, long householdCosts, long norm, long reasonableCosts,
        long incomes, long adjustments, long assistance, List<NormLine> lines) {

    public NormResult {
        lines = List.copyOf(lines);
    }

    public int year() {
        return month.getYear();
    }
}
