package se.stegvis.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real (embedded) PostgreSQL with demo users, on a random port and without the job
 * executor, metrics exported as in production. All tests that use it share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Metrics export as in production (/actuator/prometheus); Spring Boot's tests switch it off otherwise.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
@Import(EmbeddedPostgresDataSource.class)
public @interface StegvisSpringTest {}
