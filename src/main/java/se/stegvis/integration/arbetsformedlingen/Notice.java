package se.stegvis.integration.arbetsformedlingen;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A notice to Arbetsförmedlingen in the outbox: written in the same transaction as the event it reports, sent by the
 * {@link NoticeWorker} afterwards, so it survives a restart. One per event ({@code event_key} is unique): a second
 * notice of the same event is refused. The content names no person; the personnummer is read when it is sent.
 */
@Entity
@Table(name = "af_notice")
public class Notice {

    public enum Kind {
        /** The client has become covered by the aktivitetskrav (from a month). */
        KLIENT_OMFATTAS("Klienten omfattas av aktivitetskravet"),
        /** The activities of a covered client's plan changed. */
        PLANENS_AKTIVITETER_ANDRADE("Planens aktiviteter har ändrats");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        /** Waiting to be sent (again). */
        VANTAR,
        /** Received by Arbetsförmedlingen, with its receipt. */
        SKICKAD,
        /** AF did not answer after every attempt: an incident on the journey; sent again on request. */
        OBESVARAD
    }

    @Id
    private UUID id;

    @Column(name = "event_key", nullable = false, unique = true, length = 100)
    private String eventKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Kind kind;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    /** The client's journey instance, where an incident is raised when AF does not answer. */
    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** JSON without personal data, e.g. {@code {"omfattasFran":"2026-11"}}. */
    @Column(nullable = false, length = 2000)
    private String content;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error", length = 600)
    private String lastError;

    @Column(name = "incident_id", length = 64)
    private String incidentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "receipt", length = 100)
    private String receipt;

    @Version
    private long version;

    protected Notice() {}

    public Notice(String eventKey, Kind kind, UUID clientId, String processInstanceId, String content, Instant now) {
        this.id = UUID.randomUUID();
        this.eventKey = eventKey;
        this.kind = kind;
        this.clientId = clientId;
        this.processInstanceId = processInstanceId;
        this.content = content;
        this.status = Status.VANTAR;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(String receipt, Instant at) {
        this.status = Status.SKICKAD;
        this.attempts++;
        this.receipt = receipt;
        this.sentAt = at;
        this.lastError = null;
    }

    /** An attempt AF did not answer; true when it was the last one. */
    boolean failed(String error, Instant now, int maxAttempts, java.time.Duration retryDelay) {
        this.attempts++;
        this.lastError = error;
        if (attempts >= maxAttempts) {
            this.status = Status.OBESVARAD;
            return true;
        }
        this.nextAttemptAt = now.plus(retryDelay);
        return false;
    }

    /** Sent again on request: a new round of attempts. */
    void retry(Instant now) {
        this.status = Status.VANTAR;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.incidentId = null;
    }

    void setIncidentId(String incidentId) {
        this.incidentId = incidentId;
    }

    public UUID getId() {
        return id;
    }

    public String getEventKey() {
        return eventKey;
    }

    public Kind getKind() {
        return kind;
    }

    public UUID getClientId() {
        return clientId;
    }

    public Optional<String> getProcessInstanceId() {
        return Optional.ofNullable(processInstanceId);
    }

    public String getContent() {
        return content;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<String> getLastError() {
        return Optional.ofNullable(lastError);
    }

    public Optional<String> getIncidentId() {
        return Optional.ofNullable(incidentId);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Optional<Instant> getSentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<String> getReceipt() {
        return Optional.ofNullable(receipt);
    }
}
