package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A client journey (klientresa): one per client person expected to work or study, from the first grant (or a coach's
 * start) to the exit. The process {@code klientresa} holds its id; the mapping, plan, assessments, placements,
 * sanctions and exit refer to it.
 */
@Entity
@Table(name = "client_journey")
public class Journey {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private JourneyStatus status;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    protected Journey() {}

    public Journey(UUID clientId, Instant startedAt, String startedBy) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.status = JourneyStatus.AKTIV;
        this.startedAt = startedAt;
        this.startedBy = startedBy;
    }

    /** Ends the journey at the exit; no new monthly applications are expected after it. */
    public void end(Instant at) {
        if (status == JourneyStatus.AVSLUTAD) {
            throw new IllegalStateException("the journey has already ended");
        }
        this.status = JourneyStatus.AVSLUTAD;
        this.endedAt = at;
    }

    public boolean isActive() {
        return status == JourneyStatus.AKTIV;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public JourneyStatus getStatus() {
        return status;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Optional<Instant> getEndedAt() {
        return Optional.ofNullable(endedAt);
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
