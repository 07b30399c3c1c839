package se.stegvis.placement.domain;

/**
 * The kinds of work-preparation intervention (arbetsförberedande insats). Company-based placements and subsidised
 * jobs are what the evidence favours for those who can take them; the flags say which is which.
 */
public enum PlacementType {
    ARBETSTRANING("Arbetsträning", true, false),
    PRAKTIK("Praktik", true, false),
    ANSTALLNING_MED_STOD_LONEBIDRAG("Anställning med stöd (lönebidrag)", true, true),
    NYSTARTSJOBB("Nystartsjobb", true, true),
    INTRODUKTIONSJOBB("Introduktionsjobb", true, true),
    SFI("SFI", false, false),
    SVA("SVA", false, false),
    KOMBINATIONSUTBILDNING("Kombinationsutbildning (SFI/SVA och yrkeskurs)", false, false),
    FLEX_SFI("Flex-SFI (på distans)", false, false),
    STUDIER("Studier (komvux, yrkesutbildning)", false, false),
    HALSA_REHAB("Hälsa och rehabilitering", false, false);

    private final String label;
    private final boolean companyBased;
    private final boolean subsidisedEmployment;

    PlacementType(String label, boolean companyBased, boolean subsidisedEmployment) {
        this.label = label;
        this.companyBased = companyBased;
        this.subsidisedEmployment = subsidisedEmployment;
    }

    /** As a coach says it. */
    public String label() {
        return label;
    }

    /** At an employer's workplace (praktik, arbetsträning, anställning med stöd). */
    public boolean companyBased() {
        return companyBased;
    }

    /** Who offers it: an employer for company-based placements, a care or rehabilitation provider for health, else a school. */
    public ProviderKind providerKind() {
        if (companyBased) {
            return ProviderKind.ARBETSGIVARE;
        }
        return this == HALSA_REHAB ? ProviderKind.VARDGIVARE : ProviderKind.SKOLA;
    }

    /**
     * Whether the client studies SFI in it (SFI, flex-SFI, and kombinationsutbildning when built on SFI): the SFI
     * three-year clock applies ({@link SfiRight}).
     */
    public boolean includesSfi() {
        return this == SFI || this == FLEX_SFI || this == KOMBINATIONSUTBILDNING;
    }

    /** SFI itself (or flex-SFI): the first SFI admission must be recorded when it is matched. */
    public boolean isSfi() {
        return this == SFI || this == FLEX_SFI;
    }

    /** Anställning med stöd: the municipality's "share of ended supported employments followed by work or studies". */
    public boolean subsidisedEmployment() {
        return subsidisedEmployment;
    }
}
