package se.stegvis.journey.domain;

/** The highest education the person has completed, in Sweden or abroad. */
public enum EducationLevel {
    FORGYMNASIAL_KORTARE_AN_9_AR("Förgymnasial, kortare än 9 år"),
    FORGYMNASIAL_9_AR("Förgymnasial, 9 (10) år"),
    GYMNASIAL("Gymnasial"),
    EFTERGYMNASIAL("Eftergymnasial");

    private final String label;

    EducationLevel(String label) {
        this.label = label;
    }

    /** As the coach and the client read it. */
    public String label() {
        return label;
    }
}
