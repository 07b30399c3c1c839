package se.stegvis.norm.domain;

import java.util.List;

/**
 * The persons a norm is calculated for, and how many others share their home.
 *
 * @param adults            1 = a single adult (also one who shares a home without being anyone's partner),
 *                          2 = a married or sambo couple, who get one joint amount
 * @param childrenAges      each child's age in whole years on the first day of the month; 0–18 is a child,
 *                          19 and 20 a young person living at home and still in school (hemmavarande skolungdom).
 *                          A 19- or 20-year-old who is not in school is an adult and applies on their own.
 * @param othersSharingHome persons who share the home but are not part of the application (e.g. a flatmate);
 *                          when above 0, the household-common amount is shared pro rata
 */
public record Household(int adults, List<Integer> childrenAges, int othersSharingHome) {

    public static final int OLDEST_CHILD = 18;
    public static final int OLDEST_SCHOOL_YOUTH = 20;

    public Household {
        if (adults < 1 || adults > 2) {
            throw new IllegalArgumentException("adults must be 1 (single) or 2 (a couple), was " + adults);
        }
        childrenAges = childrenAges == null ? List.of() : List.copyOf(childrenAges);
        for (int age : childrenAges) {
            if (age < 0 || age > OLDEST_SCHOOL_YOUTH) {
                throw new IllegalArgumentException("a child's age must be 0–20, was " + age);
            }
        }
        if (othersSharingHome < 0) {
            throw new IllegalArgumentException("othersSharingHome must not be negative, was " + othersSharingHome);
        }
    }

    /** A household that does not share its home with anyone outside the application. */
    public static Household of(int adults, Integer... childrenAges) {
        return new Household(adults, List.of(childrenAges), 0);
    }

    /** The persons applied for: the adults and the children. */
    public int applicants() {
        return adults + childrenAges.size();
    }

    /** Everyone living in the home, applied for or not. */
    public int homeSize() {
        return applicants() + othersSharingHome;
    }
}
