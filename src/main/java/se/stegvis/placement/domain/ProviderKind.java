package se.stegvis.placement.domain;

/** Who offers placements: an employer (praktik, arbetsträning, anställning med stöd) a school (SFI, komvux, ...) or a care
 * or rehabilitation provider (hälsa och rehabilitering), or the municipality's own activities (jobbsökaraktivitet,
 * kommunal arbetsplats, samhällsnyttig sysselsättning). */
public enum ProviderKind {
    ARBETSGIVARE("Arbetsgivare"),
    SKOLA("Skola"),
    VARDGIVARE("Vårdgivare eller rehabilitering"),
    KOMMUNAL_VERKSAMHET("Kommunal verksamhet");

    private final String label;

    ProviderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
