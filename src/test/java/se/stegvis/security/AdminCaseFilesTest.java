package se.stegvis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * The administrator ({@code admin}, group {@code camunda-admin}) manages users and operates the engine, but Stegvis'
 * case API gives it no case files (issue #13 point 1): the application, the client's journeys and a journey's
 * overview are refused, while a caseworker and a coach read the same ones.
 */
@StegvisSpringTest
class AdminCaseFilesTest {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ClientRepository clients;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    DecisionRepository decisions;

    JourneyScenario journeys;

    @AfterEach
    void tearDown() {
        if (journeys != null) {
            journeys.deleteJourneyProcesses(journeys.clients());
        }
    }

    @Test
    void adminGetsNoCaseFilesOnTheApi() {
        Http http = new Http(port);
        journeys = new JourneyScenario(context);
        DecisionFixture fixture = new DecisionFixture(clients, applications, decisions);
        var client = fixture.clientWithAccount();
        journeys.clients().add(client.getId());
        var application = fixture.application(client, YearMonth.of(2025, 10));
        Journey journey = journeys.started(client.getId());

        String applicationPath = "/api/ansokningar/" + application.getId();
        String journeyPath = "/api/klientresor/" + journey.getId();
        String journeysOfClient = "/api/klientresor?clientId=" + client.getId();
        // The case files exist and are readable by those whose work they are: the refusals below are about the user.
        assertThat(http.get(applicationPath, "handlaggare1").statusCode()).isEqualTo(200);
        assertThat(http.get(journeyPath, "coach1").statusCode()).isEqualTo(200);
        assertThat(http.get(journeysOfClient, "coach1").body()).contains(journey.getId().toString());

        for (String path : List.of(applicationPath, journeyPath, journeysOfClient,
                applicationPath + "/kompletteringar", "/api/ansokningar?month=2025-10")) {
            var response = http.get(path, "admin");
            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain(client.getPersonnummer().value());
        }
        var prefill = http.postJson("/api/ansokningar/forifylld", "admin",
                "{\"personnummer\":\"" + client.getPersonnummer().value() + "\"}");
        assertThat(prefill.statusCode()).isIn(403, 404);
    }
}
