package se.stegvis.journey.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.ClientAccess;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.RequestValues;
import se.stegvis.journey.JourneyOverview;
import se.stegvis.journey.JourneyOverviewService;
import se.stegvis.journey.JourneyService;
import se.stegvis.journey.SanctionLetters;
import se.stegvis.journey.SanctionService;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.SanctionLetter;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.SfiRight;
import se.stegvis.placement.process.SfiFollowUpTimers;

/**
 * The client journey for coaches and caseworkers: start one, read it, report absence, record the client's reply in
 * the kommunicering, and end it. The rules are in {@link JourneyService}; this class reads the request, checks who
 * may see the client ({@link ClientAccess}: 404 for a client the user may not see) and answers.
 */
@RestController
public class JourneyController {

    public static final String JOURNEYS = "/api/klientresor";
    public static final String SANCTIONS = JourneyOverview.SANCTIONS;

    static final String READ = "hasAnyAuthority('coach','handlaggare','teamledare','skyddad')";
    static final String START = "hasAnyAuthority('coach','handlaggare','teamledare','skyddad')";
    static final String COACHING = "hasAnyAuthority('coach','teamledare','skyddad')";
    static final String CLIENT_REPLY = "hasAnyAuthority('coach','handlaggare','teamledare','skyddad')";
    /**
     * The letters about a sanction: the same groups as the decision letter on an application (GET /api/beslut/{id}/brev);
     * administrators get no case files (need to know, #13).
     */
    static final String LETTERS = "hasAnyAuthority('handlaggare','teamledare','skyddad')";

    private final JourneyService journeys;
    private final JourneyOverviewService overviews;
    private final SanctionService sanctions;
    private final SanctionLetters sanctionLetters;
    private final SfiRights sfiRights;
    private final SfiFollowUpTimers sfiTimers;
    private final ClientAccess access;

    public JourneyController(JourneyService journeys, JourneyOverviewService overviews, SanctionService sanctions,
                             SanctionLetters sanctionLetters, SfiRights sfiRights, SfiFollowUpTimers sfiTimers,
                             ClientAccess access) {
        this.journeys = journeys;
        this.overviews = overviews;
        this.sanctions = sanctions;
        this.sanctionLetters = sanctionLetters;
        this.sfiRights = sfiRights;
        this.sfiTimers = sfiTimers;
        this.access = access;
    }

    public record Started(UUID id, UUID clientId, String status) {}

    /** 201 with {@code Location}; 409 while the client has an active journey; 404 for an unknown client. */
    @PostMapping(JOURNEYS)
    @PreAuthorize(START)
    public ResponseEntity<Started> start(@RequestBody(required = false) JourneyRequests.Start request, Authentication user) {
        String value = request == null ? null : request.clientId();
        UUID clientId = RequestValues.clientId(value);
        access.client(clientId, user, "klientresa-start");
        Journey journey = journeys.startJourney(clientId, user.getName());
        return ResponseEntity.created(URI.create(JOURNEYS + "/" + journey.getId()))
                .body(new Started(journey.getId(), clientId, journey.getStatus().name()));
    }

    public record JourneyListItem(UUID id, String status, String phase, Instant startedAt, Instant endedAt) {}

    /** The client's journeys, the latest first. */
    @GetMapping(JOURNEYS)
    @PreAuthorize(READ)
    public List<JourneyListItem> list(@RequestParam(required = false) String clientId, Authentication user) {
        UUID id = RequestValues.clientId(clientId);
        access.client(id, user, "klientresor");
        return overviews.journeysOf(id).stream().map(overviews::overview)
                .map(o -> new JourneyListItem(o.id(), o.status(), o.phase(), o.startedAt(), o.endedAt()))
                .toList();
    }

    @GetMapping(JOURNEYS + "/{id}")
    @PreAuthorize(READ)
    public JourneyOverview get(@PathVariable String id, Authentication user) {
        return overviews.overview(visibleJourney(id, user, "klientresa"));
    }

    /** 202: the absence is handed to the journey, which proposes the reduction and communicates it. */
    @PostMapping(JOURNEYS + "/{id}/franvaro")
    @PreAuthorize(COACHING)
    public ResponseEntity<Void> reportAbsence(@PathVariable String id,
                                              @RequestBody(required = false) JourneyRequests.Absence request,
                                              Authentication user) {
        Journey journey = visibleJourney(id, user, "franvaro");
        JourneyRequests.Absence body = request == null ? new JourneyRequests.Absence(null, null, null) : request;
        UUID placementId = optionalId(body.placementId(), "placementId");
        if (body.proposedAmount() == null) {
            throw new InvalidRequestException("proposedAmount", "Ange föreslagen nedsättning i hela kronor.");
        }
        journeys.reportAbsence(journey.getId(), placementId, body.description(), body.proposedAmount(), user.getName());
        return ResponseEntity.accepted().location(URI.create(JOURNEYS + "/" + journey.getId())).build();
    }

    /** 202: the reply reaches the waiting kommunicering; 409 when the sanction no longer waits for one. */
    @PostMapping(SANCTIONS + "/{id}/klientens-svar")
    @PreAuthorize(CLIENT_REPLY)
    public ResponseEntity<Void> clientResponse(@PathVariable String id,
                                               @RequestBody(required = false) JourneyRequests.ClientResponse request,
                                               Authentication user) {
        UUID sanctionId = RequestValues.id(id, "Sanktionen finns inte.");
        var sanction = sanctions.find(sanctionId).orElseThrow(() -> new NotFoundException("Sanktionen finns inte."));
        visibleJourney(sanction.getJourneyId().toString(), user, "klientens-svar");
        journeys.clientResponded(sanctionId, request == null ? null : request.response());
        return ResponseEntity.accepted().location(URI.create(JOURNEYS + "/" + sanction.getJourneyId())).build();
    }

    /**
     * 200 with the right: the huvudman's extension of the client's right to SFI, recorded in their latest SFI placement;
     * a running SFI placement's follow-up moves to three months before the new end. 400 naming {@code extendedUntil}
     * when the day is missing, malformed or breaks the rules (six months at a time, three years in all); 409 when no
     * first admission is recorded for the client.
     */
    @PostMapping(JOURNEYS + "/{id}/sfi-forlangning")
    @PreAuthorize(COACHING)
    public JourneyOverview.SfiRightSummary extendSfiRight(@PathVariable String id,
                                                          @RequestBody(required = false) JourneyRequests.SfiExtension request,
                                                          Authentication user) {
        Journey journey = visibleJourney(id, user, "sfi-forlangning");
        String value = request == null ? null : request.extendedUntil();
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("extendedUntil", "Ange till och med vilken dag rätten till SFI är förlängd.");
        }
        LocalDate until = RequestValues.date(value, "extendedUntil");
        SfiRight right;
        try {
            right = sfiRights.extendForJourney(journey.getId(), until, user.getName());
        } catch (IllegalStateException e) {
            throw new ConflictException("extendedUntil", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("extendedUntil", e.getMessage());
        }
        sfiTimers.follow(journey.getId(), right);
        return overviews.overview(journey).sfiRight();
    }

    /** The decision letter on the sanction (PDF); 404 until the decision's letter is made. */
    @GetMapping(path = SANCTIONS + "/{id}/brev", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(LETTERS)
    public ResponseEntity<byte[]> decisionLetter(@PathVariable String id, Authentication user) {
        return letter(id, SanctionLetter.Kind.BESLUT, "Beslutsbrevet om nedsättning är inte skapat än.", "nedsattning-",
                user);
    }

    /** The kommunicering sent before the decision (PDF); 404 until it is made. */
    @GetMapping(path = SANCTIONS + "/{id}/kommunicering", produces = MediaType.APPLICATION_PDF_VALUE)
    @PreAuthorize(LETTERS)
    public ResponseEntity<byte[]> communicationLetter(@PathVariable String id, Authentication user) {
        return letter(id, SanctionLetter.Kind.KOMMUNICERING, "Kommuniceringen är inte skapad än.", "kommunicering-",
                user);
    }

    private ResponseEntity<byte[]> letter(String id, SanctionLetter.Kind kind, String notYet, String filePrefix,
                                          Authentication user) {
        UUID sanctionId = RequestValues.id(id, "Sanktionen finns inte.");
        var sanction = sanctions.find(sanctionId).orElseThrow(() -> new NotFoundException("Sanktionen finns inte."));
        Journey journey = overviews.journey(sanction.getJourneyId());
        // ClientAccess: 404 for a client the user may not see, so not even the sanction's existence is shown.
        access.check(journey.getClientId(), user, kind == SanctionLetter.Kind.BESLUT ? "nedsattningsbrev" : "kommunicering",
                sanctionId, "Sanktionen finns inte.");
        SanctionLetter letter = sanctionLetters.find(sanctionId, kind).orElseThrow(() -> new NotFoundException(notYet));
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"" + filePrefix + sanctionId + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(letter.getPdf());
    }

    /** 202: the journey records the exit and waits for the six-month follow-up. */
    @PostMapping(JOURNEYS + "/{id}/avslut")
    @PreAuthorize(COACHING)
    public ResponseEntity<Void> exit(@PathVariable String id, @RequestBody(required = false) JourneyRequests.Exit request,
                                     Authentication user) {
        Journey journey = visibleJourney(id, user, "avslut");
        JourneyRequests.Exit body = request == null ? new JourneyRequests.Exit(null, null, null) : request;
        ExitReason reason = exitReason(body.reason());
        journeys.requestExit(journey.getId(), reason, RequestValues.date(body.date(), "date"), body.note(), user.getName());
        return ResponseEntity.accepted().location(URI.create(JOURNEYS + "/" + journey.getId())).build();
    }

    static ExitReason exitReason(String value) {
        String allowed = Arrays.stream(ExitReason.values()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("reason", "Ange orsak till avslutet: " + allowed + ".");
        }
        try {
            return ExitReason.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("reason", "Okänd avslutsorsak \"" + value + "\". Tillåtna: " + allowed + ".");
        }
    }

    private static UUID optionalId(String value, String field) {
        return RequestValues.optionalId(value, field);
    }

    /** The journey when the user may see its client ({@link ClientAccess}, the read logged), else 404. */
    private Journey visibleJourney(String id, Authentication user, String what) {
        Journey journey = overviews.journey(RequestValues.id(id, "Klientresan finns inte."));
        access.check(journey.getClientId(), user, what, journey.getId(), "Klientresan finns inte.");
        return journey;
    }
}
