package se.stegvis.config;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A business rule said no: the request, the form or the task is refused for a reason the user can act on. Thrown by
 * controllers, services, delegates and task listeners alike; every API answers it with its {@link #status()} and the
 * Swedish message, naming the {@link #field()} or the {@link #rule()}, never with 500:
 * <ul>
 *   <li>{@code /api/**}: {@link ApiErrorHandler}, the project's {@link ApiError} format;</li>
 *   <li>{@code /engine-rest/**} and the webapps' engine API (Tasklist): {@link EngineRefusalMapper}, Camunda's error
 *       format ({@code type}, {@code message}) with {@code status}, {@code field} and {@code rule} added, so that
 *       Tasklist shows the message as before.</li>
 * </ul>
 * A kind of {@link ProcessEngineException} (Camunda's {@link BadUserRequestException}), so that the engine treats it as
 * its own — a task listener's refusal rolls the completion back and Tasklist keeps the task and what was typed — and
 * logs it as a user's mistake, not as an error, where it sees it unwrapped. The kinds:
 * {@link InvalidRequestException} (400, a field's value), {@link ForbiddenException} (403, a rule such as four eyes),
 * {@link ConflictException} (409, the state does not allow it) and {@link NotFoundException} (404).
 *
 * <p>Messages name fields and rules, never personal data: they are shown, returned and may be logged.
 */
public abstract class Refusal extends BadUserRequestException {

    private final String field;
    private final String rule;

    protected Refusal(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    /** The HTTP status this refusal is answered with. */
    public abstract int status();

    /** The field (JSON path or form field / variable name) whose value is refused, or null. */
    public String field() {
        return field;
    }

    /** A short, stable name of the rule that refused (e.g. {@code fyra-ogon}), or null. */
    public String rule() {
        return rule;
    }

    /** The first refusal among an exception and its causes (the engine wraps a listener's exception), or null. */
    public static Refusal in(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
