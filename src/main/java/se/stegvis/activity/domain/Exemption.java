package se.stegvis.activity.domain;

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
 * A recorded exemption from the aktivitetskrav: its ground, the days it applies (to open-ended when not known) and the
 * evidence the coach or caseworker saw (e.g. "Beslut om sjukersättning från Försäkringskassan, daterat 2026-09-14").
 */
@Entity
@Table(name = "activity_exemption")
public class Exemption {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ExemptionGround ground;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(nullable = false, length = 500)
    private String evidence;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected Exemption() {}

    public Exemption(UUID clientId, ExemptionGround ground, LocalDate validFrom, LocalDate validTo, String evidence,
                     String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.ground = ground;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.evidence = evidence;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public boolean appliesOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** Ends the exemption on {@code day} (the last day it applies). */
    public void endOn(LocalDate day) {
        this.validTo = day;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public ExemptionGround getGround() {
        return ground;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public Optional<LocalDate> getValidTo() {
        return Optional.ofNullable(validTo);
    }

    public String getEvidence() {
        return evidence;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
