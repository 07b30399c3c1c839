package se.stegvis.integration.arbetsformedlingen;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.stegvis.client.domain.ClientRepository;

/**
 * Sends the waiting notices to Arbetsförmedlingen, each in a transaction of its own: delivered → {@code SKICKAD} with
 * AF's receipt; AF does not answer → tried again after {@code retry-delay}, and after {@code attempts} tries the notice
 * is {@code OBESVARAD} and an incident "Arbetsförmedlingen svarar inte" is raised on the client's journey (Cockpit).
 * The outbox is in the database, so nothing is lost in a restart; two nodes sending the same notice meet the
 * optimistic lock, and AF receives a notice id once. Logs carry ids only.
 */
@Component
public class NoticeWorker {

    /** The incident type on the journey when a notice stays unanswered. */
    public static final String INCIDENT_TYPE = "arbetsformedlingen";
    private static final Logger log = LoggerFactory.getLogger(NoticeWorker.class);
    private static final int MAX_ERROR = 600;

    private final NoticeRepository notices;
    private final Arbetsformedlingen arbetsformedlingen;
    private final ClientRepository clients;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private final ArbetsformedlingenProperties properties;
    private final Clock clock;

    public NoticeWorker(NoticeRepository notices, Arbetsformedlingen arbetsformedlingen, ClientRepository clients,
                        RuntimeService runtimeService, PlatformTransactionManager transactions,
                        ArbetsformedlingenProperties properties, Clock clock) {
        this.notices = notices;
        this.arbetsformedlingen = arbetsformedlingen;
        this.clients = clients;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** Sends one batch of the notices that are due; returns how many were tried. */
    public int sendDue() {
        List<UUID> due = transaction.execute(status -> notices
                .findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(Notice.Status.VANTAR, clock.instant(),
                        PageRequest.of(0, properties.batchSize()))
                .stream().map(Notice::getId).toList());
        for (UUID id : due) {
            try {
                transaction.executeWithoutResult(status -> send(id));
            } catch (OptimisticLockingFailureException e) {
                log.info("Notice {} was handled by another node meanwhile", id);
            }
        }
        return due.size();
    }

    private void send(UUID id) {
        Notice notice = notices.findById(id).orElseThrow();
        if (notice.getStatus() != Notice.Status.VANTAR) {
            return;
        }
        var personnummer = clients.findById(notice.getClientId()).orElseThrow().getPersonnummer();
        try {
            String receipt = arbetsformedlingen.deliver(notice.getId(), notice.getKind(), personnummer,
                    notice.getContent());
            notice.sent(receipt, clock.instant());
            log.info("Notice {} delivered to Arbetsförmedlingen", id);
        } catch (ArbetsformedlingenUnavailableException e) {
            String error = truncate(e.getMessage());
            boolean last = notice.failed(error, clock.instant(), properties.attempts(), properties.retryDelay());
            log.warn("Notice {} not delivered (attempt {} of {}): {}", id, notice.getAttempts(), properties.attempts(),
                    error);
            if (last) {
                notice.getProcessInstanceId().ifPresent(pi -> notice.setIncidentId(incident(notice, pi)));
            }
        }
    }

    private String incident(Notice notice, String processInstanceId) {
        String execution = waitingExecution(processInstanceId);
        if (execution == null) {
            return null; // the journey has ended: the status OBESVARAD and the log say it
        }
        Incident incident = runtimeService.createIncident(INCIDENT_TYPE, execution, notice.getId().toString(),
                "Arbetsförmedlingen svarar inte: aviseringen \"" + notice.getKind().label() + "\" (" + notice.getId()
                        + ") kunde inte skickas efter " + notice.getAttempts() + " försök. Senaste fel: "
                        + notice.getLastError().orElse("–") + ". Skicka igen med POST /api/arbetsformedlingen/"
                        + "aviseringar/" + notice.getId() + "/nytt-forsok när AF svarar.");
        log.error("Notice {} unanswered by Arbetsförmedlingen: incident {} on process instance {}", notice.getId(),
                incident.getId(), processInstanceId);
        return incident.getId();
    }

    /** An execution of the journey that waits in an activity (an incident must hang on one); null when none. */
    private String waitingExecution(String processInstanceId) {
        var root = runtimeService.getActivityInstance(processInstanceId);
        return root == null ? null : leafExecution(root);
    }

    private static String leafExecution(org.camunda.bpm.engine.runtime.ActivityInstance instance) {
        for (var child : instance.getChildActivityInstances()) {
            String found = leafExecution(child);
            if (found != null) {
                return found;
            }
        }
        if (instance.getChildActivityInstances().length == 0 && instance.getExecutionIds().length > 0
                && instance.getParentActivityInstanceId() != null) {
            return instance.getExecutionIds()[0];
        }
        return null;
    }

    private static String truncate(String message) {
        String text = message == null ? "Arbetsförmedlingen svarar inte" : message;
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
