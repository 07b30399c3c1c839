package se.stegvis.integration.arbetsformedlingen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.journey.domain.Journey;
import se.stegvis.support.ApplicationScenario;
import se.stegvis.support.DecisionFixture;
import se.stegvis.support.Http;
import se.stegvis.support.JourneyScenario;
import se.stegvis.support.StegvisSpringTest;

/**
 * The notice to Arbetsförmedlingen on PostgreSQL: queued once per event (a second one is refused), not lost when AF
 * does not answer (retried after the delay, then unanswered with a readable incident on the journey), sent again on
 * request by a worker that knows nothing of the first (as after a restart), received by AF once, and visible as sent.
 */
@StegvisSpringTest
class ArbetsformedlingenNoticeTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired ArbetsformedlingenNotices notices;
    @Autowired NoticeRepository noticeRepository;
    @Autowired LocalInboxRepository inbox;
    @Autowired Arbetsformedlingen localArbetsformedlingen;
    @Autowired ClientRepository clients;
    @Autowired ApplicationRepository applications;
    @Autowired DecisionRepository decisions;
    @Autowired RuntimeService runtimeService;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;

    JourneyScenario journeys;

    @BeforeEach
    void inNovember2026() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-03T08:00:00Z")));
        journeys = new JourneyScenario(context);
    }

    @AfterEach
    void resetClock() {
        ApplicationScenario.resetClock();
        journeys.deleteJourneyProcesses(journeys.clients());
    }

    @Test
    void aNoticeIsSentOnceSurvivesAfNotAnsweringAndIsVisibleAsSent() throws Exception {
        Client client = new DecisionFixture(clients, applications, decisions).clientWithAccount();
        journeys.clients().add(client.getId());
        Journey journey = journeys.started(client.getId());
        UUID event = UUID.randomUUID();
        Notice notice = notices.clientCovered(event, client.getId(), YearMonth.of(2026, 11),
                journey.getProcessInstanceId()).orElseThrow();
        // The same event again: refused, no second notice.
        assertThat(notices.clientCovered(event, client.getId(), YearMonth.of(2026, 11), journey.getProcessInstanceId()))
                .isEmpty();
        assertThat(noticeRepository.findByClientIdOrderByCreatedAt(client.getId())).hasSize(1);
        assertThat(notice.getContent()).isEqualTo("{\"omfattasFran\":\"2026-11\"}").doesNotContain(
                client.getPersonnummer().value());

        // AF does not answer: tried again after the delay, unanswered after the third attempt, an incident on the journey.
        ArbetsformedlingenProperties props = new ArbetsformedlingenProperties(true, false,
                java.time.Duration.ofSeconds(5), 100, 3, java.time.Duration.ofMinutes(5));
        Arbetsformedlingen down = (id, kind, personnummer, content) -> {
            throw new ArbetsformedlingenUnavailableException("Arbetsförmedlingen svarar inte (timeout efter 30 s)");
        };
        NoticeWorker failing = new NoticeWorker(noticeRepository, down, clients, runtimeService, transactions, props, clock);
        failing.sendDue();
        Notice afterOne = noticeRepository.findById(notice.getId()).orElseThrow();
        assertThat(afterOne.getStatus()).isEqualTo(Notice.Status.VANTAR);
        assertThat(afterOne.getAttempts()).isEqualTo(1);
        assertThat(afterOne.getNextAttemptAt()).isEqualTo(Instant.parse("2026-11-03T08:05:00Z"));
        failing.sendDue();
        assertThat(noticeRepository.findById(notice.getId()).orElseThrow().getAttempts()).as("not due yet").isEqualTo(1);
        for (String at : new String[] {"2026-11-03T08:05:00Z", "2026-11-03T08:10:00Z"}) {
            ClockUtil.setCurrentTime(Date.from(Instant.parse(at)));
            failing.sendDue();
        }
        Notice unanswered = noticeRepository.findById(notice.getId()).orElseThrow();
        assertThat(unanswered.getStatus()).isEqualTo(Notice.Status.OBESVARAD);
        assertThat(unanswered.getAttempts()).isEqualTo(3);
        var incident = runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId())
                .incidentType(NoticeWorker.INCIDENT_TYPE).singleResult();
        assertThat(incident.getIncidentMessage()).startsWith("Arbetsförmedlingen svarar inte: aviseringen")
                .contains("efter 3 försök", "timeout efter 30 s", notice.getId().toString())
                .doesNotContain(client.getPersonnummer().value());

        // Sent again on request (a team leader): the incident is resolved; a coach may not ask.
        Http http = new Http(port);
        String retry = NoticeController.PATH + "/" + notice.getId() + "/nytt-forsok";
        assertThat(http.post(retry, "coach1", "application/json", "").statusCode()).isEqualTo(403);
        var retried = http.post(retry, "teamledare1", "application/json", "");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(journey.getProcessInstanceId())
                .incidentType(NoticeWorker.INCIDENT_TYPE).count()).isZero();
        assertThat(http.post(retry, "teamledare1", "application/json", "").statusCode()).as("only an unanswered one")
                .isEqualTo(409);

        // A worker that knows nothing of the earlier ones (as after a restart) sends it from the outbox: AF receives it once.
        NoticeWorker afterRestart = new NoticeWorker(noticeRepository, localArbetsformedlingen, clients, runtimeService,
                transactions, props, clock);
        afterRestart.sendDue();
        Notice sent = noticeRepository.findById(notice.getId()).orElseThrow();
        assertThat(sent.getStatus()).isEqualTo(Notice.Status.SKICKAD);
        assertThat(sent.getReceipt()).isPresent();
        afterRestart.sendDue();
        // AF refuses a duplicate: the same notice id delivered again is not received twice.
        assertThat(localArbetsformedlingen.deliver(notice.getId(), notice.getKind(), client.getPersonnummer(),
                notice.getContent())).isEqualTo(sent.getReceipt().orElseThrow());
        assertThat(inbox.findAll().stream().filter(e -> e.getNoticeId().equals(notice.getId())).count()).isEqualTo(1);

        // Visible as sent, for the coach.
        var list = http.get(NoticeController.PATH + "?clientId=" + client.getId(), "coach1");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode shown = JSON.readTree(list.body()).get(0);
        assertThat(shown.get("status").asText()).isEqualTo("SKICKAD");
        assertThat(shown.get("kind").asText()).isEqualTo("KLIENT_OMFATTAS");
        assertThat(shown.get("receipt").asText()).isEqualTo(sent.getReceipt().orElseThrow());
        assertThat(list.body()).doesNotContain(client.getPersonnummer().value());
    }
}
