package se.stegvis.appeal.api;

/**
 * Registers an appeal. Dates as {@code YYYY-MM-DD}; read by the controller so that a wrong date is named.
 *
 * @param receivedDate the day the appeal came in to the municipality (required)
 * @param notifiedDate the day the appellant was notified of the decision; absent: the decision's notification date
 */
public record AppealRequest(String receivedDate, String notifiedDate) {}
