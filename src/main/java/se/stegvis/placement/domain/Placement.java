package se.stegvis.placement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * One work-preparation placement (arbetsförberedande insats) in a client journey: requested, matched to an employer
 * or school, started, ended with an outcome. The dates give the waiting-time measure; the process
 * {@code arbetsforberedande-insats} holds the id.
 */
@Entity
@Table(name = "placement")
public class Placement {

    @Id
    private UUID id;

    @Column(name = "journey_id", nullable = false)
    private UUID journeyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private PlacementType type;

    @Column(name = "provider_id")
    private UUID providerId;

    @Column(name = "requested_on", nullable = false)
    private LocalDate requestedOn;

    @Column(name = "matched_on")
    private LocalDate matchedOn;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "switched_to_flex_sfi_on")
    private LocalDate switchedToFlexSfiOn;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private PlacementOutcome outcome;

    @Column(name = "interruption_reason", length = 1000)
    private String interruptionReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "interruption_ground", length = 30)
    private InterruptionGround interruptionGround;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(name = "sfi_first_admission")
    private LocalDate sfiFirstAdmission;

    protected Placement() {}

    public Placement(UUID journeyId, PlacementType type, LocalDate requestedOn) {
        this.id = UUID.randomUUID();
        this.journeyId = journeyId;
        this.type = type;
        this.requestedOn = requestedOn;
    }

    /** "Matcha mot arbetsgivare/utbildning": the provider who takes the client, and the day it was agreed. */
    public void matchTo(PlacementProvider provider, LocalDate on) {
        if (on.isBefore(requestedOn)) {
            throw new IllegalArgumentException("matched " + on + " before it was requested " + requestedOn);
        }
        this.providerId = provider.getId();
        this.matchedOn = on;
    }

    public void start(LocalDate on) {
        if (matchedOn == null) {
            throw new IllegalStateException("a placement starts after it has been matched");
        }
        if (on.isBefore(matchedOn)) {
            throw new IllegalArgumentException("started " + on + " before it was matched " + matchedOn);
        }
        this.startDate = on;
    }

    /** Parental leave during SFI: the language learning goes on as flex-SFI instead of being interrupted. */
    public void switchToFlexSfi(LocalDate on) {
        if (type != PlacementType.SFI) {
            throw new IllegalStateException("only an SFI placement switches to flex-SFI, this is " + type);
        }
        this.type = PlacementType.FLEX_SFI;
        this.switchedToFlexSfiOn = on;
    }

    /**
     * The client's first admission to SFI, as in the study plan: what the SFI three-year clock counts from
     * ({@link SfiRight}). Only for a placement that includes SFI.
     */
    public void recordSfiFirstAdmission(LocalDate firstAdmission) {
        if (!type.includesSfi()) {
            throw new IllegalStateException("only a placement with SFI records the first SFI admission, this is " + type);
        }
        this.sfiFirstAdmission = firstAdmission;
    }

    /** Ends the placement; an interrupted one (AVBRUTEN) needs a reason. No ground (the journey ended it). */
    public void end(LocalDate on, PlacementOutcome outcome, String interruptionReason) {
        end(on, outcome, null, interruptionReason);
    }

    /**
     * Ends the placement as "Avsluta insats" does: an interrupted one (AVBRUTEN) needs a reason, and the ground
     * (declined, broken off without or with godtagbart skäl) is kept only for an interrupted one.
     */
    public void end(LocalDate on, PlacementOutcome outcome, InterruptionGround ground, String interruptionReason) {
        if (startDate != null && on.isBefore(startDate)) {
            throw new IllegalArgumentException("ended " + on + " before it started " + startDate);
        }
        if (outcome == PlacementOutcome.AVBRUTEN && (interruptionReason == null || interruptionReason.isBlank())) {
            throw new IllegalArgumentException("an interrupted placement needs a reason");
        }
        this.endDate = on;
        this.outcome = outcome;
        this.interruptionReason = outcome == PlacementOutcome.AVBRUTEN ? interruptionReason : null;
        this.interruptionGround = outcome == PlacementOutcome.AVBRUTEN ? ground : null;
    }

    /** Days waited from the request to the start; empty while the placement has not started. */
    public Optional<Long> waitingDays() {
        return startDate == null ? Optional.empty() : Optional.of(ChronoUnit.DAYS.between(requestedOn, startDate));
    }

    /** Days from the request until a provider was found; empty while unmatched. */
    public Optional<Long> daysToMatch() {
        return matchedOn == null ? Optional.empty() : Optional.of(ChronoUnit.DAYS.between(requestedOn, matchedOn));
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public UUID getId() {
        return id;
    }

    public UUID getJourneyId() {
        return journeyId;
    }

    public PlacementType getType() {
        return type;
    }

    public Optional<UUID> getProviderId() {
        return Optional.ofNullable(providerId);
    }

    public LocalDate getRequestedOn() {
        return requestedOn;
    }

    public Optional<LocalDate> getMatchedOn() {
        return Optional.ofNullable(matchedOn);
    }

    public Optional<LocalDate> getStartDate() {
        return Optional.ofNullable(startDate);
    }

    public Optional<LocalDate> getEndDate() {
        return Optional.ofNullable(endDate);
    }

    public Optional<LocalDate> getSwitchedToFlexSfiOn() {
        return Optional.ofNullable(switchedToFlexSfiOn);
    }

    public Optional<PlacementOutcome> getOutcome() {
        return Optional.ofNullable(outcome);
    }

    public Optional<String> getInterruptionReason() {
        return Optional.ofNullable(interruptionReason);
    }

    /** Why an interrupted placement ended; empty for the other outcomes and for older or journey-ended ones. */
    public Optional<InterruptionGround> getInterruptionGround() {
        return Optional.ofNullable(interruptionGround);
    }

    public Optional<LocalDate> getSfiFirstAdmission() {
        return Optional.ofNullable(sfiFirstAdmission);
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
