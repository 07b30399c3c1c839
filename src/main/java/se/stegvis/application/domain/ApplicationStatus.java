package se.stegvis.application.domain;

/** Where an application stands; the process moves it on. */
public enum ApplicationStatus {
    INKOMMEN, REGISTERKONTROLL,
    /**
     * The riksnorm for the application's year is not in the deployed table yet (or lacks an amount the household
     * needs): the calculation waits, with the reason on the application, and goes on by itself when a version that
     * covers the year is deployed.
     */
    VANTAR_PA_RIKSNORM,
    UTREDNING, KOMPLETTERING, ATTEST, BESLUTAD, UTBETALD, AVSLUTAD
}
