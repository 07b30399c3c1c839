package se.stegvis.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

/**
 * Camunda's JAX-RS APIs — {@code /engine-rest/**} and the webapps' engine API that Tasklist and Cockpit call — with
 * one JSON mapper, configured as Camunda configures it, instead of a new one for every use.
 *
 * <p>Camunda's {@link JacksonConfigurator} answers every request for the mapper with {@code new ObjectMapper()}: the
 * JSON provider asks once to read a request's body and once to write its answer, a resource once more for the query
 * it parses (a Tasklist filter's sorting, a task query). A new mapper has empty caches, so every request built
 * Jackson's serializers and deserializers for its classes anew — {@code TaskQueryDto} with its hundred properties,
 * the HAL task list — before it read or wrote a byte: the largest share of the JVM's own time in a Tasklist list
 * (BENCHMARKS.md, "Queries at national scale"). A configured {@link ObjectMapper} is safe to share between threads
 * (Jackson clones the date format for each use), so this resolver hands out one, made by Camunda's own
 * {@link JacksonConfigurator#configureObjectMapper}; should the date format be changed later (Camunda's
 * {@code CustomJacksonDateFormatListener}), the next request gets a mapper made with the new one.
 *
 * <p>Registered in every server-side Jersey application through Jersey's auto-discovery, like
 * {@link EngineRefusalMapper}; with {@link Priority} 1 it comes before Camunda's configurator (no priority: 5000),
 * and Jersey uses the first resolver that answers.
 */
@Provider
@Produces({"application/json", Hal.APPLICATION_HAL_JSON})
@Priority(1)
public class RestObjectMapper extends JacksonConfigurator {

    private record Configured(String dateFormat, ObjectMapper mapper) {}

    private static volatile Configured shared;

    /** How often Jersey asked this resolver for the mapper (for tests). */
    static final AtomicLong REQUESTED = new AtomicLong();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        REQUESTED.incrementAndGet();
        Configured current = shared;
        String dateFormat = JacksonConfigurator.dateFormatString;
        if (current == null || !current.dateFormat().equals(dateFormat)) {
            current = new Configured(dateFormat, configureObjectMapper(new ObjectMapper()));
            shared = current;
        }
        return current.mapper();
    }

    /** Registers the resolver in each server-side Jersey application. */
    @ConstrainedTo(RuntimeType.SERVER)
    public static final class Discovery implements AutoDiscoverable {
        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(RestObjectMapper.class)) {
                context.register(RestObjectMapper.class);
            }
        }
    }
}
