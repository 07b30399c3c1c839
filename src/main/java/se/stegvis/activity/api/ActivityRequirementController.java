package se.stegvis.activity.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.activity.ActivityRequirementStatus;
import se.stegvis.activity.domain.Exemption;
import se.stegvis.client.ClientAccess;
import se.stegvis.client.domain.Client;
import se.stegvis.config.RequestValues;

/**
 * The aktivitetskrav of one client for coaches and caseworkers: the status with the recorded exemptions and the
 * events of becoming covered; record an exemption with its evidence; end one. Who may see the client is
 * {@link ClientAccess}'s rule (404 otherwise); every read is in the access log.
 */
@RestController
public class ActivityRequirementController {

    public static final String PATH = "/api/klienter/{clientId}/aktivitetskrav";
    static final String CASE_WORK = "hasAnyAuthority('coach','handlaggare','teamledare','skyddad')";

    private final ActivityRequirementService service;
    private final ClientAccess access;

    public ActivityRequirementController(ActivityRequirementService service, ClientAccess access) {
        this.service = service;
        this.access = access;
    }

    public record ExemptionView(UUID id, String ground, String groundLabel, LocalDate from, LocalDate to,
                                String evidence, String recordedBy, Instant recordedAt) {

        static ExemptionView of(Exemption e) {
            return new ExemptionView(e.getId(), e.getGround().name(), e.getGround().label(), e.getValidFrom(),
                    e.getValidTo().orElse(null), e.getEvidence(), e.getRecordedBy(), e.getRecordedAt());
        }
    }

    public record CoverageView(String coveredFrom, Instant recordedAt, String planRequest) {}

    /** An age exemption kept when a grant completed the months (for the key figures); derived, not recorded by anyone. */
    public record AgeExemptionView(String ground, String groundLabel, String coveredFrom, LocalDate from, LocalDate to,
                                   Instant recordedAt) {}

    public record View(UUID clientId, ActivityRequirementStatus status, List<ExemptionView> exemptions,
                       List<CoverageView> coverageEvents, List<AgeExemptionView> ageExemptions) {}

    /** {@code to}: the last day, empty when open-ended. */
    public record ExemptionRequest(String ground, String from, String to, String evidence) {}

    public record EndRequest(String to) {}

    @GetMapping(PATH)
    @PreAuthorize(CASE_WORK)
    public View get(@PathVariable String clientId, Authentication user) {
        UUID id = visibleClient(clientId, user, "aktivitetskrav").getId();
        return new View(id, service.status(id), service.exemptions(id).stream().map(ExemptionView::of).toList(),
                service.coverageEvents(id).stream().map(e -> new CoverageView(e.getCoveredFrom().toString(),
                        e.getRecordedAt(), e.getPlanRequest() == null ? null : e.getPlanRequest().name())).toList(),
                service.ageExemptions(id).stream().map(a -> new AgeExemptionView(a.getGround().name(),
                        a.getGround().label(), a.getCoveredFrom().toString(), a.getValidFrom(),
                        a.getValidTo().orElse(null), a.getRecordedAt())).toList());
    }

    /** 201 with the recorded exemption; 400 naming the field the rules refuse. */
    @PostMapping(PATH + "/undantag")
    @PreAuthorize(CASE_WORK)
    public ResponseEntity<ExemptionView> record(@PathVariable String clientId,
                                                @RequestBody(required = false) ExemptionRequest request,
                                                Authentication user) {
        UUID id = visibleClient(clientId, user, "aktivitetskrav-undantag").getId();
        ExemptionRequest body = request == null ? new ExemptionRequest(null, null, null, null) : request;
        LocalDate from = body.from() == null || body.from().isBlank() ? null : RequestValues.date(body.from(), "from");
        LocalDate to = body.to() == null || body.to().isBlank() ? null : RequestValues.date(body.to(), "to");
        Exemption exemption = service.recordExemption(id, body.ground(), from, to, body.evidence(), user.getName());
        return ResponseEntity.created(URI.create(PATH.replace("{clientId}", id.toString())))
                .body(ExemptionView.of(exemption));
    }

    /** Ends an exemption: {@code to} is its last day. */
    @PostMapping(PATH + "/undantag/{exemptionId}/avslut")
    @PreAuthorize(CASE_WORK)
    public ExemptionView end(@PathVariable String clientId, @PathVariable String exemptionId,
                             @RequestBody(required = false) EndRequest request, Authentication user) {
        UUID id = visibleClient(clientId, user, "aktivitetskrav-undantag").getId();
        UUID exemption = RequestValues.id(exemptionId, "Undantaget finns inte.");
        LocalDate to = request == null || request.to() == null || request.to().isBlank() ? null
                : RequestValues.date(request.to(), "to");
        return ExemptionView.of(service.endExemption(id, exemption, to, user.getName()));
    }

    /** The one access rule (client/ClientAccess): 404 for a client the user may not see, every read logged. */
    private Client visibleClient(String clientId, Authentication user, String what) {
        return access.client(RequestValues.id(clientId, "Klienten finns inte."), user, what);
    }
}
