package se.stegvis.placement.domain;

/**
 * The four kinds of activity that count under the aktivitetskrav (prop. 2025/26:207, verified): raising the ability to
 * work or study, language, job search, and workplace-based activities including municipal workplaces and
 * community-benefit work. Every {@link PlacementType} belongs to one ({@link PlacementType#category()}).
 */
public enum ActivityCategory {
    KOMPETENSHOJANDE("Kompetenshöjande"),
    SPRAK("Språk"),
    JOBBSOKANDE("Jobbsökande"),
    ARBETSPLATSFORLAGD("Arbetsplatsförlagd eller samhällsnyttig");

    private final String label;

    ActivityCategory(String label) {
        this.label = label;
    }

    /** As the law and the coach say it. */
    public String label() {
        return label;
    }
}
