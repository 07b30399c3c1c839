package se.stegvis.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import se.stegvis.client.domain.PayoutAccount;

/**
 * Another account than the client's, given with a new application: it is not taken into use by the application (that
 * would let whoever submits an application redirect the client's money) but waits here until staff confirm it, which
 * is then an audited change like any other, or reject it.
 */
@Entity
@Table(name = "payout_account_request")
public class PayoutAccountRequest {

    public enum Status { VANTAR, BEKRAFTAD, AVVISAD }

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "application_id")
    private UUID applicationId;

    @Column(name = "account_holder", nullable = false, length = 70)
    private String accountHolder;

    @Column(name = "bank_clearing", length = 5)
    private String bankClearing;

    @Column(name = "bank_account", length = 15)
    private String bankAccount;

    @Column(length = 34)
    private String iban;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "handled_by")
    private String handledBy;

    @Column(name = "handled_at")
    private Instant handledAt;

    protected PayoutAccountRequest() {}

    public PayoutAccountRequest(UUID clientId, UUID applicationId, PayoutAccount account, Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.applicationId = applicationId;
        this.accountHolder = account.accountHolder();
        this.iban = account.iban();
        this.bankClearing = account.clearingNumber();
        this.bankAccount = account.accountNumber();
        this.receivedAt = receivedAt;
        this.status = Status.VANTAR;
    }

    public void handle(Status outcome, String by, Instant at) {
        if (status != Status.VANTAR) {
            throw new IllegalStateException("Request " + id + " is already " + status);
        }
        this.status = outcome;
        this.handledBy = by;
        this.handledAt = at;
    }

    public PayoutAccount account() {
        return iban != null ? PayoutAccount.iban(accountHolder, iban)
                : PayoutAccount.swedish(accountHolder, bankClearing, bankAccount);
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public UUID getApplicationId() {
        return applicationId;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public Status getStatus() {
        return status;
    }

    public String getHandledBy() {
        return handledBy;
    }

    public Instant getHandledAt() {
        return handledAt;
    }
}
