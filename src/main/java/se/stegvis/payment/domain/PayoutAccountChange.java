package se.stegvis.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One change of a client's payout account, for audit: who, when, the old and the new account masked (kind and last four
 * digits), by which channel, and how many planned payments without any account got the new one.
 */
@Entity
@Table(name = "payout_account_change")
public class PayoutAccountChange {

    /** How the change came: staff through the API, or the first account given with an application. */
    public enum Channel { API, ANSOKAN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "old_account", length = 40)
    private String oldAccount;

    @Column(name = "new_account", nullable = false, length = 40)
    private String newAccount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Channel channel;

    @Column(name = "payments_filled", nullable = false)
    private int paymentsFilled;

    protected PayoutAccountChange() {}

    public PayoutAccountChange(UUID clientId, Instant changedAt, String changedBy, String oldAccountMasked,
                               String newAccountMasked, Channel channel, int paymentsFilled) {
        this.clientId = clientId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.oldAccount = oldAccountMasked;
        this.newAccount = newAccountMasked;
        this.channel = channel;
        this.paymentsFilled = paymentsFilled;
    }

    public Long getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public String getOldAccount() {
        return oldAccount;
    }

    public String getNewAccount() {
        return newAccount;
    }

    public Channel getChannel() {
        return channel;
    }

    public int getPaymentsFilled() {
        return paymentsFilled;
    }
}
