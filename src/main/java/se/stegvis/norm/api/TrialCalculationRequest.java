package se.stegvis.norm.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.norm.domain.Adjustment;
import se.stegvis.norm.domain.Household;
import se.stegvis.norm.domain.Income;
import se.stegvis.norm.domain.NormInput;
import se.stegvis.norm.domain.ReasonableCosts;

/**
 * The public trial calculation's question (no personal data). Amounts are whole kronor per month; every income is
 * counted in full. Only {@code year} and {@code adults} are required; the rest default to none.
 *
 * @param year                   the year whose riksnorm is used
 * @param adults                 1 = single, 2 = a couple (married or sambo)
 * @param childrenAges           whole years 0–20; 19 and 20 mean a youth living at home and still in school; every
 *                               child eats lunch at home
 * @param children               instead of {@code childrenAges}: each child's age and whether it eats lunch at home
 *                               every weekday ({@code lunchAtHome}, default true); never both
 * @param othersSharingHousehold persons sharing the home who are not part of the application
 * @param costs                  reasonable actual costs
 * @param incomes                name → amount; every amount is counted as income
 * @param normSupplement         a supplement to the norm items applied for (e.g. costlier food, fördyrad kost), whole
 *                               kronor; refused (400 naming the field) for a year where the riksnorm is a ceiling
 *                               (decision riksnorm-tak, from 2027)
 */
public record TrialCalculationRequest(
        @NotNull(message = "Ange år.") Integer year,
        @NotNull(message = "Ange antal vuxna: 1 (ensamstående) eller 2 (makar eller sambor).")
        @Min(value = 1, message = "Antal vuxna måste vara 1 (ensamstående) eller 2 (makar eller sambor).")
        @Max(value = 2, message = "Antal vuxna måste vara 1 (ensamstående) eller 2 (makar eller sambor).")
        Integer adults,
        @Size(max = MAX_CHILDREN, message = "Högst " + MAX_CHILDREN + " barn.")
        List<@NotNull(message = "Ange barnets ålder.")
                @Min(value = 0, message = "Barnets ålder måste vara 0–20 år.")
                @Max(value = 20, message = "Barnets ålder måste vara 0–20 år.") Integer> childrenAges,
        @Size(max = MAX_CHILDREN, message = "Högst " + MAX_CHILDREN + " barn.")
        List<@NotNull(message = "Ange barnet.") @Valid Child> children,
        @PositiveOrZero(message = "Får inte vara negativt.")
        @Max(value = MAX_OTHERS, message = "Högst " + MAX_OTHERS + " andra personer.") Integer othersSharingHousehold,
        @Valid Costs costs,
        @Size(max = MAX_INCOMES, message = "Högst " + MAX_INCOMES + " inkomster.")
        Map<@NotBlank(message = "Inkomsten behöver ett namn.")
                @Size(max = 60, message = "Inkomstens namn får vara högst 60 tecken.") String,
                @NotNull(message = "Ange ett belopp.") @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE)
                @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE) Long> incomes,
        @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE) @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE)
        Long normSupplement) {

    /** Without a supplement to the norm items. */
    public TrialCalculationRequest(Integer year, Integer adults, List<Integer> childrenAges, List<Child> children,
                                   Integer othersSharingHousehold, Costs costs, Map<String, Long> incomes) {
        this(year, adults, childrenAges, children, othersSharingHousehold, costs, incomes, null);
    }

    static final int MAX_CHILDREN = 20;
    static final int MAX_OTHERS = 30;
    static final int MAX_INCOMES = 20;
    /** Far above any real monthly amount; keeps every sum well inside a long. */
    public static final long MAX_AMOUNT = 10_000_000;
    public static final String AMOUNT_NOT_NEGATIVE = "Beloppet får inte vara negativt.";
    public static final String AMOUNT_TOO_LARGE = "Beloppet får vara högst 10 000 000 kr per månad.";

    /**
     * One child: age in whole years on the first day of the month (0–20; 19 and 20 a youth living at home and still
     * in school), and whether the child eats lunch at home every weekday (default true = the full amount; false e.g.
     * for a child who eats lunch at förskola, which some years' riksnorm gives a lower amount for).
     */
    public record Child(
            @NotNull(message = "Ange barnets ålder.")
            @Min(value = 0, message = "Barnets ålder måste vara 0–20 år.")
            @Max(value = 20, message = "Barnets ålder måste vara 0–20 år.") Integer age,
            Boolean lunchAtHome) {

        public Household.Child toChild() {
            return new Household.Child(age, lunchAtHome == null || lunchAtHome);
        }
    }

    /**
     * The household's children from either form of the question; both given is refused naming {@code children}.
     * Shared by every API that takes a household in this shape.
     */
    public static List<Household.Child> children(List<Integer> childrenAges, List<Child> children) {
        if (childrenAges != null && children != null) {
            throw new InvalidRequestException("children",
                    "Ange barnen antingen som children (ålder och lunch) eller som childrenAges, inte båda.");
        }
        if (children != null) {
            return children.stream().map(Child::toChild).toList();
        }
        return childrenAges == null ? List.of() : childrenAges.stream().map(Household.Child::aged).toList();
    }

    /**
     * Reasonable actual costs per month, whole kronor; a missing cost is 0.
     */
    public record Costs(
            @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE) @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE)
            Long housing,
            @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE) @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE)
            Long electricity,
            @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE) @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE)
            Long workTravel,
            @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE) @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE)
            Long homeInsurance,
            @PositiveOrZero(message = AMOUNT_NOT_NEGATIVE) @Max(value = MAX_AMOUNT, message = AMOUNT_TOO_LARGE)
            Long unionAndUnemploymentFund) {

        public ReasonableCosts toReasonableCosts() {
            return new ReasonableCosts(orZero(housing), orZero(electricity), orZero(workTravel), orZero(homeInsurance),
                    orZero(unionAndUnemploymentFund));
        }
    }

    /** The calculation service's input: January of the year, every income counted in full. */
    NormInput toInput() {
        List<Income> counted = incomes == null ? List.of() : incomes.entrySet().stream()
                .map(income -> Income.other(income.getKey(), income.getValue()))
                .toList();
        Household household = new Household(adults, children(childrenAges, children),
                othersSharingHousehold == null ? 0 : othersSharingHousehold);
        List<Adjustment> supplements = normSupplement == null || normSupplement == 0 ? List.of()
                : List.of(new Adjustment("Tillägg till normposterna", normSupplement, Adjustment.Kind.NORM_SUPPLEMENT));
        return new NormInput(YearMonth.of(year, 1), household,
                costs == null ? ReasonableCosts.NONE : costs.toReasonableCosts(), counted, 0, supplements);
    }

    private static long orZero(Long amount) {
        return amount == null ? 0 : amount;
    }
}
