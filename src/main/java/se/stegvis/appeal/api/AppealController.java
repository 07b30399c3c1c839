package se.stegvis.appeal.api;

import java.net.URI;
import java.util.UUID;
import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.appeal.AppealService;
import se.stegvis.appeal.domain.Appeal;
import se.stegvis.client.ClientAccess;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.RequestValues;

/** Appeals (överklaganden) of decisions, registered by caseworkers; each starts the process {@code overklagande}. */
@RestController
@PreAuthorize("hasAnyAuthority('handlaggare','teamledare','skyddad')")
public class AppealController {

    public static final String DECISION_APPEALS = "/api/beslut/{decisionId}/overklaganden";
    public static final String APPEALS = "/api/overklaganden";

    private final AppealService appeals;
    private final ClientAccess access;

    public AppealController(AppealService appeals, ClientAccess access) {
        this.appeals = appeals;
        this.access = access;
    }

    /** 201 with the appeal and its {@code Location}; 404 for an unknown decision; 400 naming a wrong date. */
    @PostMapping(DECISION_APPEALS)
    public ResponseEntity<AppealResponse> register(@PathVariable String decisionId, @RequestBody AppealRequest request,
                                                   Authentication user) {
        UUID decision = RequestValues.id(decisionId, "Beslutet finns inte");
        access.check(appeals.clientOfDecision(decision).orElse(null), user, "overklagande-registrering", decision,
                "Beslutet finns inte");
        LocalDate received = RequestValues.date(request.receivedDate(), "receivedDate");
        LocalDate notified = request.notifiedDate() == null ? null : RequestValues.date(request.notifiedDate(), "notifiedDate");
        Appeal appeal = appeals.register(decision, received, notified, user.getName());
        return ResponseEntity.created(URI.create(APPEALS + "/" + appeal.getId())).body(response(appeal));
    }

    @GetMapping(APPEALS + "/{id}")
    public AppealResponse get(@PathVariable String id, Authentication user) {
        String notFound = "Överklagandet finns inte";
        Appeal appeal = appeals.find(RequestValues.id(id, notFound)).orElseThrow(() -> new NotFoundException(notFound));
        access.check(appeals.clientOfDecision(appeal.getDecisionId()).orElse(null), user, "overklagande", appeal.getId(),
                notFound);
        return response(appeal);
    }

    private AppealResponse response(Appeal appeal) {
        return AppealResponse.from(appeal, appeals.lastDayForAppeal(appeal.getNotifiedDate()));
    }
}
