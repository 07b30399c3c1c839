package se.stegvis.application.domain;

/** The three kinds of application for ekonomiskt bistånd. */
public enum ApplicationKind {
    /** The first application. */
    NYANSOKAN,
    /** The next month's application, pre-filled from the last one. */
    ATERANSOKAN,
    /** An extra need (livsföringen i övrigt): acute dental care, glasses, medicine, childcare fee. */
    TILLAGGSANSOKAN
}
