package se.stegvis.journey.domain;

/**
 * Where a journey stands, derived from what is recorded (not from the process's position, so that it reads the same
 * in the API, in "Utred ansökan" and in reports):
 * <ol>
 *   <li>{@link #KARTLAGGNING}: no mapping yet;</li>
 *   <li>{@link #PLANERING}: mapped, no plan version yet;</li>
 *   <li>{@link #VANTAR_PA_INSATS}: planned, a placement is requested or matched but none has started;</li>
 *   <li>{@link #I_INSATS}: at least one placement has started and not ended;</li>
 *   <li>{@link #UPPFOLJNING}: planned, no placement running or waiting: the follow-up conversations go on;</li>
 *   <li>{@link #AVSLUTAD}: the journey has ended (exit recorded).</li>
 * </ol>
 */
public enum JourneyPhase {
    KARTLAGGNING("Kartläggning"),
    PLANERING("Individuell planering"),
    VANTAR_PA_INSATS("Väntar på insats"),
    I_INSATS("I insats"),
    UPPFOLJNING("Uppföljning"),
    AVSLUTAD("Avslutad");

    private final String label;

    JourneyPhase(String label) {
        this.label = label;
    }

    /** As the coach and the caseworker read it. */
    public String label() {
        return label;
    }
}
