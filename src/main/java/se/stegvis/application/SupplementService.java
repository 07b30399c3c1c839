package se.stegvis.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.application.domain.SupplementRequest;
import se.stegvis.application.domain.SupplementRequestRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;

/**
 * Komplettering: the request to the client (stored, for the e-service to show on the client's pages), the reminder,
 * and the answer, which moves the waiting process on.
 */
@Service
public class SupplementService {

    private final SupplementRequestRepository requests;
    private final ApplicationRepository applications;
    private final RuntimeService runtimeService;
    private final ApplicationSettings settings;
    private final Clock clock;

    public SupplementService(SupplementRequestRepository requests, ApplicationRepository applications,
                             RuntimeService runtimeService, ApplicationSettings settings, Clock clock) {
        this.requests = requests;
        this.applications = applications;
        this.runtimeService = runtimeService;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends the request; idempotent for a retried job: an open request is returned, not doubled. */
    @Transactional
    public SupplementRequest request(UUID applicationId, String message, String requestedBy) {
        Application application = applications.findById(applicationId).orElseThrow();
        application.setStatus(ApplicationStatus.KOMPLETTERING);
        return open(applicationId).stream().filter(r -> r.getMessage().equals(message)).findFirst()
                .orElseGet(() -> requests.save(new SupplementRequest(applicationId, message, requestedBy,
                        clock.instant(), LocalDate.now(clock).plusDays(settings.supplementDays()))));
    }

    /** Reminds the client of the open request and gives a new due date. */
    @Transactional
    public LocalDate remind(UUID applicationId) {
        LocalDate due = LocalDate.now(clock).plusDays(settings.supplementDays());
        for (SupplementRequest request : open(applicationId)) {
            if (request.getRemindedAt() == null) {
                request.setRemindedAt(clock.instant());
            }
        }
        return due;
    }

    /**
     * The client has sent the documents: the open requests are answered and the process, if it waits, goes on.
     * Returns false when nothing was requested.
     */
    @Transactional
    public boolean answer(UUID applicationId) {
        List<SupplementRequest> open = open(applicationId);
        if (open.isEmpty()) {
            return false;
        }
        open.forEach(r -> r.setAnsweredAt(clock.instant()));
        applications.findById(applicationId).ifPresent(a -> a.setStatus(ApplicationStatus.UTREDNING));
        runtimeService.createMessageCorrelation(EkonomisktBistandProcess.MESSAGE_SUPPLEMENT_RECEIVED)
                .processInstanceBusinessKey(applicationId.toString())
                .correlateAll();
        return true;
    }

    private List<SupplementRequest> open(UUID applicationId) {
        return requests.findByApplicationIdOrderById(applicationId).stream()
                .filter(r -> r.getAnsweredAt() == null)
                .toList();
    }
}
