package se.stegvis.norm.domain;

/** Whether the applicant is lawfully resident in Sweden, as recorded on the application. */
public enum LawfulResidence {
    JA, NEJ,
    /** Not yet known: to be investigated before the decision. */
    EJ_KANT
}
