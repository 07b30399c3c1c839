package se.stegvis.appeal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** An appeal (överklagande) of a decision, registered by a caseworker; the process {@code overklagande} holds its id. */
@Entity
@Table(name = "appeal")
public class Appeal {

    @Id
    private UUID id;

    @Column(name = "decision_id", nullable = false)
    private UUID decisionId;

    @Column(name = "received_date", nullable = false)
    private LocalDate receivedDate;

    @Column(name = "notified_date", nullable = false)
    private LocalDate notifiedDate;

    @Column(name = "registered_by", nullable = false, length = 64)
    private String registeredBy;

    @Column(name = "in_time", nullable = false)
    private boolean inTime;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private AppealStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private CourtOutcome outcome;

    @Column(name = "court_ruling", length = 2000)
    private String courtRuling;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    protected Appeal() {}

    public Appeal(UUID decisionId, LocalDate receivedDate, LocalDate notifiedDate, boolean inTime, String registeredBy) {
        this.id = UUID.randomUUID();
        this.decisionId = decisionId;
        this.receivedDate = receivedDate;
        this.notifiedDate = notifiedDate;
        this.inTime = inTime;
        this.registeredBy = registeredBy;
        this.status = AppealStatus.REGISTRERAT;
    }

    public void decisionChanged() {
        this.status = AppealStatus.BESLUT_ANDRAT;
    }

    public void forwardedToCourt() {
        this.status = AppealStatus.OVERLAMNAT;
    }

    public void courtRuled(CourtOutcome outcome, String ruling) {
        this.outcome = outcome;
        this.courtRuling = ruling;
        this.status = AppealStatus.DOM_REGISTRERAD;
    }

    public void dismissedAsLate() {
        this.status = AppealStatus.AVVISAT_FOR_SENT;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDecisionId() {
        return decisionId;
    }

    public LocalDate getReceivedDate() {
        return receivedDate;
    }

    public LocalDate getNotifiedDate() {
        return notifiedDate;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public boolean isInTime() {
        return inTime;
    }

    public AppealStatus getStatus() {
        return status;
    }

    public CourtOutcome getOutcome() {
        return outcome;
    }

    public String getCourtRuling() {
        return courtRuling;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public void setProcessInstanceId(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }
}
