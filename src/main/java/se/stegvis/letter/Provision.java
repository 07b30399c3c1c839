package se.stegvis.letter;

/**
 * The provisions a letter cites, by their name in {@code juridik.yaml} ({@code lagrum[].hanvisningar}). Which
 * paragraph each name means depends on the decision date: SoL 2001:453 / SoF 2001:937 before 2025-07-01,
 * SoL 2025:400 / SoF 2025:468 from it. A new provision is a new constant here and a new name in the file's periods.
 */
public enum Provision {
    /** The right to ekonomiskt bistånd (SoL 2025:400 12 kap. 1 §). */
    BISTAND("bistand", true),
    /** To be at the labour market's disposal, SFI when needed (12 kap. 3 §). */
    ARBETSMARKNADEN("arbetsmarknaden", true),
    /** Required praktik or kompetenshöjande verksamhet (12 kap. 4 §). */
    PRAKTIK("praktik", true),
    /** Refusal or reduction after declining or staying away without godtagbart skäl (12 kap. 5 §). */
    NEDSATTNING("nedsattning", true),
    /** Norm items, riksnorm, reasonable costs (12 kap. 7 §). */
    NORM("norm", true),
    /** Jobbstimulans (12 kap. 8 §). */
    JOBBSTIMULANS("jobbstimulans", true),
    /** Children's own work income up to one prisbasbelopp (12 kap. 9 §). */
    BARNS_INKOMST("barns-inkomst", true),
    /** The riksnorm amounts (SoF 2025:468 12 kap. 2 §). */
    RIKSNORM("riksnorm", true),
    /** Appeal of a decision on ekonomiskt bistånd (35 kap. 1 § p. 1). */
    OVERKLAGANDE_BISTAND("overklagande-bistand", true),
    /** Appeal of a refusal or reduction (35 kap. 1 § p. 2). */
    OVERKLAGANDE_NEDSATTNING("overklagande-nedsattning", true),
    /** The right to answer orally in a kommunicering, and to be told so (14 kap. 8 §); only in the new act. */
    MUNTLIG_UPPGIFT("muntlig-uppgift", false),
    /**
     * Nödbistånd only for a person not lawfully resident in Sweden, for months from 2027-01 (prop. 2025/26:201; the
     * paragraph is confirmed against SFS by the process owner); only in the new act.
     */
    NODBISTAND("nodbistand", false);

    private final String key;
    private final boolean inEveryPeriod;

    Provision(String key, boolean inEveryPeriod) {
        this.key = key;
        this.inEveryPeriod = inEveryPeriod;
    }

    /** The name in juridik.yaml. */
    public String key() {
        return key;
    }

    /** Whether every period of juridik.yaml must cite it (checked when the file is read). */
    boolean inEveryPeriod() {
        return inEveryPeriod;
    }
}
