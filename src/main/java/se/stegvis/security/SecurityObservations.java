package se.stegvis.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Spring Security records no Micrometer observations of its own (a timer per filter of the chain, per
 * authentication and per authorization decision). Nothing reads them — the operations dashboard
 * ({@code docker/grafana}) shows Stegvis' own figures, and the HTTP requests' timers ({@code http_server_requests})
 * stay — while in the benchmark's CPU profile they were about 8 % of the application's CPU under load (issue #14,
 * BENCHMARKS.md).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityObservations {

    @Bean
    SecurityObservationSettings noSpringSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}
