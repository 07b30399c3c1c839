package se.stegvis.activity;

/**
 * Why a covered client's capacity (förmåga) is below full time. Illness needs a läkarintyg recorded with its date
 * (from 2026-07-01 illness given as a reason requires a medical certificate).
 */
public enum CapacityReason {
    SJUKDOM("Sjukdom (läkarintyg krävs)", true),
    FUNKTIONSNEDSATTNING("Funktionsnedsättning", false),
    SOCIALA_SKAL("Sociala skäl (t.ex. vård av närstående)", false),
    ANNAT("Annat skäl", false);

    private final String label;
    private final boolean needsMedicalCertificate;

    CapacityReason(String label, boolean needsMedicalCertificate) {
        this.label = label;
        this.needsMedicalCertificate = needsMedicalCertificate;
    }

    public String label() {
        return label;
    }

    public boolean needsMedicalCertificate() {
        return needsMedicalCertificate;
    }
}
