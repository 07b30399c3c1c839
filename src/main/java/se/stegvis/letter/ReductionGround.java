package se.stegvis.letter;

/**
 * Why a reduction (or refusal) of continued försörjningsstöd is considered: the ground the kommunicering and the
 * decision letter state, in words from a section of {@code juridik.yaml}, and the provisions they cite. Issue #11's
 * aktivitetskrav adds its own ground here (and its section in juridik.yaml); the letters stay the same.
 */
public enum ReductionGround {
    /** Declining or staying away from required praktik or kompetenshöjande verksamhet without godtagbart skäl. */
    FRANVARO("grund-franvaro", Provision.NEDSATTNING);

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
