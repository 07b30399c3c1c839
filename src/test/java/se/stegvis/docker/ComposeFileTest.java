package se.stegvis.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs on the build machines, so docker/ is checked by reading it: the variables the compose file
 * gives Stegvis are the ones the application reads, and every one the postgres profile needs is given.
 */
class ComposeFileTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:([^}]*))?}");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stegvisService() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        return (Map<String, Object>) services.get("stegvis");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> composeEnvironment() throws IOException {
        return ((Map<String, Object>) stegvisService().get("environment")).keySet();
    }

    /** Placeholders in the application's configuration: name → has a default. */
    private static Map<String, Boolean> applicationPlaceholders(String file) throws IOException {
        Matcher m = PLACEHOLDER.matcher(Files.readString(Path.of("src/main/resources", file)));
        Map<String, Boolean> names = new java.util.HashMap<>();
        while (m.find()) {
            names.put(m.group(1), m.group(2) != null);
        }
        return names;
    }

    @Test
    void composeSetsOnlyVariablesTheApplicationReads() throws IOException {
        Set<String> read = new HashSet<>(applicationPlaceholders("application-postgres.yaml").keySet());
        read.addAll(applicationPlaceholders("application.yaml").keySet());
        read.add("SPRING_PROFILES_ACTIVE"); // Spring Boot's own
        assertThat(read).containsAll(composeEnvironment());
    }

    @Test
    void composeSetsEveryVariableThePostgresProfileRequires() throws IOException {
        Set<String> env = composeEnvironment();
        applicationPlaceholders("application-postgres.yaml").forEach((name, hasDefault) -> {
            if (!hasDefault) {
                assertThat(env).as("compose sets " + name).contains(name);
            }
        });
        assertThat(env).contains("STEGVIS_ADMIN_PASSWORD");
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) stegvisService().get("environment");
        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("postgres");
        assertThat(environment.get("STEGVIS_ADMIN_PASSWORD").toString()).startsWith("${STEGVIS_ADMIN_PASSWORD:?");
    }

    @Test
    void dockerfileRunsAsNonRootOnAJreAndComposeHasHealthChecksAndAVolume() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jdk AS build")
                .containsPattern("(?m)^FROM eclipse-temurin:17-jre")
                .containsPattern("(?m)^USER stegvis")
                .contains("EXPOSE 8080");
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        assertThat(((Map<?, ?>) compose.get("volumes")).containsKey("stegvis-db")).isTrue();
        assertThat(stegvisService()).containsKey("healthcheck");
        assertThat(stegvisService().get("ports").toString()).contains("8080:8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void monitoringScrapesWithTheMetricsOnlyUserAndItsPortsStayOnTheInternalNetwork() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(Path.of("docker/prometheus/prometheus.yml")));
        Map<String, Object> job = ((java.util.List<Map<String, Object>>) prometheus.get("scrape_configs")).get(0);
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        Map<String, Object> auth = (Map<String, Object>) job.get("basic_auth");
        assertThat(auth.get("username")).isEqualTo("prometheus");
        assertThat(auth.get("password_file")).isEqualTo("/run/secrets/stegvis_metrics_password");
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).containsKeys("prometheus", "grafana");
        assertThat(((Map<String, Object>) compose.get("secrets"))).containsKey("stegvis_metrics_password")
                .doesNotContainKey("stegvis_admin_password");
        assertThat(composeEnvironment()).contains("STEGVIS_METRICS_USER", "STEGVIS_METRICS_PASSWORD");
        // The database is only on the internal network (no route out, nothing published), Prometheus reaches Stegvis
        // there; only Stegvis is on the published network; the monitoring ports are on the host's loopback only.
        Map<String, Object> networks = (Map<String, Object>) compose.get("networks");
        assertThat((Map<String, Object>) networks.get("intern")).containsEntry("internal", true);
        Map<String, Object> postgres = (Map<String, Object>) services.get("postgres");
        assertThat((java.util.List<String>) postgres.get("networks")).containsExactly("intern");
        assertThat(postgres).doesNotContainKey("ports");
        for (String service : java.util.List.of("prometheus", "grafana")) {
            Map<String, Object> s = (Map<String, Object>) services.get(service);
            assertThat((java.util.List<String>) s.get("networks")).as(service).doesNotContain("webb");
            assertThat((java.util.List<String>) s.get("ports")).as(service)
                    .allSatisfy(p -> assertThat(p).startsWith("127.0.0.1:"));
        }
        assertThat((java.util.List<String>) ((Map<String, Object>) services.get("prometheus")).get("networks"))
                .contains("intern");
        assertThat((java.util.List<String>) stegvisService().get("networks")).contains("intern", "webb");

        // The dashboard's metrics are checked against a real scrape in metrics/OperationalMetricsTest.
        assertThat(Files.exists(Path.of("docker/grafana/dashboards/stegvis-drift.json"))).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theClusterProfileRunsASecondNodeLikeTheFirstBehindALoadBalancer() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        Map<String, Object> second = (Map<String, Object>) services.get("stegvis-2");
        assertThat((List<String>) second.get("profiles")).containsExactly("cluster");
        assertThat(second.get("environment")).isEqualTo(stegvisService().get("environment"));
        assertThat(second.get("image")).isEqualTo(stegvisService().get("image"));
        assertThat(second.get("depends_on").toString()).contains("stegvis", "service_healthy");
        Map<String, Object> balancer = (Map<String, Object>) services.get("loadbalancer");
        assertThat((List<String>) balancer.get("profiles")).containsExactly("cluster");
        String nginx = Files.readString(Path.of("docker/nginx/stegvis.conf"));
        assertThat(nginx).contains("server stegvis:8080", "server stegvis-2:8080", "listen 8088")
                .doesNotContainPattern("(?m)^\\s*(ip_hash|sticky|hash)\\b");
    }
}
