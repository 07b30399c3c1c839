package se.stegvis;

import org.springframework.boot.SpringApplication;
import org.springframework.core.metrics.jfr.FlightRecorderApplicationStartup;
import org.springframework.boot.actuate.autoconfigure.observation.web.client.HttpClientObservationsAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.data.web.SpringDataWebAutoConfiguration;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.sql.init.SqlInitializationAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.jta.JtaAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.websocket.servlet.WebSocketServletAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Stegvis: from an application for ekonomiskt bistånd to work or studies.
 *
 * <p>Auto-configurations that matched but that Stegvis does not use are left out: each costs the start its condition
 * checks, classes and beans (BENCHMARKS.md "Start-up"; the list from the conditions report, {@code --debug}).
 * {@code AutoConfigurationExclusionsTest} checks that they stay out and that what they would have made is not needed.
 */
@SpringBootApplication(exclude = {
        // No WebSocket endpoint: Stegvis' API and Camunda's webapps are plain HTTP.
        WebSocketServletAutoConfiguration.class,
        // No controller takes Pageable or Sort (the API pages with its own parameters); repositories page internally.
        SpringDataWebAutoConfiguration.class,
        // Stegvis calls no HTTP service (the register check and Arbetsförmedlingen are behind ports, their local
        // stand-ins in-process): no RestTemplate, RestClient or HTTP client factories, nor their observations.
        RestTemplateAutoConfiguration.class,
        RestClientAutoConfiguration.class,
        HttpClientAutoConfiguration.class,
        HttpClientObservationsAutoConfiguration.class,
        // No schema.sql or data.sql: Flyway owns Stegvis' schema, the engine its own.
        SqlInitializationAutoConfiguration.class,
        // One database, local transactions: no JTA transaction manager to look for.
        JtaAutoConfiguration.class})
@ConfigurationPropertiesScan
public class StegvisApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(StegvisApplication.class);
        if ("jfr".equals(System.getProperty("stegvis.startup-steps"))) {
            // Spring's start-up steps (each bean's creation, with its duration) as JFR events, for a recording of
            // the start (-XX:StartFlightRecording; BENCHMARKS.md, "Start-up")
            application.setApplicationStartup(new FlightRecorderApplicationStartup());
        }
        application.run(args);
    }
}
