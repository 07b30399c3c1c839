package se.stegvis.letter;

/**
 * Why a reduction (or refusal) of continued försörjningsstöd is considered: the ground the kommunicering and the
 * decision letter state, in words from a section of {@code juridik.yaml}, and the provisions they cite.
 */
public enum ReductionGround {
    /** Declining or staying away from required praktik or kompetenshöjande verksamhet without godtagbart skäl. */
    FRANVARO("grund-franvaro", Provision.NEDSATTNING),
    /**
     * Declining or staying away from an activity under the aktivitetskrav (in force 2026-07-01, prop. 2025/26:207)
     * without godtagbart skäl: the nämnd shall refuse or reduce continued försörjningsstöd (12 kap. 5 §; the
     * requirement's own paragraphs are unverified and stated in words only, in juridik.yaml).
     */
    AKTIVITETSKRAV("grund-aktivitetskrav", Provision.NEDSATTNING);

    private final String section;
    private final Provision provision;

    ReductionGround(String section, Provision provision) {
        this.section = section;
        this.provision = provision;
    }

    /** The juridik.yaml section that states the ground in words. */
    public String section() {
        return section;
    }

    /** The provision the decision is made under (12 kap. 5 § for absence). */
    public Provision provision() {
        return provision;
    }
}
