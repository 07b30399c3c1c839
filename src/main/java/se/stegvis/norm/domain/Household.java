package se.stegvis.norm.domain;

import java.util.List;

/**
 * The persons a norm is calculated for, and how many others share their home.
 *
 * @param adults            1 = a single adult (also one who shares a home without being anyone's partner),
 *                          2 = a married or sambo couple, who get one joint amount
 * @param children          the children applied for, in the order given (see {@link Child})
 * @param othersSharingHome persons who share the home but are not part of the application (e.g. a flatmate);
 *                          when above 0, the household-common amount is shared pro rata
 */
public record Household(int adults, List<Child> children, int othersSharingHome) {

    public static final int OLDEST_CHILD = 18;
    public static final int OLDEST_SCHOOL_YOUTH = 20;

    /**
     * One child of the household.
     *
     * @param age         whole years on the first day of the month; 0–18 is a child, 19 and 20 a young person living
     *                    at home and still in school (hemmavarande skolungdom). A 19- or 20-year-old who is not in
     *                    school is an adult and applies on their own.
     * @param lunchAtHome whether the child eats lunch at home every weekday (the rule, and the full amount); false
     *                    when the child eats lunch elsewhere, e.g. at förskola, which the riksnorm of some years
     *                    gives a lower amount for (0–6 years from 2026)
     */
    public record Child(int age, boolean lunchAtHome) {

        public Child {
            if (age < 0 || age > OLDEST_SCHOOL_YOUTH) {
                throw new IllegalArgumentException("a child's age must be 0–20, was " + age);
            }
        }

        /** A child who eats lunch at home (the full amount). */
        public static Child aged(int age) {
            return new Child(age, true);
        }
    }

    public Household {
        if (adults < 1 || adults > 2) {
            throw new IllegalArgumentException("adults must be 1 (single) or 2 (a couple), was " + adults);
        }
        children = children == null ? List.of() : List.copyOf(children);
        if (othersSharingHome < 0) {
            throw new IllegalArgumentException("othersSharingHome must not be negative, was " + othersSharingHome);
        }
    }

    /** A household whose children all eat lunch at home. */
    public static Household withAges(int adults, List<Integer> childrenAges, int othersSharingHome) {
        return new Household(adults, childrenAges == null ? List.of()
                : childrenAges.stream().map(Child::aged).toList(), othersSharingHome);
    }

    /** A household that does not share its home with anyone, its children all eating lunch at home. */
    public static Household of(int adults, Integer... childrenAges) {
        return withAges(adults, List.of(childrenAges), 0);
    }

    /** The children's ages, in order. */
    public List<Integer> childrenAges() {
        return children.stream().map(Child::age).toList();
    }

    /** The persons applied for: the adults and the children. */
    public int applicants() {
        return adults + children.size();
    }

    /** Everyone living in the home, applied for or not. */
    public int homeSize() {
        return applicants() + othersSharingHome;
    }
}
