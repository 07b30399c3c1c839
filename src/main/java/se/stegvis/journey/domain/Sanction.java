package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * A sanction after absence without acceptable reason (SoL 2025:400 12 kap. 5 §), with due process: the coach proposes to reduce
 * continued försörjningsstöd, the client is told and may respond until a day (kommunicering), and a caseworker makes
 * a written, appealable decision. An upheld decision becomes a reduction of the next month
 * ({@code journey.SanctionService}).
 */
@Entity
@Table(name = "sanction")
public class Sanction {

    @Id
    private UUID id;

    @Column(name = "journey_id", nullable = false)
    private UUID journeyId;

    @Column(name = "placement_id")
    private UUID placementId;

    @Column(name = "absence_description", nullable = false, length = 1000)
    private String absenceDescription;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SanctionStatus status;

    @Column(name = "proposed_amount", nullable = false)
    private long proposedAmount;

    @Column(name = "proposed_by", nullable = false, length = 64)
    private String proposedBy;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "communicated_at")
    private Instant communicatedAt;

    @Column(name = "response_due")
    private LocalDate responseDue;

    @Column(name = "client_response", length = 2000)
    private String clientResponse;

    @Column(name = "responded_at")
    private Instant respondedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private SanctionDecision decision;

    @Column(name = "decided_amount")
    private Long decidedAmount;

    @Column(name = "decision_reasons", length = 4000)
    private String decisionReasons;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "reduction_id")
    private UUID reductionId;

    /** Proposed for a client covered by the aktivitetskrav: then it may be dropped only for a godtagbart skäl. */
    @Column(name = "under_activity_requirement", nullable = false)
    private boolean underActivityRequirement;

    /** Days absent without acceptable reason, as the attendance report gave them; null when a coach reported it. */
    @Column(name = "absence_days")
    private Integer absenceDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "acceptable_reason", length = 40)
    private AcceptableReason acceptableReason;

    @Column(name = "acceptable_reason_text", length = 1000)
    private String acceptableReasonText;

    @Column(name = "illness_days")
    private Integer illnessDays;

    @Column(name = "medical_certificate_date")
    private LocalDate medicalCertificateDate;

    protected Sanction() {}

    /**
     * The godtagbart skäl a caseworker recorded to drop a reduction: the ground, its text, and for illness the days it
     * covers and the date of the läkarintyg (null when none is needed).
     */
    public record Excuse(AcceptableReason reason, String text, Integer illnessDays, LocalDate medicalCertificateDate) {

        public Excuse {
            if (reason == null) {
                throw new IllegalArgumentException("a godtagbart skäl has a ground");
            }
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a godtagbart skäl is described");
            }
            text = text.strip();
        }
    }

    /**
     * A proposal, marked when the client is covered by the aktivitetskrav; {@code absenceDays} as the attendance
     * report gave them (null when unknown).
     */
    public Sanction(UUID journeyId, UUID placementId, String absenceDescription, long proposedAmount, String proposedBy,
                    Instant proposedAt, boolean underActivityRequirement, Integer absenceDays) {
        this(journeyId, placementId, absenceDescription, proposedAmount, proposedBy, proposedAt);
        if (absenceDays != null && absenceDays <= 0) {
            throw new IllegalArgumentException("absence days are positive, were " + absenceDays);
        }
        this.underActivityRequirement = underActivityRequirement;
        this.absenceDays = absenceDays;
    }

    /** The coach's proposal after reported absence; {@code placementId} may be null when the coach saw the absence. */
    public Sanction(UUID journeyId, UUID placementId, String absenceDescription, long proposedAmount, String proposedBy,
                    Instant proposedAt) {
        if (proposedAmount <= 0) {
            throw new IllegalArgumentException("a proposed reduction is a positive amount, was " + proposedAmount);
        }
        this.id = UUID.randomUUID();
        this.journeyId = journeyId;
        this.placementId = placementId;
        this.absenceDescription = absenceDescription;
        this.proposedAmount = proposedAmount;
        this.proposedBy = proposedBy;
        this.proposedAt = proposedAt;
        this.status = SanctionStatus.FORESLAGEN;
    }

    /** Kommunicering: the client has been told of the proposal and may respond until {@code responseDue}. */
    public void communicated(Instant at, LocalDate responseDue) {
        requireStatus(SanctionStatus.FORESLAGEN);
        this.communicatedAt = at;
        this.responseDue = responseDue;
        this.status = SanctionStatus.KOMMUNICERAD;
    }

    public void clientResponded(String response, Instant at) {
        requireStatus(SanctionStatus.KOMMUNICERAD);
        this.clientResponse = response;
        this.respondedAt = at;
    }

    /** May be decided once the client has responded or the time to respond has passed. */
    public boolean decidable(LocalDate today) {
        return status == SanctionStatus.KOMMUNICERAD && (respondedAt != null || today.isAfter(responseDue));
    }

    /**
     * The caseworker's decision; an upheld one has a positive amount no larger than the one the client was told of,
     * and written reasons.
     */
    public void decide(SanctionDecision decision, long amount, String reasons, String caseworker, Instant at, LocalDate today) {
        decide(decision, amount, reasons, null, caseworker, at, today);
    }

    /**
     * The decision with the godtagbart skäl it was dropped for. Under the aktivitetskrav the reduction is mandatory
     * ("ska"): dropping it needs an {@link Excuse}; an excuse is recorded only with a dropped reduction.
     */
    public void decide(SanctionDecision decision, long amount, String reasons, Excuse excuse, String caseworker,
                       Instant at, LocalDate today) {
        if (underActivityRequirement && decision == SanctionDecision.DROPPED && excuse == null) {
            throw new IllegalArgumentException("under the aktivitetskrav a reduction is dropped only for a recorded"
                    + " godtagbart skäl");
        }
        if (excuse != null && decision != SanctionDecision.DROPPED) {
            throw new IllegalArgumentException("a godtagbart skäl is recorded only when the reduction is dropped");
        }
        if (!decidable(today)) {
            throw new IllegalStateException("a sanction is decided after kommunicering: when the client has responded"
                    + " or the time to respond (" + responseDue + ") has passed");
        }
        if (reasons == null || reasons.isBlank()) {
            throw new IllegalArgumentException("a sanction decision is written: reasons are required");
        }
        if (decision == SanctionDecision.UPHELD && amount <= 0) {
            throw new IllegalArgumentException("an upheld reduction is a positive amount, was " + amount);
        }
        if (decision == SanctionDecision.UPHELD && amount > proposedAmount) {
            throw new IllegalArgumentException("the client was told of a reduction of " + proposedAmount
                    + " kr; a larger one (" + amount + ") needs a new proposal and kommunicering");
        }
        this.decision = decision;
        this.decidedAmount = decision == SanctionDecision.UPHELD ? amount : 0L;
        this.decisionReasons = reasons;
        this.decidedBy = caseworker;
        this.decidedAt = at;
        this.status = SanctionStatus.BESLUTAD;
        if (excuse != null) {
            this.acceptableReason = excuse.reason();
            this.acceptableReasonText = excuse.text();
            this.illnessDays = excuse.illnessDays();
            this.medicalCertificateDate = excuse.medicalCertificateDate();
        }
    }

    public void reducedBy(UUID reductionId) {
        this.reductionId = reductionId;
    }

    private void requireStatus(SanctionStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("sanction is " + status + ", expected " + expected);
        }
    }

    public UUID getId() {
        return id;
    }

    public UUID getJourneyId() {
        return journeyId;
    }

    public Optional<UUID> getPlacementId() {
        return Optional.ofNullable(placementId);
    }

    public String getAbsenceDescription() {
        return absenceDescription;
    }

    public SanctionStatus getStatus() {
        return status;
    }

    public long getProposedAmount() {
        return proposedAmount;
    }

    public Optional<LocalDate> getResponseDue() {
        return Optional.ofNullable(responseDue);
    }

    public Optional<String> getClientResponse() {
        return Optional.ofNullable(clientResponse);
    }

    public Optional<SanctionDecision> getDecision() {
        return Optional.ofNullable(decision);
    }

    public Optional<Long> getDecidedAmount() {
        return Optional.ofNullable(decidedAmount);
    }

    public Optional<String> getDecisionReasons() {
        return Optional.ofNullable(decisionReasons);
    }

    public Optional<String> getDecidedBy() {
        return Optional.ofNullable(decidedBy);
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Optional<Instant> getCommunicatedAt() {
        return Optional.ofNullable(communicatedAt);
    }

    public Optional<Instant> getDecidedAt() {
        return Optional.ofNullable(decidedAt);
    }

    public Optional<UUID> getReductionId() {
        return Optional.ofNullable(reductionId);
    }

    public boolean isUnderActivityRequirement() {
        return underActivityRequirement;
    }

    public Optional<Integer> getAbsenceDays() {
        return Optional.ofNullable(absenceDays);
    }

    /** The godtagbart skäl the reduction was dropped for; empty when none was recorded. */
    public Optional<Excuse> getExcuse() {
        return acceptableReason == null ? Optional.empty() : Optional.of(new Excuse(acceptableReason,
                acceptableReasonText, illnessDays, medicalCertificateDate));
    }
}
