package se.stegvis.norm.domain;

import java.util.Objects;

/**
 * A line decided elsewhere in the case that changes the assistance of the month, e.g. a reduction (negative amount)
 * or an approved extra cost (positive amount). It is shown as its own line and added after the norm, costs and incomes.
 *
 * @param kind what the line is, which decides whether a rule may refuse it (the riksnorm as a ceiling from 2027)
 */
public record Adjustment(String description, long amount, Kind kind) {

    /** What an adjustment is. */
    public enum Kind {
        /** A supplement to the norm items themselves (e.g. costlier food): refused where the riksnorm is a ceiling. */
        NORM_SUPPLEMENT,
        /** Costs of living beyond the norm (levnadskostnader i övrigt: dental care, glasses …): always its own line. */
        OTHER_LIVING_COSTS,
        /** A reduction decided in the case (negative). */
        REDUCTION,
        /** Anything else decided in the case. */
        OTHER
    }

    public Adjustment {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
    }

    /** An adjustment of kind {@link Kind#OTHER}. */
    public Adjustment(String description, long amount) {
        this(description, amount, Kind.OTHER);
    }
}
