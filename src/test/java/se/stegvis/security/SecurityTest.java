package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.WebappSession;

@StegvisSpringTest
class SecurityTest {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void engineRestRequiresCredentials() {
        var response = http.get("/engine-rest/process-definition", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void engineRestRejectsWrongPassword() {
        var request = http.request("/engine-rest/process-definition", null)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("handlaggare1:fel".getBytes()))
                .GET().build();
        assertThat(http.send(request).statusCode()).isEqualTo(401);
    }

    @Test
    void caseworkerReadsProcessDefinitions() {
        var response = http.get("/engine-rest/process-definition?key=riksnorm-uppdatering&maxResults=10", "handlaggare1");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("riksnorm-uppdatering");
    }

    @Test
    void caseworkerMayNotAdministerUsers() {
        var response = http.postJson("/engine-rest/user/create", "handlaggare1",
                "{\"profile\":{\"id\":\"intrang\",\"firstName\":\"I\",\"lastName\":\"I\"},\"credentials\":{\"password\":\"x\"}}");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void adminMayAdministerUsers() {
        var response = http.get("/engine-rest/authorization/count", "admin");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("\"count\":0");
    }

    @Test
    void healthIsOpenAndShowsEngineAndDatabase() {
        // The job executor is off in these tests; the default-profile start-up test sees its health too.
        var response = http.get("/actuator/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"UP\"", "\"db\"", "\"processEngine\"");
    }

    @Test
    void restOfActuatorIsForAdminsOnly() {
        assertThat(http.get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics", "handlaggare1").statusCode()).isEqualTo(403);
        assertThat(http.get("/actuator/metrics", "admin").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/prometheus", "chef1").statusCode()).isEqualTo(403);
    }

    @Test
    void applicationApiRequiresCredentials() {
        var response = http.get("/api/nagot", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Inloggning krävs");
    }

    @Test
    void webappsKeepCamundasCsrfProtection() {
        var page = http.get("/camunda/app/tasklist/default/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("XSRF-TOKEN="));
        // A logged-in session's state-changing call without the token is refused by Camunda's CSRF filter.
        WebappSession session = new WebappSession(port);
        assertThat(session.login("tasklist", "handlaggare1", "demo")).isEqualTo(200);
        String url = "http://localhost:" + port + "/camunda/api/engine/engine/default/message";
        var withoutToken = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.headers().firstValue("X-XSRF-TOKEN")).hasValue("Required");
        var withToken = session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", session.csrfToken())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(withToken.statusCode()).isNotEqualTo(403);
    }

    @Test
    void caseworkerLogsIntoTasklistButNotAdmin() {
        assertThat(login("handlaggare1", "tasklist")).isEqualTo(200);
        assertThat(login("handlaggare1", "admin")).isEqualTo(403);
        assertThat(login("chef1", "cockpit")).isEqualTo(200);
        assertThat(login("processagare1", "cockpit")).isEqualTo(200);
        assertThat(login("etjanst", "tasklist")).isEqualTo(403);
        assertThat(login("admin", "admin")).isEqualTo(200);
    }

    private int login(String user, String app) {
        return new WebappSession(port).login(app, user, "demo");
    }
}
