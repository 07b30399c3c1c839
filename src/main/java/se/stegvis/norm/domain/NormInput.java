package se.stegvis.norm.domain;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Everything a month's försörjningsstöd is calculated from.
 *
 * @param month                        the month applied for; its year chooses the riksnorm and the prisbasbelopp
 * @param household                    the persons applied for and the others sharing their home
 * @param costs                        reasonable actual costs of the month ({@link ReasonableCosts#NONE} if none)
 * @param incomes                      the household's incomes of the month, each with its kind
 * @param consecutiveMonthsWithSupport how many months in a row directly before {@code month} the household has had
 *                                     försörjningsstöd; from 6, jobbstimulans starts for employment income that has
 *                                     none yet
 * @param adjustments                  extra lines decided elsewhere in the case, added last
 * @param housing                      on what terms the home is had (a second-hand let, with or without consent)
 */
public record NormInput(YearMonth month, Household household, ReasonableCosts costs, List<Income> incomes,
        int consecutiveMonthsWithSupport, List<Adjustment> adjustments, HousingTerms housing) {

    public NormInput {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(household, "household");
        costs = costs == null ? ReasonableCosts.NONE : costs;
        incomes = incomes == null ? List.of() : List.copyOf(incomes);
        adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        housing = housing == null ? HousingTerms.FIRST_HAND : housing;
        if (consecutiveMonthsWithSupport < 0) {
            throw new IllegalArgumentException("consecutiveMonthsWithSupport must not be negative");
        }
    }

    /** A first-hand home. */
    public NormInput(YearMonth month, Household household, ReasonableCosts costs, List<Income> incomes,
                     int consecutiveMonthsWithSupport, List<Adjustment> adjustments) {
        this(month, household, costs, incomes, consecutiveMonthsWithSupport, adjustments, HousingTerms.FIRST_HAND);
    }

    /** A calculation without support history or adjustments, e.g. the public trial calculation. */
    public static NormInput of(YearMonth month, Household household, ReasonableCosts costs, List<Income> incomes) {
        return new NormInput(month, household, costs, incomes, 0, List.of());
    }
}
