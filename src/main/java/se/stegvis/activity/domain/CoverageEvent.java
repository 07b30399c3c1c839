package se.stegvis.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * The moment a client became covered by the aktivitetskrav, from a month: recorded once per client and month (a unique
 * key), so the coach's task and the notice to Arbetsförmedlingen follow each such event once. A client whose
 * assistance stops and later starts again becomes covered anew, from a later month: a new event.
 */
@Entity
@Table(name = "activity_coverage")
public class CoverageEvent {

    /** What the journey did about the plan when the client became covered. */
    public enum PlanRequest {
        /** The coach got the task "Revidera planering enligt aktivitetskravet". */
        REVIDERA_PLANERING,
        /** The plan is not drawn up yet: the journey's "Upprätta individuell planering" is the coach's task. */
        PLANERING_PAGAR,
        /** No active journey listened (it is being ended). */
        INGEN_KLIENTRESA
    }

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "covered_from", nullable = false, length = 7)
    private String coveredFrom;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "plan_request", length = 30)
    private PlanRequest planRequest;

    protected CoverageEvent() {}

    public CoverageEvent(UUID clientId, YearMonth coveredFrom, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.coveredFrom = coveredFrom.toString();
        this.recordedAt = recordedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public YearMonth getCoveredFrom() {
        return YearMonth.parse(coveredFrom);
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public PlanRequest getPlanRequest() {
        return planRequest;
    }

    public void setPlanRequest(PlanRequest planRequest) {
        this.planRequest = planRequest;
    }
}
