package se.stegvis.integration.arbetsformedlingen;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.config.ConflictException;
import se.stegvis.config.NotFoundException;

/**
 * The outbox of notices to Arbetsförmedlingen: a notice is written in the transaction of the event it reports, once
 * per event, and the {@link NoticeWorker} sends it. Readable per client; an unanswered one is sent again on request.
 */
@Service
public class ArbetsformedlingenNotices {

    private static final Logger log = LoggerFactory.getLogger(ArbetsformedlingenNotices.class);

    private final NoticeRepository notices;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public ArbetsformedlingenNotices(NoticeRepository notices, RuntimeService runtimeService, Clock clock) {
        this.notices = notices;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * The client has become covered by the aktivitetskrav from {@code coveredFrom}: one notice per coverage event
     * ({@code eventId}); empty when that event's notice exists already.
     */
    @Transactional
    public Optional<Notice> clientCovered(UUID eventId, UUID clientId, YearMonth coveredFrom, String processInstanceId) {
        return enqueue("OMFATTAS:" + eventId, Notice.Kind.KLIENT_OMFATTAS, clientId, processInstanceId,
                "{\"omfattasFran\":\"" + coveredFrom + "\"}");
    }

    /** The activities of a covered client's plan changed (a plan version): one notice per version. */
    @Transactional
    public Optional<Notice> planActivitiesChanged(UUID planId, int version, UUID clientId, List<String> activities,
                                                  String processInstanceId) {
        String list = String.join(",", activities.stream().map(a -> "\"" + a.replace("\"", "") + "\"").toList());
        return enqueue("PLAN:" + planId + ":" + version, Notice.Kind.PLANENS_AKTIVITETER_ANDRADE, clientId,
                processInstanceId, "{\"planversion\":" + version + ",\"aktiviteter\":[" + list + "]}");
    }

    private Optional<Notice> enqueue(String eventKey, Notice.Kind kind, UUID clientId, String processInstanceId,
                                     String content) {
        if (notices.findByEventKey(eventKey).isPresent()) {
            log.info("Notice to Arbetsförmedlingen for event {} exists already; not sent twice", eventKey);
            return Optional.empty();
        }
        Notice notice = notices.save(new Notice(eventKey, kind, clientId, processInstanceId, content, clock.instant()));
        log.info("Notice {} ({}) to Arbetsförmedlingen queued for client {}", notice.getId(), kind, clientId);
        return Optional.of(notice);
    }

    @Transactional(readOnly = true)
    public List<Notice> of(UUID clientId) {
        return notices.findByClientIdOrderByCreatedAt(clientId);
    }

    @Transactional(readOnly = true)
    public Optional<Notice> find(UUID noticeId) {
        return notices.findById(noticeId);
    }

    /** An unanswered notice is sent again: a new round of attempts; its incident is resolved. 409 for any other. */
    @Transactional
    public Notice retry(UUID noticeId, String by) {
        Notice notice = notices.findById(noticeId).orElseThrow(() -> new NotFoundException("Aviseringen finns inte."));
        if (notice.getStatus() != Notice.Status.OBESVARAD) {
            throw new ConflictException("id", "Bara en obesvarad avisering kan skickas igen (den här är "
                    + notice.getStatus().name().toLowerCase() + ").");
        }
        notice.getIncidentId().ifPresent(incident -> {
            try {
                runtimeService.resolveIncident(incident);
            } catch (RuntimeException e) {
                log.warn("Incident {} of notice {} could not be resolved: {}", incident, noticeId, e.toString());
            }
        });
        notice.retry(clock.instant());
        log.info("Notice {} to Arbetsförmedlingen to be sent again, by {}", noticeId, by);
        return notice;
    }
}
