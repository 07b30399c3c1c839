package se.stegvis.application.domain;

/** Where an application stands; the process moves it on. */
public enum ApplicationStatus {
    INKOMMEN, REGISTERKONTROLL, UTREDNING, KOMPLETTERING, ATTEST, BESLUTAD, UTBETALD, AVSLUTAD
}
