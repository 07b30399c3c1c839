package se.stegvis.activity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * A client who would have become covered by the aktivitetskrav (a grant completed the consecutive months) but is
 * exempt by age: under 18 or at or above the pension age, derived from the personnummer when the grant was sent. Kept
 * so that the key figures count the age exemptions by ground like the recorded ones; once per client, run
 * ({@code coveredFrom}: the month the requirement would have applied from) and ground. Not an {@link Exemption}: nobody
 * records it and there is no evidence but the personnummer, which is not copied here.
 */
@Entity
@Table(name = "activity_age_exemption")
public class AgeExemption {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private ExemptionGround ground;

    @Column(name = "covered_from", nullable = false, length = 7)
    private String coveredFrom;

    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected AgeExemption() {}

    public AgeExemption(UUID clientId, ExemptionGround ground, YearMonth coveredFrom, LocalDate validFrom,
                        LocalDate validTo, Instant recordedAt) {
        if (!ground.derivedFromAge()) {
            throw new IllegalArgumentException(ground + " is not an age ground");
        }
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("an age exemption ends after it begins");
        }
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.ground = ground;
        this.coveredFrom = coveredFrom.toString();
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.recordedAt = recordedAt;
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

    public YearMonth getCoveredFrom() {
        return YearMonth.parse(coveredFrom);
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public Optional<LocalDate> getValidTo() {
        return Optional.ofNullable(validTo);
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
