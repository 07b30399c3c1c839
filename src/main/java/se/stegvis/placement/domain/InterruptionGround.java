package se.stegvis.placement.domain;

/**
 * Why a placement was interrupted (outcome {@link PlacementOutcome#AVBRUTEN}), as "Avsluta insats" records it. Declining
 * the placement or breaking it off without godtagbart skäl is what the aktivitetskrav sanctions: for a covered client it
 * leads to a proposal to reduce or refuse försörjningsstöd by itself (prop. 2025/26:207, "ska").
 */
public enum InterruptionGround {
    AVBOJD("Klienten avböjde insatsen", false),
    UTAN_GODTAGBART_SKAL("Klienten avbröt insatsen utan godtagbart skäl", false),
    GODTAGBART_SKAL("Avbruten med godtagbart skäl (t.ex. sjukdom, flytt, eller anordnaren avbröt)", true);

    private final String label;
    private final boolean acceptable;

    InterruptionGround(String label, boolean acceptable) {
        this.label = label;
        this.acceptable = acceptable;
    }

    public String label() {
        return label;
    }

    /** Declined or broken off without godtagbart skäl: what a sanction under the aktivitetskrav follows. */
    public boolean withoutAcceptableReason() {
        return !acceptable;
    }
}
