package se.stegvis.norm.domain;

/** How an income is counted. */
public enum IncomeKind {
    /**
     * An adult's income from employment (lön). Counted in full, except that while jobbstimulans applies 25 % of it
     * is not counted.
     */
    EMPLOYMENT,
    /**
     * A child's or a school-going youth's (under 21) own work income. Not counted up to one prisbasbelopp per
     * calendar year; what exceeds it is counted.
     */
    CHILD_WORK,
    /** Every other income (benefits, allowances, maintenance, capital, ...): counted in full. */
    OTHER
}
