package se.stegvis.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.journey.domain.Journey;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;
import se.stegvis.support.TestUsers;

/**
 * A caseworker and a coach who belong to the unit group {@code enhet-hageby} list and read only the clients of
 * Hageby (and clients with no unit): the month's applications, an application, a client's journeys and a journey —
 * another unit's client is unknown to them (404). A caseworker in no unit group sees every unit.
 */
@StegvisSpringTest
class UnitScopeTest {

    static final String PASSWORD = "Enhet-Hageby-2025";
    static final String CASEWORKER = "enhethandlaggare1";
    static final String COACH = "enhetcoach1";
    static final YearMonth MONTH = YearMonth.of(2019, 3);

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    IdentityService identityService;

    @Autowired
    ClientRepository clients;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    DecisionRepository decisions;

    Http http;
    JourneyScenario journeys;

    @BeforeEach
    void setUp() {
        Map<String, String> passwords = Map.of(CASEWORKER, PASSWORD, COACH, PASSWORD);
        http = new Http(port, user -> passwords.getOrDefault(user, "demo"));
        journeys = new JourneyScenario(context);
        String hageby = StegvisGroups.unitGroup("Hageby");
        TestUsers.user(identityService, CASEWORKER, PASSWORD, StegvisGroups.HANDLAGGARE, hageby);
        TestUsers.user(identityService, COACH, PASSWORD, StegvisGroups.COACH, hageby);
    }

    @AfterEach
    void tearDown() {
        journeys.deleteJourneyProcesses(journeys.clients());
        TestUsers.delete(identityService, CASEWORKER, COACH);
    }

    @Test
    void caseworkersAndCoachesOfAUnitSeeOnlyItsClients() {
        Client ofHageby = inUnit(journeys.grantedClient(), "Hageby");
        Client ofCentrum = inUnit(journeys.grantedClient(), "Centrum");
        DecisionFixture fixture = new DecisionFixture(clients, applications, decisions);
        Application hagebyApplication = fixture.application(ofHageby, MONTH);
        Application centrumApplication = fixture.application(ofCentrum, MONTH);

        String listed = http.get("/api/ansokningar?month=" + MONTH, CASEWORKER).body();
        assertThat(listed).contains(hagebyApplication.getId().toString())
                .doesNotContain(centrumApplication.getId().toString());
        assertThat(http.get("/api/ansokningar/" + hagebyApplication.getId(), CASEWORKER).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/ansokningar/" + centrumApplication.getId(), CASEWORKER).statusCode()).isEqualTo(404);
        // Without a unit group: every unit.
        assertThat(http.get("/api/ansokningar?month=" + MONTH, "handlaggare1").body())
                .contains(hagebyApplication.getId().toString(), centrumApplication.getId().toString());
        assertThat(http.get("/api/ansokningar/" + centrumApplication.getId(), "handlaggare1").statusCode())
                .isEqualTo(200);

        Journey hagebyJourney = journeys.started(ofHageby.getId());
        Journey centrumJourney = journeys.started(ofCentrum.getId());
        for (String user : List.of(COACH, CASEWORKER)) {
            assertThat(http.get("/api/klientresor?clientId=" + ofHageby.getId(), user).statusCode()).as(user)
                    .isEqualTo(200);
            assertThat(http.get("/api/klientresor/" + hagebyJourney.getId(), user).statusCode()).as(user)
                    .isEqualTo(200);
            HttpResponse<String> other = http.get("/api/klientresor?clientId=" + ofCentrum.getId(), user);
            assertThat(other.statusCode()).as(user).isEqualTo(404);
            assertThat(http.get("/api/klientresor/" + centrumJourney.getId(), user).statusCode()).as(user)
                    .isEqualTo(404);
        }
        assertThat(http.get("/api/klientresor/" + centrumJourney.getId(), "coach1").statusCode()).isEqualTo(200);
    }

    private Client inUnit(Client client, String unit) {
        client.setUnit(unit);
        return clients.saveAndFlush(client);
    }
}
