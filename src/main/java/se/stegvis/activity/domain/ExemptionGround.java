package se.stegvis.activity.domain;

/**
 * Why a person who has received försörjningsstöd long enough is still not covered by the aktivitetskrav
 * (prop. 2025/26:207; single source, the paragraph numbers unverified). The age grounds are derived from the
 * personnummer and never recorded; the others are recorded by a coach or caseworker with the evidence seen.
 */
public enum ExemptionGround {
    UNDER_18("Under 18 år", true),
    STUDERAR_18_20("18–20 år och studerar i grundskola, gymnasieskola eller motsvarande", false),
    HELTIDSSYSSELSATT("Sysselsatt på heltid, t.ex. anställd", false),
    PENSIONSALDER("Har nått riktåldern för pension", true),
    SJUKPENNING_ELLER_LIKNANDE("Får sjukpenning, sjukersättning eller liknande ersättning", false),
    AF_PROGRAM_HELTID("Deltar på heltid i ett program hos Arbetsförmedlingen", false);

    private final String label;
    private final boolean derivedFromAge;

    ExemptionGround(String label, boolean derivedFromAge) {
        this.label = label;
        this.derivedFromAge = derivedFromAge;
    }

    public String label() {
        return label;
    }

    /** Derived from the personnummer: cannot be recorded. */
    public boolean derivedFromAge() {
        return derivedFromAge;
    }
}
