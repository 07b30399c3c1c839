package se.stegvis.norm.domain;

/** What an application gets under the rules on lawful residence (decision {@code laglig-vistelse}). */
public enum AssistanceForm {
    /** The ordinary calculation. */
    FULLT,
    /** Only nödbistånd (help in an acute situation): a decision on that instead of the ordinary calculation. */
    NODBISTAND,
    /** The ordinary calculation, with a warning that the residence must be investigated before the decision. */
    UTRED
}
