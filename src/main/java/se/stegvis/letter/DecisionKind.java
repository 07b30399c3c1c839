package se.stegvis.letter;

/** The three outcomes of an application, with the label the letter shows. */
public enum DecisionKind {
    BIFALL("Bifall"),
    DELVIS_BIFALL("Delvis bifall"),
    AVSLAG("Avslag");

    private final String label;

    DecisionKind(String label) {
        this.label = label;
    }

    /** The Swedish label, as in "Beslut: Delvis bifall". */
    public String label() {
        return label;
    }

    /** Delvis bifall and avslag must be motivated in writing (förvaltningslagen 32 §). */
    public boolean requiresReasons() {
        return this != BIFALL;
    }

    /** Delvis bifall and avslag carry the full överklagandehänvisning; bifall a short note. */
    public boolean includesAppealInstructions() {
        return this != BIFALL;
    }

    public boolean grantsMoney() {
        return this != AVSLAG;
    }
}
