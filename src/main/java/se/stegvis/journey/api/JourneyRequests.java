package se.stegvis.journey.api;

/**
 * The bodies of the journey API. Ids, dates and reasons arrive as text and are read by the controller and
 * {@code JourneyService}, so that a wrong one is named in the 400 answer.
 */
public final class JourneyRequests {

    /** Start a journey for the client (the household's client id, as in the application). */
    public record Start(String clientId) {}

    /**
     * Absence without acceptable reason, reported by the coach.
     *
     * @param placementId    the placement it happened in, if any (one of the journey's)
     * @param description    what happened, when (required, at most 1000 characters)
     * @param proposedAmount the proposed reduction of continued assistance, whole kronor, positive
     */
    public record Absence(String placementId, String description, Long proposedAmount) {}

    /** The client's reply in the kommunicering (required, at most 2000 characters). */
    public record ClientResponse(String response) {}

    /**
     * Exit (avslut) of the journey.
     *
     * @param reason an ExitReason: ARBETE, STUDIER, ANNAN_ERSATTNING, FLYTTAT, EGEN_BEGARAN, ANNAT
     * @param date   the exit date, YYYY-MM-DD, not in the future and not before the journey started
     * @param note   optional, at most 1000 characters
     */
    public record Exit(String reason, String date, String note) {}

    /**
     * An extension of the client's right to SFI granted by the huvudman.
     *
     * @param extendedUntil the last day of the extended right, YYYY-MM-DD: after the day the right ends now, at most six
     *                      months beyond it and at most three years beyond the right's first end
     */
    public record SfiExtension(String extendedUntil) {}

    private JourneyRequests() {}
}
