package se.stegvis.integration.ssbtek;

/** The authorities whose registers SSBTEK answers for. */
public enum RegisterSource {
    FK("Försäkringskassan"),
    SKV("Skatteverket"),
    AF("Arbetsförmedlingen"),
    CSN("CSN"),
    AKASSA("Arbetslöshetskassan");

    private final String authority;

    RegisterSource(String authority) {
        this.authority = authority;
    }

    /** The authority's name as a caseworker reads it. */
    public String authority() {
        return authority;
    }
}
