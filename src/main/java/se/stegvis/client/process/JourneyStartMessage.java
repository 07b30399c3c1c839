package se.stegvis.client.process;

import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;

/**
 * The message by which a grant reaches the client journey, named in one place for the feature that sends it
 * (application/: "Starta klientresan" in ekonomiskt-bistand) and the one that receives it (journey/: klientresa), so
 * that neither depends on the other. It carries the client's id and nothing else (never a personnummer).
 *
 * <p>A running journey of the client catches it ("Nytt beviljat bistånd", which checks the aktivitetskrav); when none
 * runs it starts a new journey at the message start event "Bistånd beviljat". The engine tries the running instances
 * first and the start event only when none waits for the message (message correlation), so a grant during a journey
 * starts nothing new.
 */
public final class JourneyStartMessage {

    /** The message's name, in processes/ekonomiskt-bistand.bpmn and processes/klientresa.bpmn. */
    public static final String NAME = "StartaKlientresa";
    /**
     * String: the client's (the household's) id. A journey keeps it as a process variable, by which the message finds
     * the client's running journey.
     */
    public static final String CLIENT_ID = "clientId";

    private JourneyStartMessage() {}

    /**
     * Sends the message for the client: to the client's running journey when one waits for it, else to the start
     * event of a new one. Runs in the caller's transaction: when the caller's step fails and is retried, nothing it
     * sent remains.
     */
    public static MessageCorrelationResult send(RuntimeService runtime, UUID clientId) {
        return runtime.createMessageCorrelation(NAME)
                .processInstanceVariableEquals(CLIENT_ID, clientId.toString())
                .setVariable(CLIENT_ID, clientId.toString())
                .correlateWithResult();
    }
}
