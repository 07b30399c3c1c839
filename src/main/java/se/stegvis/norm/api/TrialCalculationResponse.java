package se.stegvis.norm.api;

import java.util.List;
import se.stegvis.norm.domain.NormResult;

/**
 * The trial calculation's answer, whole kronor per month.
 * {@code assistance = max(0, norm + reasonableCosts − incomes + normSupplement)}; the lines sum to the same before
 * the floor at 0.
 */
public record TrialCalculationResponse(int year, long personalCosts, long householdCosts, long norm,
        long reasonableCosts, long incomes, long normSupplement, long assistance, List<Line> lines) {

    /** One line: what, how much (negative for incomes), and the rule it comes from. */
    public record Line(String description, long amount, String rule) {}

    static TrialCalculationResponse from(NormResult result) {
        return new TrialCalculationResponse(result.year(), result.personalCosts(), result.householdCosts(),
                result.norm(), result.reasonableCosts(), result.incomes(), result.adjustments(), result.assistance(),
                result.lines().stream().map(l -> new Line(l.description(), l.amount(), l.rule().text(result.month()))).toList());
    }
}
