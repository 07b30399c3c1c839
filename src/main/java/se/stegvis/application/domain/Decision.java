package se.stegvis.application.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.stegvis.letter.DecisionKind;

/** A decision on an application. A reconsideration (omprövning) makes a new decision that replaces the old. */
@Entity
@Table(name = "decision")
public class Decision {

    @Id
    private UUID id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DecisionKind kind;

    @Column(nullable = false)
    private long amount;

    @Column(length = 4000)
    private String reasons;

    @Column(nullable = false, length = 64)
    private String investigator;

    @Column(length = 64)
    private String approver;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    @Column(name = "replaces_decision_id")
    private UUID replacesDecisionId;

    @Column(name = "notified_at")
    private Instant notifiedAt;

    /** The application's id on its first decision (unique: one per application), empty on a reconsideration's. */
    @Column(name = "first_of_application")
    private UUID firstOfApplication;

    protected Decision() {}

    public Decision(UUID applicationId, DecisionKind kind, long amount, String reasons, String investigator,
                    String approver, Instant decidedAt, UUID replacesDecisionId) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.kind = kind;
        this.amount = amount;
        this.reasons = reasons;
        this.investigator = investigator;
        this.approver = approver;
        this.decidedAt = decidedAt;
        this.replacesDecisionId = replacesDecisionId;
        this.firstOfApplication = replacesDecisionId == null ? applicationId : null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getApplicationId() {
        return applicationId;
    }

    public DecisionKind getKind() {
        return kind;
    }

    public long getAmount() {
        return amount;
    }

    public String getReasons() {
        return reasons;
    }

    public String getInvestigator() {
        return investigator;
    }

    public String getApprover() {
        return approver;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public UUID getReplacesDecisionId() {
        return replacesDecisionId;
    }

    public Instant getNotifiedAt() {
        return notifiedAt;
    }

    public void setNotifiedAt(Instant notifiedAt) {
        this.notifiedAt = notifiedAt;
    }
}
