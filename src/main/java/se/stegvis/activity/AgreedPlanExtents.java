package se.stegvis.activity;

import java.util.Optional;
import java.util.UUID;

/**
 * The hours of a client's agreed plan, as the journey recorded them (a port: the journey implements it, so that the
 * aktivitetskrav does not depend on the journey).
 */
public interface AgreedPlanExtents {

    /** The plan's required and planned hours per week. */
    record AgreedExtent(int requiredHoursPerWeek, int plannedHoursPerWeek, int versionNumber) {}

    /** The latest agreed plan version of the client's active journey that records hours; empty when none does. */
    Optional<AgreedExtent> latestAgreed(UUID clientId);
}
