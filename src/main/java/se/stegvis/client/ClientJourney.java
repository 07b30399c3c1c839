package se.stegvis.client;

import java.util.UUID;

/**
 * What the client journey (journey/) offers the other features about a client, so that they talk through the client
 * and never depend on journey/ themselves (journey/ implements it). A grant reaches the journey by message instead
 * ({@link se.stegvis.client.process.JourneyStartMessage}).
 */
public interface ClientJourney {

    /**
     * The household's journey as the caseworker sees it in "Utred ansökan": the active journey (else the latest), its
     * phase, plan, placements, latest step, exit, and the open and upheld sanctions; first the client's status under
     * the aktivitetskrav. Facts only, no personal data.
     */
    String describeForCaseworker(UUID clientId);

    /**
     * Whether the client of this journey is covered by the aktivitetskrav today: then declining a placement or breaking
     * it off without godtagbart skäl leads to a sanction proposal by itself. False for an unknown journey.
     */
    boolean coveredByActivityRequirement(UUID journeyId);
}
