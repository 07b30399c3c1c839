package se.stegvis.application.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.YearMonth;
import java.util.UUID;

/**
 * A reduction of försörjningsstöd (nedsättning) decided in the client journey after absence without acceptable
 * reason. The next monthly calculation for the month applies it as its own line.
 */
@Entity
@Table(name = "reduction")
public class Reduction {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "for_month", nullable = false, length = 7)
    private String month;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false, length = 500)
    private String reason;

    @Column(name = "decided_by", nullable = false, length = 64)
    private String decidedBy;

    @Column(name = "decided_at", nullable = false)
    private Instant decidedAt;

    protected Reduction() {}

    public Reduction(UUID clientId, YearMonth month, long amount, String reason, String decidedBy, Instant decidedAt) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a reduction is a positive amount, was " + amount);
        }
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.month = month.toString();
        this.amount = amount;
        this.reason = reason;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public YearMonth getMonth() {
        return YearMonth.parse(month);
    }

    public long getAmount() {
        return amount;
    }

    public String getReason() {
        return reason;
    }
}
