package se.stegvis.journey.domain;

import java.util.Arrays;
import se.stegvis.placement.domain.PlacementType;

/**
 * The step scale (stegförflyttning): where a client stands on the way to work or studies, assessed by the coach at
 * every follow-up. The scale is ordinal: a higher level is closer to self-support, and a step up is a move to a
 * higher level. Stored as its level (1–6), never as its position in this enum. See docs/stegforflyttning.md.
 */
public enum Step {
    INTE_REDO(1, "Inte redo för aktivitet"),
    FORBEREDANDE_AKTIVITET(2, "I förberedande aktivitet (t.ex. hälsa, SFI)"),
    ARBETSFORBEREDANDE_INSATS(3, "I arbetsförberedande insats (arbetsträning/praktik)"),
    STUDIER_ELLER_KOMBINATIONSUTBILDNING(4, "I studier eller kombinationsutbildning"),
    SUBVENTIONERAD_ANSTALLNING(5, "I subventionerad anställning"),
    OSUBVENTIONERAT_ARBETE_ELLER_REGULJARA_STUDIER(6, "I osubventionerat arbete eller reguljära studier");

    private final int level;
    private final String label;

    Step(int level, String label) {
        this.level = level;
        this.label = label;
    }

    /** 1 (furthest from work or studies) to 6 (in unsubsidised work or regular studies). */
    public int level() {
        return level;
    }

    /** "Steg 3: I arbetsförberedande insats (arbetsträning/praktik)" — as the form and the report show it. */
    public String label() {
        return label;
    }

    public String numberedLabel() {
        return "Steg " + level + ": " + label;
    }

    public static Step ofLevel(int level) {
        return Arrays.stream(values()).filter(s -> s.level == level).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + level + " on the scale 1–6"));
    }

    /** A step up: this step is higher than the earlier one. Staying is not a step, nor is moving down. */
    public boolean isStepUpFrom(Step earlier) {
        return level > earlier.level;
    }

    /** Steps moved since the earlier step: positive up, negative down, 0 for no movement. */
    public int stepsFrom(Step earlier) {
        return level - earlier.level;
    }

    /** The step a client is on while in a placement of that type, the coach's starting point for the assessment. */
    public static Step whileIn(PlacementType type) {
        return switch (type) {
            case HALSA_REHAB, SFI, SVA, FLEX_SFI -> FORBEREDANDE_AKTIVITET;
            case ARBETSTRANING, PRAKTIK, SAMHALLSNYTTIG_SYSSELSATTNING -> ARBETSFORBEREDANDE_INSATS;
            case JOBBSOKARAKTIVITET -> FORBEREDANDE_AKTIVITET;
            case STUDIER, KOMBINATIONSUTBILDNING -> STUDIER_ELLER_KOMBINATIONSUTBILDNING;
            case ANSTALLNING_MED_STOD_LONEBIDRAG, NYSTARTSJOBB, INTRODUKTIONSJOBB -> SUBVENTIONERAD_ANSTALLNING;
        };
    }
}
