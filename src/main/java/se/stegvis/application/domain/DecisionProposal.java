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

/**
 * What one "Utred ansökan" proposed (beslutsförslag), with the delegation table's answer and the attest. The decision
 * is registered from the latest proposal of the application, never from process variables: those a user could have
 * set, this row only Stegvis writes.
 */
@Entity
@Table(name = "decision_proposal")
public class DecisionProposal {

    /** The approver's answer. */
    public enum AttestOutcome { GODKANN, ATERVISA }

    @Id
    private UUID id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Column(nullable = false)
    private int round;

    @Column(name = "task_id", nullable = false, unique = true, length = 64)
    private String taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DecisionKind kind;

    @Column(nullable = false)
    private long amount;

    @Column(name = "calculated_amount", nullable = false)
    private long calculatedAmount;

    @Column(length = 4000)
    private String reasons;

    @Column(name = "proposed_by", nullable = false, length = 64)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "requires_attest")
    private Boolean requiresAttest;

    @Enumerated(EnumType.STRING)
    @Column(name = "attest_outcome", length = 20)
    private AttestOutcome attestOutcome;

    @Column(name = "attested_by", length = 64)
    private String attestedBy;

    @Column(name = "attested_at")
    private Instant attestedAt;

    protected DecisionProposal() {}

    public DecisionProposal(UUID applicationId, int round, String taskId, DecisionKind kind, long amount,
                            long calculatedAmount, String reasons, String proposedBy, Instant proposedAt) {
        this.id = UUID.randomUUID();
        this.applicationId = applicationId;
        this.round = round;
        this.taskId = taskId;
        this.kind = kind;
        this.amount = amount;
        this.calculatedAmount = calculatedAmount;
        this.reasons = reasons;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
    }

    /** The delegation table's answer for this proposal. */
    public void delegationAnswered(boolean requiresAttest) {
        this.requiresAttest = requiresAttest;
    }

    /** The approver's answer. */
    public void attested(AttestOutcome outcome, String approver, Instant at) {
        this.attestOutcome = outcome;
        this.attestedBy = approver;
        this.attestedAt = at;
    }

    /** Approved by someone (the four-eyes rule checked who when the attest was completed). */
    public boolean isApproved() {
        return attestOutcome == AttestOutcome.GODKANN && attestedBy != null;
    }

    public UUID getId() {
        return id;
    }

    public UUID getApplicationId() {
        return applicationId;
    }

    public int getRound() {
        return round;
    }

    public String getTaskId() {
        return taskId;
    }

    public DecisionKind getKind() {
        return kind;
    }

    public long getAmount() {
        return amount;
    }

    public long getCalculatedAmount() {
        return calculatedAmount;
    }

    public String getReasons() {
        return reasons;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    /** Null until the delegation table has been asked. */
    public Boolean getRequiresAttest() {
        return requiresAttest;
    }

    public AttestOutcome getAttestOutcome() {
        return attestOutcome;
    }

    public String getAttestedBy() {
        return attestedBy;
    }

    public Instant getAttestedAt() {
        return attestedAt;
    }
}
