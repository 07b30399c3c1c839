package se.stegvis.appeal.domain;

/** Förvaltningsrätten's ruling on an appeal. */
public enum CourtOutcome {
    /** The appeal is granted: the court changes the decision. */
    BIFALL,
    /** The appeal is refused: the decision stands. */
    AVSLAG,
    /** The court does not try the appeal (e.g. not appealable). */
    AVVISAT
}
