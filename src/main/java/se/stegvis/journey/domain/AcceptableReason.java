package se.stegvis.journey.domain;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Godtagbart skäl: why the client's absence or refusal is accepted, so that a proposed reduction under the
 * aktivitetskrav is dropped. The law does not define godtagbart skäl; the list is the office's, each ground recorded
 * with a text, and illness with a läkarintyg when the absence is longer than a setting
 * ({@code stegvis.aktivitetskrav.dagar-utan-lakarintyg}).
 */
public enum AcceptableReason {
    SJUKDOM("Sjukdom"),
    VARD_AV_BARN("Vård av sjukt barn"),
    ARBETE_ELLER_INTERVJU("Arbete eller anställningsintervju"),
    VARD_ELLER_MYNDIGHET("Besök hos vården eller en myndighet"),
    AKUT_HANDELSE("Akut händelse i familjen"),
    BRIST_I_INSATSEN("Insatsen var inte lämplig eller inte ordnad av kontoret"),
    ANNAT("Annat skäl som bedömts som godtagbart");

    private final String label;

    AcceptableReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The allowed values, for a refusal that lists them. */
    public static String allowed() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
