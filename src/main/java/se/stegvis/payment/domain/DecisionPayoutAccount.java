package se.stegvis.payment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import se.stegvis.client.domain.PayoutAccount;

/**
 * The account a decision pays to, fixed when the decision is registered (the client's account at that moment): the
 * payment planned for the decision later takes this one, whatever the client's account is by then.
 */
@Entity
@Table(name = "decision_payout_account")
public class DecisionPayoutAccount {

    @Id
    @Column(name = "decision_id")
    private UUID decisionId;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "account_holder", length = 70)
    private String accountHolder;

    @Column(name = "bank_clearing", length = 5)
    private String bankClearing;

    @Column(name = "bank_account", length = 15)
    private String bankAccount;

    @Column(length = 34)
    private String iban;

    @Column(name = "fixed_at", nullable = false)
    private Instant fixedAt;

    protected DecisionPayoutAccount() {}

    public DecisionPayoutAccount(UUID decisionId, UUID clientId, Optional<PayoutAccount> account, Instant fixedAt) {
        this.decisionId = decisionId;
        this.clientId = clientId;
        account.ifPresent(a -> {
            this.accountHolder = a.accountHolder();
            this.iban = a.iban();
            this.bankClearing = a.clearingNumber();
            this.bankAccount = a.accountNumber();
        });
        this.fixedAt = fixedAt;
    }

    public UUID getDecisionId() {
        return decisionId;
    }

    public UUID getClientId() {
        return clientId;
    }

    /** Empty when the client had no account when the decision was made. */
    public Optional<PayoutAccount> account() {
        if (accountHolder == null) {
            return Optional.empty();
        }
        return Optional.of(iban != null ? PayoutAccount.iban(accountHolder, iban)
                : PayoutAccount.swedish(accountHolder, bankClearing, bankAccount));
    }

    public Instant getFixedAt() {
        return fixedAt;
    }
}
