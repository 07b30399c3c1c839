package se.stegvis.integration.ssbtek;

import java.util.Objects;

/**
 * One income a register reports for a person and month.
 *
 * @param source      the authority that reports it
 * @param description what it is, as the register names it ("Lön", "Bostadsbidrag", "Studiemedel")
 * @param amount      whole kronor for the month, never negative
 */
public record RegisteredIncome(RegisterSource source, String description, long amount) {

    public RegisteredIncome {
        Objects.requireNonNull(source, "source");
        description = description == null ? "" : description.strip();
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative, was " + amount);
        }
    }
}
