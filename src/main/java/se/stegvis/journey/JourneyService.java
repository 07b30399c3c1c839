package se.stegvis.journey;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;

/**
 * Starts a client journey (process {@code klientresa}): after a first grant when none is active, or by a coach. One
 * active journey per client.
 */
@Service
public class JourneyService {

    private static final Logger log = LoggerFactory.getLogger(JourneyService.class);

    private final JourneyRepository journeys;
    private final RuntimeService runtimeService;
    private final Clock clock;
    private final String followUpCycle;
    private final String followUpGrace;
    private final String communicationTime;

    public JourneyService(JourneyRepository journeys, RuntimeService runtimeService, Clock clock,
                          @Value("${stegvis.journey.follow-up-cycle:" + DEFAULT_FOLLOW_UP_CYCLE + "}") String followUpCycle,
                          @Value("${stegvis.journey.follow-up-grace:" + DEFAULT_FOLLOW_UP_GRACE + "}") String followUpGrace,
                          @Value("${stegvis.journey.communication-time:" + DEFAULT_COMMUNICATION_TIME + "}") String communicationTime) {
        this.journeys = journeys;
        this.runtimeService = runtimeService;
        this.clock = clock;
        this.followUpCycle = followUpCycle;
        this.followUpGrace = followUpGrace;
        this.communicationTime = communicationTime;
    }

    /** Starts the journey; refused while the client already has an active one. */
    @Transactional
    public Journey startJourney(UUID clientId, String startedBy) {
        if (journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV).isPresent()) {
            throw new InvalidRequestException("clientId", "Klienten har redan en pågående klientresa.");
        }
        Journey journey = journeys.save(new Journey(clientId, clock.instant(), startedBy));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, journey.getId().toString(),
                vars(journey.getId()));
        journey.setProcessInstanceId(instance.getId());
        log.info("Journey {} started for a client by {}", journey.getId(), startedBy);
        return journeys.save(journey);
    }

    /**
     * A granted application makes the household a client of the journey: starts one unless a journey is active.
     * Returns the started journey, or empty when one was already running.
     */
    @Transactional
    public java.util.Optional<Journey> startOnGrant(UUID clientId) {
        if (journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(startJourney(clientId, "ekonomiskt-bistand"));
    }

    /**
     * Absence without acceptable reason, from the placement or reported by a coach: the message
     * {@code FranvaroUtanGodtagbartSkal} starts a sanction proposal in the journey. Its facts stay local to that
     * absence, so that several can be handled at once.
     */
    public void reportAbsence(UUID journeyId, UUID placementId, String description, long proposedAmount, String reportedBy) {
        Map<String, Object> facts = new HashMap<>();
        facts.put(PLACEMENT_ID, placementId == null ? null : placementId.toString());
        facts.put(ABSENCE_DESCRIPTION, description);
        facts.put(PROPOSED_AMOUNT, proposedAmount);
        facts.put(REPORTED_BY, reportedBy);
        runtimeService.createMessageCorrelation(MESSAGE_ABSENCE).processInstanceBusinessKey(journeyId.toString())
                .setVariablesLocal(facts).correlate();
    }

    /**
     * The client's response in the kommunicering of a proposed sanction: delivered as the message
     * {@code KlientensSvar} to the absence that waits for it (the sanction's id is local to that absence).
     */
    public void clientResponded(UUID sanctionId, String response) {
        EventSubscription waiting = runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(MESSAGE_CLIENT_RESPONSE).list().stream()
                .filter(s -> sanctionId.toString().equals(runtimeService.getVariable(s.getExecutionId(), SANCTION_ID)))
                .findFirst()
                .orElseThrow(() -> new InvalidRequestException("sanctionId", "Sanktionen väntar inte på något svar från klienten."));
        runtimeService.messageEventReceived(MESSAGE_CLIENT_RESPONSE, waiting.getExecutionId(),
                Map.of(CLIENT_RESPONSE, response == null ? "" : response));
    }

    /** The start variables: the id and the settings of the follow-up cycle and the kommunicering. */
    public Map<String, Object> vars(UUID journeyId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(JOURNEY_ID, journeyId.toString());
        vars.put(FOLLOW_UP_CYCLE, followUpCycle);
        vars.put(FOLLOW_UP_GRACE, followUpGrace);
        vars.put(COMMUNICATION_TIME, communicationTime);
        return vars;
    }
}
