package se.stegvis.norm.domain;

import java.util.Objects;

/**
 * A line decided elsewhere in the case that changes the assistance of the month, e.g. a reduction (negative amount)
 * or an approved extra cost (positive amount). It is shown as its own line and added after the norm, costs and incomes.
 */
public record Adjustment(String description, long amount) {

    public Adjustment {
        Objects.requireNonNull(description, "description");
    }
}
