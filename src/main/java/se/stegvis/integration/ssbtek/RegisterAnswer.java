package se.stegvis.integration.ssbtek;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What the registers know about one person (or, {@link #and combined}, a couple) for one month. Everything may be
 * missing: a register that knows nothing is an answer too, not an error.
 *
 * @param incomes       the incomes the registers report, by source
 * @param householdSize the number of persons the registers count in the household (folkbokföring, bostadsbidrag)
 * @param housingCost   the housing cost the registers know (e.g. from an application for bostadsbidrag), kr/month
 */
public record RegisterAnswer(List<RegisteredIncome> incomes, OptionalInt householdSize, OptionalLong housingCost) {

    /** The registers know nothing about the person for the month. */
    public static final RegisterAnswer EMPTY = new RegisterAnswer(List.of(), OptionalInt.empty(), OptionalLong.empty());

    public RegisterAnswer {
        incomes = List.copyOf(incomes);
        Objects.requireNonNull(householdSize, "householdSize");
        Objects.requireNonNull(housingCost, "housingCost");
    }

    public boolean isEmpty() {
        return incomes.isEmpty() && householdSize.isEmpty() && housingCost.isEmpty();
    }

    /**
     * The answer for a couple: both persons' incomes; the household size and housing cost from this answer (the
     * applicant's) where it has them, otherwise from the other (they share one home).
     */
    public RegisterAnswer and(RegisterAnswer other) {
        List<RegisteredIncome> all = new ArrayList<>(incomes);
        all.addAll(other.incomes);
        return new RegisterAnswer(all,
                householdSize.isPresent() ? householdSize : other.householdSize,
                housingCost.isPresent() ? housingCost : other.housingCost);
    }
}
