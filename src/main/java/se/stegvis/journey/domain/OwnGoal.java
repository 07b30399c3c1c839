package se.stegvis.journey.domain;

/** The person's own goal for the journey, and the plan's goal. */
public enum OwnGoal {
    ARBETE("Arbete"),
    STUDIER("Studier");

    private final String label;

    OwnGoal(String label) {
        this.label = label;
    }

    /** As the coach and the client read it. */
    public String label() {
        return label;
    }
}
