package se.stegvis.application.domain;

import se.stegvis.norm.domain.Adjustment;

/**
 * What a tilläggsansökan applies for. From 2027-01 the riksnorm is a ceiling (decision {@code riksnorm-tak}): a
 * supplement to the norm items is refused, costs of living beyond the norm stay allowed.
 */
public enum ExtraNeedKind {
    /** Costs of living beyond the norm (levnadskostnader i övrigt: dental care, glasses …); the default. */
    OTHER_LIVING_COSTS(Adjustment.Kind.OTHER_LIVING_COSTS),
    /** A supplement to the norm items themselves (e.g. costlier food, fördyrad kost). */
    NORM_SUPPLEMENT(Adjustment.Kind.NORM_SUPPLEMENT);

    private final Adjustment.Kind adjustment;

    ExtraNeedKind(Adjustment.Kind adjustment) {
        this.adjustment = adjustment;
    }

    /** The kind of line the calculation adds for the need. */
    public Adjustment.Kind adjustment() {
        return adjustment;
    }
}
