package se.stegvis.journey.domain;

/** Why a journey ended (avslut). ARBETE is unsubsidised work. */
public enum ExitReason {
    ARBETE("Arbete (osubventionerat)"),
    STUDIER("Studier"),
    ANNAN_ERSATTNING("Annan ersättning"),
    FLYTTAT("Flyttat"),
    EGEN_BEGARAN("Egen begäran"),
    ANNAT("Annat");

    private final String label;

    ExitReason(String label) {
        this.label = label;
    }

    /** As the coach and the client read it. */
    public String label() {
        return label;
    }
}
