package se.stegvis.appeal.domain;

/** Where an appeal (överklagande) stands. */
public enum AppealStatus {
    /** Registered in time; the decision is being reconsidered (omprövning). */
    REGISTRERAT,
    /** Reconsidered and changed: a new decision replaces the appealed one; the appeal falls (förvaltningslagen 46 §). */
    BESLUT_ANDRAT,
    /** Reconsidered and upheld: forwarded to förvaltningsrätten (FORWARDED). */
    OVERLAMNAT,
    /** Förvaltningsrätten's ruling is recorded. */
    DOM_REGISTRERAD,
    /** Received after the three weeks: dismissed as late (förvaltningslagen 45 §). */
    AVVISAT_FOR_SENT
}
