package se.stegvis.integration.ssbtek;

import java.util.UUID;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;

/**
 * The contract between a process model and the income check: an external service task
 * ({@code camunda:type="external"}) with topic {@value #TOPIC}, in a process that holds the application's id in the
 * variable {@value #APPLICATION_ID}. When the check is done the worker sets {@value #REGISTER_CHECKED} to true.
 */
public final class IncomeCheckTopic {

    /** The external task topic. */
    public static final String TOPIC = "inkomstkontroll";
    /** Process variable: the application's id, a UUID as a String. */
    public static final String APPLICATION_ID = "applicationId";
    /** Process variable set on completion: the registers were asked (Boolean true). */
    public static final String REGISTER_CHECKED = "registerKontrollerad";
    /** The incident message (Cockpit) when the register did not answer in any attempt. */
    public static final String REGISTER_UNAVAILABLE_MESSAGE = "Registret (SSBTEK) svarar inte";

    private IncomeCheckTopic() {}

    /**
     * The application id of a fetched task.
     *
     * @throws IllegalArgumentException when the variable is missing or not a UUID string
     */
    public static UUID applicationId(LockedExternalTask task) {
        Object value = task.getVariables().get(APPLICATION_ID);
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("Processvariabeln " + APPLICATION_ID + " saknas eller är inte en text");
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Processvariabeln " + APPLICATION_ID + " är inte ett giltigt id: " + text);
        }
    }
}
