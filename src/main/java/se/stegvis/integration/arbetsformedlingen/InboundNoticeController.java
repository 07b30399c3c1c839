package se.stegvis.integration.arbetsformedlingen;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.stegvis.client.ClientAccess;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.RequestValues;

/**
 * Arbetsförmedlingen delivers its notice that a programme participant risks too little occupation: only AF's
 * integration user (group {@code afintegration}) may. Idempotent per AF reference: the first delivery is 201, the
 * same notice again 200 with the same id and nothing started twice; the reference with other facts 409. The case
 * groups read a client's notices with what the coach did.
 */
@RestController
public class InboundNoticeController {

    public static final String PATH = "/api/arbetsformedlingen/underrattelser";
    static final String DELIVER = "hasAuthority('afintegration')";
    static final String READ = "hasAnyAuthority('coach','handlaggare','teamledare','skyddad')";

    private final InboundNotices notices;
    private final ClientAccess access;

    public InboundNoticeController(InboundNotices notices, ClientAccess access) {
        this.notices = notices;
        this.access = access;
    }

    /** What AF sends: its reference, the participant's personnummer, the day of its assessment, and hours if known. */
    public record Delivery(String reference, String personnummer, String noticeDate, Integer occupationHoursPerWeek) {}

    /** The receipt: Stegvis' id of the notice, AF's reference, whether it was new, and its status. */
    public record Receipt(UUID id, String reference, String kind, String status, Instant receivedAt, boolean duplicate) {

        static Receipt of(InboundNotices.Received r) {
            InboundNotice n = r.notice();
            return new Receipt(n.getId(), n.getReference(), n.getKind().name(), n.getStatus().name(), n.getReceivedAt(),
                    !r.created());
        }
    }

    public record NoticeView(UUID id, String reference, String kind, String kindLabel, LocalDate noticeDate,
                             Integer occupationHoursPerWeek, Instant receivedAt, String status, String action,
                             String followedUpBy) {

        static NoticeView of(InboundNotice n) {
            return new NoticeView(n.getId(), n.getReference(), n.getKind().name(), n.getKind().label(),
                    n.getNoticeDate(), n.getOccupationHours().orElse(null), n.getReceivedAt(), n.getStatus().name(),
                    n.getAction().map(Enum::name).orElse(null), n.getFollowedUpBy().orElse(null));
        }
    }

    @PostMapping(PATH)
    @PreAuthorize(DELIVER)
    public ResponseEntity<Receipt> deliver(@RequestBody Delivery delivery, Authentication user) {
        if (delivery == null) {
            throw new InvalidRequestException("reference", "Underrättelsen saknas.");
        }
        LocalDate day = null;
        if (delivery.noticeDate() != null && !delivery.noticeDate().isBlank()) {
            try {
                day = LocalDate.parse(delivery.noticeDate().strip());
            } catch (DateTimeParseException e) {
                throw new InvalidRequestException("noticeDate", "Ogiltigt datum \"" + delivery.noticeDate()
                        + "\": ÅÅÅÅ-MM-DD väntas.");
            }
        }
        InboundNotices.Received received = notices.receive(delivery.reference(), delivery.personnummer(), day,
                delivery.occupationHoursPerWeek(), user.getName());
        Receipt receipt = Receipt.of(received);
        return received.created()
                ? ResponseEntity.created(URI.create(PATH + "/" + receipt.id())).body(receipt)
                : ResponseEntity.status(HttpStatus.OK).body(receipt);
    }

    @GetMapping(PATH)
    @PreAuthorize(READ)
    public List<NoticeView> list(@RequestParam(required = false) String clientId, Authentication user) {
        UUID id = RequestValues.clientId(clientId);
        access.client(id, user, "af-underrattelser");
        return notices.of(id).stream().map(NoticeView::of).toList();
    }
}
