package se.stegvis.journey.domain;

/** Whether the journey is going on or has ended (avslut). */
public enum JourneyStatus {
    AKTIV("Aktiv"),
    AVSLUTAD("Avslutad");

    private final String label;

    JourneyStatus(String label) {
        this.label = label;
    }

    /** As the coach and the client read it. */
    public String label() {
        return label;
    }
}
