package se.stegvis.journey.domain;

/** Where a sanction stands: proposed, communicated to the client (kommunicering), decided. */
public enum SanctionStatus {
    FORESLAGEN("Föreslagen"),
    KOMMUNICERAD("Kommunicerad"),
    BESLUTAD("Beslutad");

    private final String label;

    SanctionStatus(String label) {
        this.label = label;
    }

    /** As the coach and the client read it. */
    public String label() {
        return label;
    }
}
