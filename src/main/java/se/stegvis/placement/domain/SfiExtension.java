package se.stegvis.placement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One extension of the client's right to SFI granted by the huvudman, recorded in an SFI placement. */
@Entity
@Table(name = "sfi_extension")
public class SfiExtension {

    @Id
    private UUID id;

    @Column(name = "placement_id", nullable = false)
    private UUID placementId;

    @Column(name = "extended_until", nullable = false)
    private LocalDate extendedUntil;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected SfiExtension() {}

    public SfiExtension(UUID placementId, LocalDate extendedUntil, String recordedBy, Instant recordedAt) {
        this.id = UUID.randomUUID();
        this.placementId = placementId;
        this.extendedUntil = extendedUntil;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getPlacementId() {
        return placementId;
    }

    public LocalDate getExtendedUntil() {
        return extendedUntil;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
