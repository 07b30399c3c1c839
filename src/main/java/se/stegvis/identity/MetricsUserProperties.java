package se.stegvis.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The user Prometheus scrapes {@code /actuator/prometheus} with (group {@code overvakning}: the metrics and nothing
 * else). In the postgres profile from STEGVIS_METRICS_USER and STEGVIS_METRICS_PASSWORD; without a password there is
 * no such user (and only an administrator can scrape).
 */
@ConfigurationProperties("stegvis.metrics-user")
public record MetricsUserProperties(String username, String password) {

    public boolean configured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
