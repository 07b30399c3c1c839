package se.stegvis.placement.domain;

/**
 * The kinds of work-preparation intervention (arbetsförberedande insats). Company-based placements and subsidised
 * jobs are what the evidence favours for those who can take them; the flags say which is which.
 */
public enum PlacementType {
    ARBETSTRANING("Arbetsträning", true, false, ActivityCategory.ARBETSPLATSFORLAGD),
    PRAKTIK("Praktik", true, false, ActivityCategory.ARBETSPLATSFORLAGD),
    ANSTALLNING_MED_STOD_LONEBIDRAG("Anställning med stöd (lönebidrag)", true, true, ActivityCategory.ARBETSPLATSFORLAGD),
    NYSTARTSJOBB("Nystartsjobb", true, true, ActivityCategory.ARBETSPLATSFORLAGD),
    INTRODUKTIONSJOBB("Introduktionsjobb", true, true, ActivityCategory.ARBETSPLATSFORLAGD),
    SFI("SFI", false, false, ActivityCategory.SPRAK),
    SVA("SVA", false, false, ActivityCategory.SPRAK),
    KOMBINATIONSUTBILDNING("Kombinationsutbildning (SFI/SVA och yrkeskurs)", false, false, ActivityCategory.KOMPETENSHOJANDE),
    FLEX_SFI("Flex-SFI (på distans)", false, false, ActivityCategory.SPRAK),
    STUDIER("Studier (komvux, yrkesutbildning)", false, false, ActivityCategory.KOMPETENSHOJANDE),
    HALSA_REHAB("Hälsa och rehabilitering", false, false, ActivityCategory.KOMPETENSHOJANDE),
    /** A job-search activity (jobbsökaraktivitet) the municipality runs or buys: the law's third category. */
    JOBBSOKARAKTIVITET("Jobbsökaraktivitet", false, false, ActivityCategory.JOBBSOKANDE),
    /** Work at a municipal workplace or community-benefit work (samhällsnyttig sysselsättning): the fourth category. */
    SAMHALLSNYTTIG_SYSSELSATTNING("Kommunal arbetsplats eller samhällsnyttig sysselsättning", false, false,
            ActivityCategory.ARBETSPLATSFORLAGD);

    private final String label;
    private final boolean companyBased;
    private final boolean subsidisedEmployment;
    private final ActivityCategory category;

    PlacementType(String label, boolean companyBased, boolean subsidisedEmployment, ActivityCategory category) {
        this.label = label;
        this.companyBased = companyBased;
        this.subsidisedEmployment = subsidisedEmployment;
        this.category = category;
    }

    /**
     * The category it counts as under the aktivitetskrav. Hälsa och rehabilitering counts as raising the ability to
     * work (kompetenshöjande); kombinationsutbildning as kompetenshöjande (a vocational course with language).
     */
    public ActivityCategory category() {
        return category;
    }

    /** As a coach says it. */
    public String label() {
        return label;
    }

    /** At an employer's workplace (praktik, arbetsträning, anställning med stöd). */
    public boolean companyBased() {
        return companyBased;
    }

    /**
     * Who offers it: an employer for company-based placements, a care or rehabilitation provider for health, the
     * municipality's own activities (jobbtorg, municipal workplaces) for job search and community-benefit work, else
     * a school.
     */
    public ProviderKind providerKind() {
        if (companyBased) {
            return ProviderKind.ARBETSGIVARE;
        }
        if (this == JOBBSOKARAKTIVITET || this == SAMHALLSNYTTIG_SYSSELSATTNING) {
            return ProviderKind.KOMMUNAL_VERKSAMHET;
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
