package se.stegvis.placement.domain;

/** How a placement ended. */
public enum PlacementOutcome {
    ARBETE("Arbete"),
    STUDIER("Studier"),
    FORTSATT_INSATS("Fortsatt insats"),
    NASTA_STEG("Nästa steg i planeringen"),
    AVBRUTEN("Avbruten");

    private final String label;

    PlacementOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Work or studies: counts towards the share of placements followed by work or studies. */
    public boolean workOrStudies() {
        return this == ARBETE || this == STUDIER;
    }
}
