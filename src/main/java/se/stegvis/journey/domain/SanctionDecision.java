package se.stegvis.journey.domain;

/** The caseworker's decision on a proposed sanction: reduction upheld, or dropped. */
public enum SanctionDecision {
    UPHELD("Nedsättning beslutad"),
    DROPPED("Ingen nedsättning");

    private final String label;

    SanctionDecision(String label) {
        this.label = label;
    }

    /** As the coach and the client read it. */
    public String label() {
        return label;
    }
}
