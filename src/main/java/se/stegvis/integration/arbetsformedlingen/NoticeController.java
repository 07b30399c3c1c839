package se.stegvis.integration.arbetsformedlingen;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.ClientAccess;
import se.stegvis.config.NotFoundException;
import se.stegvis.config.RequestValues;

/**
 * The notices to Arbetsförmedlingen of one client, with their status (waiting, sent with AF's receipt, unanswered),
 * and sending an unanswered one again. Who may see the client is {@link ClientAccess}'s rule.
 */
@RestController
public class NoticeController {

    public static final String PATH = "/api/arbetsformedlingen/aviseringar";
    static final String READ = "hasAnyAuthority('coach','handlaggare','teamledare','skyddad')";
    static final String RETRY = "hasAnyAuthority('teamledare','skyddad','camunda-admin')";

    private final ArbetsformedlingenNotices notices;
    private final ClientAccess access;

    public NoticeController(ArbetsformedlingenNotices notices, ClientAccess access) {
        this.notices = notices;
        this.access = access;
    }

    public record NoticeView(UUID id, String kind, String kindLabel, String content, String status, int attempts,
                             Instant createdAt, Instant sentAt, String receipt, String lastError, String incidentId) {

        static NoticeView of(Notice n) {
            return new NoticeView(n.getId(), n.getKind().name(), n.getKind().label(), n.getContent(),
                    n.getStatus().name(), n.getAttempts(), n.getCreatedAt(), n.getSentAt().orElse(null),
                    n.getReceipt().orElse(null), n.getLastError().orElse(null), n.getIncidentId().orElse(null));
        }
    }

    @GetMapping(PATH)
    @PreAuthorize(READ)
    public List<NoticeView> list(@RequestParam(required = false) String clientId, Authentication user) {
        UUID id = RequestValues.clientId(clientId);
        access.client(id, user, "af-aviseringar");
        return notices.of(id).stream().map(NoticeView::of).toList();
    }

    /** Sends an unanswered notice again (409 for any other). */
    @PostMapping(PATH + "/{id}/nytt-forsok")
    @PreAuthorize(RETRY)
    public NoticeView retry(@PathVariable String id, Authentication user) {
        UUID noticeId = RequestValues.id(id, "Aviseringen finns inte.");
        Notice notice = notices.find(noticeId).orElseThrow(() -> new NotFoundException("Aviseringen finns inte."));
        access.check(notice.getClientId(), user, "af-avisering", noticeId, "Aviseringen finns inte.");
        return NoticeView.of(notices.retry(noticeId, user.getName()));
    }
}
