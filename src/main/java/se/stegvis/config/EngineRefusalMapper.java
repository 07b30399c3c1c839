package se.stegvis.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Answers for Camunda's JAX-RS APIs — {@code /engine-rest/**} and the webapps' engine API that Tasklist and Cockpit
 * call — that say what happened:
 * <ul>
 *   <li>A {@link Refusal} anywhere in the exception's causes (the engine wraps a task listener's exception, the REST
 *       resource wraps that again as a 500) is answered with the refusal's status (400, 403, 404, 409) and Camunda's
 *       error format ({@code type}, {@code message}, which Tasklist shows) with {@code status}, {@code field} and
 *       {@code rule} added. Never 500.</li>
 *   <li>When {@code stegvis.errors.hide-server-error-messages} is on (profile {@code postgres}), any other error that
 *       Camunda would answer with 500 gets a body without the exception's message, only an id that the ERROR log
 *       line carries with the exception.</li>
 * </ul>
 * Everything else is left to Camunda's own exception handlers. The mappers take precedence over Camunda's for the
 * same exception type by their priority (Jersey picks the nearest type, then the lower priority value), and are
 * registered in every Jersey application of the server through Jersey's auto-discovery
 * ({@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}), because the webapps' engine API is
 * a JAX-RS application the Spring starter builds without a hook for providers.
 */
public final class EngineRefusalMapper {

    static final String HIDE_PROPERTY = "stegvis.errors.hide-server-error-messages";
    /** Ahead of Camunda's handlers, which have none (Jersey counts them as 5000). */
    static final int PRIORITY = 1;
    private static final Logger log = LoggerFactory.getLogger(EngineRefusalMapper.class);

    /** Camunda's default password policy, as a person setting a password needs to hear it. */
    static final String WEAK_PASSWORD = "Lösenordet följer inte lösenordsreglerna: minst 10 tecken, med stor och liten "
            + "bokstav, siffra och specialtecken, och utan användarens id, förnamn eller efternamn.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EngineRefusalMapper() {}

    /** Registers the mappers in each server-side Jersey application. */
    @ConstrainedTo(RuntimeType.SERVER)
    public static final class Discovery implements AutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(ForRestException.class)) {
                context.register(ForRestException.class, PRIORITY);
                context.register(ForProcessEngineException.class, PRIORITY);
                context.register(ForAnyException.class, PRIORITY);
            }
        }
    }

    /** What Camunda's resources throw when they wrap the engine's exception (e.g. completing a task). */
    public static final class ForRestException extends Base<RestException> {}

    /** What the engine throws when a resource does not wrap it (e.g. starting a process by key). */
    public static final class ForProcessEngineException extends Base<ProcessEngineException> {}

    /** Anything else that would otherwise become a 500. */
    public static final class ForAnyException extends Base<Throwable> {}

    abstract static class Base<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Context
        ServletContext servletContext;

        private volatile Boolean hide;

        @Override
        public boolean isMappable(E exception) {
            return Refusal.in(exception) != null || concurrentChange(exception) != null || weakPassword(exception) != null
                    || (hidesServerErrors() && ExceptionHandlerHelper.getInstance().getStatus(exception)
                    == Response.Status.INTERNAL_SERVER_ERROR);
        }

        @Override
        public Response toResponse(E exception) {
            Refusal refusal = Refusal.in(exception);
            Map<String, Object> body = new LinkedHashMap<>();
            int status;
            if (refusal != null) {
                status = refusal.status();
                body.put("type", refusal.getClass().getSimpleName());
                body.put("message", refusal.getMessage());
                body.put("status", status);
                if (refusal.field() != null) {
                    body.put("field", refusal.field());
                }
                if (refusal.rule() != null) {
                    body.put("rule", refusal.rule());
                }
                log.debug("Refused with {} ({}/{}): {}", status, refusal.field(), refusal.rule(), refusal.getMessage());
            } else if (concurrentChange(exception) != null) {
                // Two people took or changed the same task at once: the later one is told, not given a 500.
                status = Response.Status.CONFLICT.getStatusCode();
                body.put("type", "ConflictException");
                body.put("message", concurrentChange(exception) instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException
                        ? "Uppgiften har redan tagits av någon annan. Uppdatera listan."
                        : "Någon annan ändrade samma sak samtidigt. Uppdatera och försök igen.");
                body.put("status", status);
            } else if (weakPassword(exception) != null) {
                // Admin or the user API set a password that the policy refuses: the engine throws a plain
                // ProcessEngineException, which Camunda answers with 500. It is the caller's input: 400, saying why.
                status = Response.Status.BAD_REQUEST.getStatusCode();
                body.put("type", "InvalidRequestException");
                body.put("message", WEAK_PASSWORD);
                body.put("status", status);
                body.put("field", "password");
            } else {
                status = Response.Status.INTERNAL_SERVER_ERROR.getStatusCode();
                String id = UUID.randomUUID().toString();
                log.error("Server error {} in Camunda's REST API", id, exception);
                body.put("type", "ServerError");
                body.put("message", "Ett oväntat fel inträffade. Ange felkod " + id + " till systemförvaltningen.");
                body.put("status", status);
            }
            try {
                return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(JSON.writeValueAsString(body)).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** The engine's refusal of a password under the password policy, anywhere in the causes, or null. */
        static Throwable weakPassword(Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ProcessEngineException && t.getMessage() != null
                        && t.getMessage().startsWith("Password does not match policy")) {
                    return t;
                }
            }
            return null;
        }

        /** A claim race or an optimistic-locking conflict anywhere in the causes, or null. */
        static Throwable concurrentChange(Throwable exception) {
            for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException
                        || t instanceof org.camunda.bpm.engine.OptimisticLockingException) {
                    return t;
                }
            }
            return null;
        }

        private boolean hidesServerErrors() {
            Boolean value = hide;
            if (value == null) {
                WebApplicationContext spring = servletContext == null ? null
                        : WebApplicationContextUtils.getWebApplicationContext(servletContext);
                value = spring != null && spring.getEnvironment().getProperty(HIDE_PROPERTY, Boolean.class, false);
                hide = value;
            }
            return value;
        }
    }
}
