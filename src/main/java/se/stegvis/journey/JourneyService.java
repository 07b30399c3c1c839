package se.stegvis.journey;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.activity.domain.CoverageEvent;
import se.stegvis.client.process.JourneyStartMessage;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.placement.domain.PlacementRepository;

/**
 * Starts a client journey (process {@code klientresa}): after a first grant when none is active, or by a coach. One
 * active journey per client.
 */
@Service
public class JourneyService {

    private static final Logger log = LoggerFactory.getLogger(JourneyService.class);
    /** Who started a journey that a grant started (journey.started_by). */
    public static final String STARTED_BY_GRANT = "ekonomiskt-bistand";

    private final JourneyRepository journeys;
    private final RuntimeService runtimeService;
    private final SanctionService sanctions;
    private final PlacementRepository placements;
    private final Clock clock;
    private final String followUpCycle;
    private final String followUpGrace;
    private final String communicationTime;

    public JourneyService(JourneyRepository journeys, RuntimeService runtimeService, SanctionService sanctions,
                          PlacementRepository placements, Clock clock,
                          @Value("${stegvis.journey.follow-up-cycle:" + DEFAULT_FOLLOW_UP_CYCLE + "}") String followUpCycle,
                          @Value("${stegvis.journey.follow-up-grace:" + DEFAULT_FOLLOW_UP_GRACE + "}") String followUpGrace,
                          @Value("${stegvis.journey.communication-time:" + DEFAULT_COMMUNICATION_TIME + "}") String communicationTime) {
        this.journeys = journeys;
        this.runtimeService = runtimeService;
        this.sanctions = sanctions;
        this.placements = placements;
        this.clock = clock;
        this.followUpCycle = followUpCycle;
        this.followUpGrace = followUpGrace;
        this.communicationTime = communicationTime;
    }

    /** Starts the journey; refused while the client already has an active one. */
    @Transactional
    public Journey startJourney(UUID clientId, String startedBy) {
        if (journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV).isPresent()) {
            throw new ConflictException("clientId", "Klienten har redan en pågående klientresa.");
        }
        Journey journey = journeys.save(new Journey(clientId, clock.instant(), startedBy));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, journey.getId().toString(),
                vars(journey.getId(), clientId));
        journey.setProcessInstanceId(instance.getId());
        log.info("Journey {} started for a client by {}", journey.getId(), startedBy);
        return journeys.save(journey);
    }

    /**
     * "Registrera klientresan" in a journey the grant's message started ({@link JourneyStartMessage}): the journey is
     * recorded with this process instance, unless the client has an active journey already (one started before its
     * instances kept the client's id, or whose exit is being recorded) — then nothing is recorded and the instance
     * ends. Returns the recorded journey, or empty.
     */
    @Transactional
    public java.util.Optional<Journey> registerOnGrant(UUID clientId, String processInstanceId) {
        if (journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV).isPresent()) {
            log.info("A grant reached no journey of its own: the client's journey is already active");
            return java.util.Optional.empty();
        }
        Journey journey = new Journey(clientId, clock.instant(), STARTED_BY_GRANT);
        journey.setProcessInstanceId(processInstanceId);
        journey = journeys.save(journey);
        log.info("Journey {} started for a client by a grant", journey.getId());
        return java.util.Optional.of(journey);
    }

    /**
     * Absence without acceptable reason, from the placement or reported by a coach: the message
     * {@code FranvaroUtanGodtagbartSkal} starts a sanction proposal in the journey. Its facts stay local to that
     * absence, so that several can be handled at once. Refused before anything is sent when the journey does not
     * exist (404), has ended or does not listen yet (409), the placement is not one of the journey's (400), or the
     * client has never been granted assistance, so no participation can be required (409, SoL 12 kap. 4 §).
     */
    public void reportAbsence(UUID journeyId, UUID placementId, String description, long proposedAmount, String reportedBy) {
        Journey journey = activeJourney(journeyId);
        if (description == null || description.isBlank()) {
            throw new InvalidRequestException("description", "Beskriv frånvaron.");
        }
        if (description.strip().length() > 1000) {
            throw new InvalidRequestException("description", "Beskrivningen får vara högst 1000 tecken.");
        }
        if (proposedAmount <= 0 || proposedAmount > Integer.MAX_VALUE) {
            throw new InvalidRequestException("proposedAmount", "Föreslagen nedsättning ska vara ett positivt belopp i hela kronor.");
        }
        if (placementId != null && placements.findById(placementId)
                .filter(p -> p.getJourneyId().equals(journeyId)).isEmpty()) {
            throw new InvalidRequestException("placementId", "Insatsen hör inte till klientresan.");
        }
        if (!sanctions.receivesAssistance(journey.getClientId())) {
            throw new ConflictException("journeyId",
                    "Deltagande kan bara krävas av den som redan får försörjningsstöd; ingen nedsättning kan föreslås.");
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put(PLACEMENT_ID, placementId == null ? null : placementId.toString());
        facts.put(ABSENCE_DESCRIPTION, description.strip());
        facts.put(PROPOSED_AMOUNT, proposedAmount);
        facts.put(REPORTED_BY, reportedBy);
        try {
            runtimeService.createMessageCorrelation(MESSAGE_ABSENCE).processInstanceBusinessKey(journeyId.toString())
                    .setVariablesToTriggeredScope(facts).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("journeyId", "Klientresan tar emot frånvaro först när den individuella"
                    + " planeringen gäller (kartläggning eller planering pågår).");
        }
        log.info("Absence reported in journey {} by {}", journeyId, reportedBy);
    }

    /**
     * The client's response in the kommunicering of a proposed sanction: delivered as the message
     * {@code KlientensSvar} to the absence that waits for it (the sanction's id is local to that absence). Unknown
     * sanction: 404; decided, answered, or past its response time: 409.
     */
    public void clientResponded(UUID sanctionId, String response) {
        if (response == null || response.isBlank()) {
            throw new InvalidRequestException("response", "Skriv klientens svar.");
        }
        if (response.strip().length() > 2000) {
            throw new InvalidRequestException("response", "Svaret får vara högst 2000 tecken.");
        }
        EventSubscription waiting = runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(MESSAGE_CLIENT_RESPONSE).list().stream()
                .filter(s -> sanctionId.toString().equals(sanctionIdAt(runtimeService, s.getExecutionId())))
                .findFirst()
                .orElseThrow(() -> sanctions.find(sanctionId).isEmpty()
                        ? new NotFoundException("Sanktionen finns inte.")
                        : new ConflictException("sanctionId", "Sanktionen väntar inte på något svar från klienten"
                                + " (svaret är redan registrerat, svarstiden har gått ut eller beslutet är fattat)."));
        runtimeService.messageEventReceived(MESSAGE_CLIENT_RESPONSE, waiting.getExecutionId(),
                Map.of(CLIENT_RESPONSE, response.strip()));
        log.info("Client response recorded for sanction {}", sanctionId);
    }

    /**
     * Ends the journey from outside ("Avsluta ärende" without the coach's task): the message {@code AvslutaArende}
     * with the reason and the exit date, which may not lie in the future nor before the journey started. Possible
     * during the whole journey before the exit, also while the client is mapped or the plan is written (a client may
     * move or find a job then): the message interrupts "Klientresa fram till avslut". The exit is recorded by the
     * process, which then waits for the six-month follow-up. An exit already on its way: 409.
     */
    public void requestExit(UUID journeyId, ExitReason reason, LocalDate exitDate, String note, String requestedBy) {
        Journey journey = activeJourney(journeyId);
        if (reason == null) {
            throw new InvalidRequestException("reason", "Ange orsak till avslutet.");
        }
        if (exitDate == null) {
            throw new InvalidRequestException("date", "Ange avslutsdatum (ÅÅÅÅ-MM-DD).");
        }
        if (exitDate.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException("date", "Avslutsdatum kan inte ligga i framtiden.");
        }
        if (exitDate.isBefore(LocalDate.ofInstant(journey.getStartedAt(), clock.getZone()))) {
            throw new InvalidRequestException("date", "Avslutsdatum ligger före klientresans början.");
        }
        if (note != null && note.strip().length() > 1000) {
            throw new InvalidRequestException("note", "Anteckningen får vara högst 1000 tecken.");
        }
        Map<String, Object> vars = new HashMap<>();
        vars.put(EXIT_REASON, reason.name());
        vars.put(EXIT_DATE, exitDate.toString());
        vars.put(EXIT_NOTE, note == null || note.isBlank() ? null : note.strip());
        vars.put(COMPLETED_BY, requestedBy);
        try {
            runtimeService.createMessageCorrelation(MESSAGE_CLOSE_CASE).processInstanceBusinessKey(journeyId.toString())
                    .setVariables(vars).correlate();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("journeyId", "Klientresan håller redan på att avslutas (avslutet registreras).");
        }
        log.info("Exit ({}) requested for journey {} by {}", reason, journeyId, requestedBy);
    }

    /**
     * The client has become covered by the aktivitetskrav: the message {@code AktivitetskravGaller} gives the coach
     * "Revidera planering enligt aktivitetskravet" when the journey's plan applies. Before that (kartläggning, or the
     * plan being drawn up) the coming "Upprätta individuell planering" is the coach's task; without an active journey
     * nothing listens.
     */
    @Transactional
    public CoverageEvent.PlanRequest activityRequirementApplies(UUID clientId) {
        var journey = journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV);
        if (journey.isEmpty()) {
            return CoverageEvent.PlanRequest.INGEN_KLIENTRESA;
        }
        boolean listening = runtimeService.createEventSubscriptionQuery().eventType("message")
                .eventName(MESSAGE_ACTIVITY_REQUIREMENT)
                .processInstanceId(journey.get().getProcessInstanceId()).count() > 0;
        if (!listening) {
            return journey.get().getProcessInstanceId() != null
                    && runtimeService.createProcessInstanceQuery()
                    .processInstanceId(journey.get().getProcessInstanceId()).count() > 0
                    ? CoverageEvent.PlanRequest.PLANERING_PAGAR : CoverageEvent.PlanRequest.INGEN_KLIENTRESA;
        }
        runtimeService.createMessageCorrelation(MESSAGE_ACTIVITY_REQUIREMENT)
                .processInstanceId(journey.get().getProcessInstanceId()).correlate();
        log.info("Journey {}: the coach is asked to revise the plan for the aktivitetskrav", journey.get().getId());
        return CoverageEvent.PlanRequest.REVIDERA_PLANERING;
    }

    private Journey activeJourney(UUID journeyId) {
        Journey journey = journeys.findById(journeyId).orElseThrow(() -> new NotFoundException("Klientresan finns inte."));
        if (!journey.isActive()) {
            throw new ConflictException("journeyId", "Klientresan är avslutad.");
        }
        return journey;
    }

    /**
     * The start variables: the ids (the client's, by which a grant's message finds the running journey) and the
     * settings of the follow-up cycle and the kommunicering.
     */
    public Map<String, Object> vars(UUID journeyId, UUID clientId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(JOURNEY_ID, journeyId.toString());
        vars.put(CLIENT_ID, clientId.toString());
        vars.put(FOLLOW_UP_CYCLE, followUpCycle);
        vars.put(FOLLOW_UP_GRACE, followUpGrace);
        vars.put(COMMUNICATION_TIME, communicationTime);
        return vars;
    }
}
