package se.stegvis.journey.domain;

/** How far the person has come in Swedish: the SFI courses A–D, SVA (Swedish as a second language) or fluent. */
public enum SwedishLevel {
    SFI_A("SFI kurs A"),
    SFI_B("SFI kurs B"),
    SFI_C("SFI kurs C"),
    SFI_D("SFI kurs D"),
    SVA("Svenska som andraspråk"),
    FLYTANDE("Flytande svenska");

    private final String label;

    SwedishLevel(String label) {
        this.label = label;
    }

    /** As the coach and the client read it. */
    public String label() {
        return label;
    }
}
