package se.stegvis.placement.domain;

/** Who offers placements: an employer (praktik, arbetsträning, anställning med stöd) or a school (SFI, komvux, ...). */
public enum ProviderKind {
    ARBETSGIVARE("Arbetsgivare"),
    SKOLA("Skola");

    private final String label;

    ProviderKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
