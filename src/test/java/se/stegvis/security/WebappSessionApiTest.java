package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.stegvis.support.Http;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.WebappSession;

/**
 * The Cockpit plugin "Nyckeltal" reads {@code /api/nyckeltal} with the user's Camunda webapp session: the session's
 * user and their groups decide, exactly as with HTTP Basic; nothing else under {@code /api} accepts the session.
 */
@StegvisSpringTest
class WebappSessionApiTest {

    private static final String FIGURES = "/api/nyckeltal?from=2025-01&to=2025-03";

    @LocalServerPort
    int port;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityService identityService;

    @Test
    void managersAndTeamLeadersMayOpenCockpitCaseworkersMayNot() {
        for (String user : new String[] {"chef1", "teamledare1"}) {
            var groups = identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
            assertThat(authorizationService.isUserAuthorized(user, groups, Permissions.ACCESS, Resources.APPLICATION,
                    "cockpit")).as(user).isTrue();
            assertThat(new WebappSession(port).login("cockpit", user, "demo")).as(user).isEqualTo(200);
        }
        assertThat(new WebappSession(port).login("cockpit", "coach1", "demo")).isEqualTo(403);
        // handlaggare2: SecurityTest gives handlaggare1 a wrong password, and Camunda then delays that user's logins.
        assertThat(new WebappSession(port).login("cockpit", "handlaggare2", "demo")).isEqualTo(403);
    }

    @Test
    void aManagersCockpitSessionReadsTheFiguresAsJsonAndCsv() {
        WebappSession chef = new WebappSession(port);
        assertThat(chef.login("cockpit", "chef1", "demo")).isEqualTo(200);
        var json = chef.get(FIGURES, "application/json");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(json.body()).contains("\"from\":\"2025-01\"", "\"id\":\"hushall_per_manad\"");
        // The session keeps its id: Cockpit's own calls running at the same time must not lose it.
        assertThat(json.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));
        assertThat(chef.get("/camunda/api/admin/auth/user/default", "application/json").body()).contains("chef1");
        // The same figures as with HTTP Basic.
        assertThat(json.body()).isEqualTo(new Http(port).get(FIGURES, "chef1").body());
        var csv = chef.get(FIGURES, "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("id;nyckeltal;");
        // A bad parameter is named as for any client.
        var bad = chef.get("/api/nyckeltal?from=2025-13&to=2025-03", "application/json");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"from\"");
    }

    @Test
    void theHeaderLinksPermissionCheckIsAnswered400ForManagersAnd403ForOthers() {
        // plugin.js asks HEAD /api/nyckeltal (no period) to decide whether to show "Nyckeltal" in Cockpit's header.
        WebappSession chef = new WebappSession(port);
        assertThat(chef.login("cockpit", "chef1", "demo")).isEqualTo(200);
        assertThat(head(chef)).isEqualTo(400);
        WebappSession owner = new WebappSession(port);
        assertThat(owner.login("cockpit", "processagare1", "demo")).isEqualTo(200);
        assertThat(head(owner)).isEqualTo(403);
        assertThat(head(new WebappSession(port))).isEqualTo(401);
    }

    private int head(WebappSession session) {
        return session.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/nyckeltal"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build()).statusCode();
    }

    @Test
    void aTeamLeadersSessionReadsTheFiguresToo() {
        WebappSession teamledare = new WebappSession(port);
        assertThat(teamledare.login("cockpit", "teamledare1", "demo")).isEqualTo(200);
        assertThat(teamledare.get(FIGURES, "application/json").statusCode()).isEqualTo(200);
    }

    @Test
    void aCoachsSessionIsForbidden() {
        WebappSession coach = new WebappSession(port);
        assertThat(coach.login("tasklist", "coach1", "demo")).isEqualTo(200);
        var response = coach.get(FIGURES, "application/json");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("\"status\":403", "Du saknar behörighet");
    }

    @Test
    void withoutASessionOrAfterLogoutLoginIsRequired() {
        var none = new Http(port).get(FIGURES, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("Inloggning krävs");

        WebappSession chef = new WebappSession(port);
        assertThat(chef.login("cockpit", "chef1", "demo")).isEqualTo(200);
        assertThat(chef.get(FIGURES, "application/json").statusCode()).isEqualTo(200);
        assertThat(chef.logout()).isLessThan(400);
        assertThat(chef.get(FIGURES, "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionOpensNothingElseUnderApi() {
        WebappSession admin = new WebappSession(port);
        assertThat(admin.login("cockpit", "admin", "demo")).isEqualTo(200);
        // Other resources still need HTTP Basic: the administrator's session is not accepted there.
        var other = admin.get("/api/ansokningar/00000000-0000-0000-0000-000000000000", "application/json");
        assertThat(other.statusCode()).isEqualTo(401);
        var prometheus = admin.get("/actuator/prometheus", "text/plain");
        assertThat(prometheus.statusCode()).isEqualTo(401);
        // Only reads: a POST to the figures with the session (and the webapps' CSRF token) is not authenticated.
        var post = admin.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + FIGURES))
                .header("X-XSRF-TOKEN", admin.csrfToken())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void basicCredentialsTakePrecedenceOverTheSession() {
        WebappSession chef = new WebappSession(port);
        assertThat(chef.login("cockpit", "chef1", "demo")).isEqualTo(200);
        // The session is chef1's, but the request names coach1: coach1's groups decide.
        var asCoach = chef.send(new Http(port).request(FIGURES, "coach1").GET().build());
        assertThat(asCoach.statusCode()).isEqualTo(403);
    }
}
