package se.stegvis.activity;

import java.time.LocalDate;

/**
 * A client's status under the aktivitetskrav, as {@code GET /api/klientresor/{id}} shows it ({@code activityRequirement})
 * and the caseworker reads it in "Utred ansökan". Facts only; no personnummer.
 *
 * @param covered              whether the requirement applies (this month or from the next)
 * @param coveredFrom          {@code YYYY-MM}, or null when not covered
 * @param exemption            the exemption that applies, or null
 * @param requiredHoursPerWeek the required extent when covered: the agreed plan's (full time at the client's capacity
 *                             minus part-time work and other insatser), full time without one; null when not covered
 * @param plannedHoursPerWeek  the hours of the agreed plan; null while the plan holds no hours
 * @param met                  not covered, or the plan reaches the required hours
 * @param reason               why, in Swedish
 */
public record ActivityRequirementStatus(boolean covered, String coveredFrom, Exemption exemption,
                                        Integer requiredHoursPerWeek, Integer plannedHoursPerWeek, boolean met,
                                        String reason) {

    /** {@code to} is the last day, null when open-ended; {@code recorded} false for an exemption derived from age. */
    public record Exemption(String ground, String groundLabel, LocalDate from, LocalDate to, boolean recorded) {}
}
