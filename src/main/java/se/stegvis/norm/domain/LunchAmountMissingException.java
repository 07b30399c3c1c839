package se.stegvis.norm.domain;

/**
 * A child is marked as not eating lunch at home, but the year's riksnorm has no lower amount for the child's age
 * (the amounts for 2022–2025 were not found). The amount is never guessed: the child cannot be calculated.
 */
public class LunchAmountMissingException extends NormDataMissingException {

    private final int childIndex;
    private final int age;

    public LunchAmountMissingException(int year, int childIndex, int age) {
        super(year, "Riksnormen för " + year + " har inget belopp för ett barn på " + age
                + " år som inte äter lunch hemma alla vardagar, och beloppet gissas inte.");
        this.childIndex = childIndex;
        this.age = age;
    }

    /** The child's position in {@link Household#children()}, from 0. */
    public int childIndex() {
        return childIndex;
    }

    public int age() {
        return age;
    }
}
