package se.stegvis.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The edges of Stegvis' API: {@code stegvis.api.max-body-size} and {@code stegvis.api.allowed-origins}
 * ({@link ApiEdgeFilter}), and {@code stegvis.login.*}, the failed logins a source may make within a window
 * ({@link LoginRateLimiter}).
 */
public final class ApiEdgeProperties {

    private ApiEdgeProperties() {}

    @ConfigurationProperties("stegvis.api")
    public record Api(DataSize maxBodySize, List<String> allowedOrigins) {
        public Api {
            maxBodySize = maxBodySize == null ? DataSize.ofBytes(ApiEdgeFilter.DEFAULT_MAX_BODY_BYTES) : maxBodySize;
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    @ConfigurationProperties("stegvis.login")
    public record Login(int maxFailures, Duration window) {
        public Login {
            maxFailures = maxFailures <= 0 ? 10 : maxFailures;
            window = window == null ? Duration.ofMinutes(1) : window;
        }
    }
}
