package se.stegvis.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One payment of assistance. There is at most one per decision (a unique key in the database), so a retried job or a
 * second engine node can never pay a decision twice.
 */
@Entity
@Table(name = "payment")
public class Payment {

    public enum Status { PLANERAD, SKICKAD, BEKRAFTAD }

    @Id
    private UUID id;

    @Column(name = "decision_id", nullable = false, unique = true)
    private UUID decisionId;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(nullable = false)
    private long amount;

    @Column(name = "payment_date", nullable = false)
    private LocalDate paymentDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "payment_file_id")
    private UUID paymentFileId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    /** The month (yyyy-MM) of a client's regular payment, unique per client; empty for other payments. */
    @Column(name = "regular_month", length = 7)
    private String regularMonth;

    /**
     * The account this payment goes to, fixed when its decision was made (the client's account then): a later change
     * of the client's account never redirects it. All empty when the client had no account then.
     */
    @Column(name = "account_holder", length = 70)
    private String accountHolder;

    @Column(name = "bank_clearing", length = 5)
    private String bankClearing;

    @Column(name = "bank_account", length = 15)
    private String bankAccount;

    @Column(length = 34)
    private String iban;

    protected Payment() {}

    public Payment(UUID decisionId, UUID clientId, long amount, LocalDate paymentDate, Instant createdAt) {
        if (amount <= 0) {
            throw new IllegalArgumentException("a payment is a positive amount, was " + amount);
        }
        this.id = UUID.randomUUID();
        this.decisionId = decisionId;
        this.clientId = clientId;
        this.amount = amount;
        this.paymentDate = paymentDate;
        this.status = Status.PLANERAD;
        this.createdAt = createdAt;
    }

    /** Marks the payment as the client's regular payment of {@code month} (before it is stored). */
    public Payment regularFor(java.time.YearMonth month) {
        this.regularMonth = month.toString();
        return this;
    }

    /**
     * Fixes the account this payment goes to (before it is stored, or — for a payment still planned without any
     * account — when the client registers one). A payment that has an account keeps it.
     *
     * @throws IllegalStateException when the payment already has an account
     */
    public Payment payTo(se.stegvis.client.domain.PayoutAccount account) {
        if (payoutAccount().isPresent()) {
            throw new IllegalStateException("Payment " + id + " already has its account");
        }
        if (account != null) {
            this.accountHolder = account.accountHolder();
            this.iban = account.iban();
            this.bankClearing = account.clearingNumber();
            this.bankAccount = account.accountNumber();
        }
        return this;
    }

    /** The account fixed on the payment; empty when the client had none when the decision was made. */
    public java.util.Optional<se.stegvis.client.domain.PayoutAccount> payoutAccount() {
        if (accountHolder == null || accountHolder.isBlank()) {
            return java.util.Optional.empty();
        }
        if (iban != null) {
            return java.util.Optional.of(se.stegvis.client.domain.PayoutAccount.iban(accountHolder, iban));
        }
        if (bankClearing != null && bankAccount != null) {
            return java.util.Optional.of(se.stegvis.client.domain.PayoutAccount.swedish(accountHolder, bankClearing,
                    bankAccount));
        }
        return java.util.Optional.empty();
    }

    public String getRegularMonth() {
        return regularMonth;
    }

    public void sentIn(UUID fileId) {
        this.paymentFileId = fileId;
        this.status = Status.SKICKAD;
    }

    public void confirm(Instant at) {
        this.status = Status.BEKRAFTAD;
        this.confirmedAt = at;
    }

    public UUID getId() {
        return id;
    }

    public UUID getDecisionId() {
        return decisionId;
    }

    public UUID getClientId() {
        return clientId;
    }

    public long getAmount() {
        return amount;
    }

    public LocalDate getPaymentDate() {
        return paymentDate;
    }

    public Status getStatus() {
        return status;
    }

    public UUID getPaymentFileId() {
        return paymentFileId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getConfirmedAt() {
        return confirmedAt;
    }
}
