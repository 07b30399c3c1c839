package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.WebappSession;

/**
 * Prometheus' user (group overvakning; the demo user prometheus1) scrapes the metrics and reads nothing else: no other
 * actuator endpoint, no case API, nothing through the engine's REST API, no webapp.
 */
@StegvisSpringTest
class MetricsUserTest {

    @LocalServerPort
    int port;

    @Test
    void theMetricsUserScrapesAndReadsNothingElse() {
        Http http = new Http(port);
        var scrape = http.get("/actuator/prometheus", "prometheus1");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
        assertThat(http.get("/actuator/metrics", "prometheus1").statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/env", "prometheus1").statusCode()).isIn(403, 404);
        for (String path : List.of("/api/ansokningar?month=2025-11", "/api/nyckeltal", "/api/atkomstlogg",
                "/api/utbetalningsfiler", "/api/utbetalningar")) {
            assertThat(http.get(path, "prometheus1").statusCode()).as(path).isIn(403, 404);
        }
        for (String path : List.of("/engine-rest/task?maxResults=100", "/engine-rest/process-instance?maxResults=100", "/engine-rest/user?maxResults=100",
                "/engine-rest/history/variable-instance")) {
            var response = http.get(path, "prometheus1");
            assertThat(response.statusCode()).as(path).isIn(200, 403);
            if (response.statusCode() == 200) {
                assertThat(response.body()).as(path).isIn("[]", "[{\"id\":\"prometheus1\",\"firstName\":\"Prometheus\","
                        + "\"lastName\":\"Mätvärden\",\"email\":null}]");
            }
        }
        WebappSession cockpit = new WebappSession(port);
        assertThat(cockpit.login("cockpit", "prometheus1", "demo")).isNotEqualTo(200);
    }
}
