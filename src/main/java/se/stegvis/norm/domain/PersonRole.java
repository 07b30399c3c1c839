package se.stegvis.norm.domain;

/** The rows of the riksnorm's personal costs, as the input "Person" of the decision table names them. */
public enum PersonRole {
    /** A child up to 18, amount by age band. */
    BARN,
    /** A young person of 19–20 living at home and still in school (hemmavarande skolungdom). */
    SKOLUNGDOM,
    /** A single adult, or an adult who shares a home without being anyone's partner. */
    ENSAMSTAENDE_VUXEN,
    /** Two adults living as a couple: one amount covers both. */
    SAMBOR
}
