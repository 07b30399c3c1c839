package se.stegvis.client.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who applies. The personnummer stays here; processes and logs carry the client's id only. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 12)
    private String personnummer;

    /** Skyddad identitet: never shown in lists to users outside the designated group. */
    @Column(name = "protected_identity", nullable = false)
    private boolean protectedIdentity;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The account holder's name as the bank shows it; with one of the accounts below. */
    @Column(name = "account_holder", length = 70)
    private String accountHolder;

    /** Swedish account: clearing number (4 digits, 5 for Swedbank's 8xxx-x). */
    @Column(name = "bank_clearing", length = 5)
    private String bankClearing;

    /** Swedish account: account number. */
    @Column(name = "bank_account", length = 15)
    private String bankAccount;

    /** Account by IBAN, electronic form. */
    @Column(length = 34)
    private String iban;

    /** The unit (enhet, team) that handles the client, one of stegvis.units.names; null when none is known. */
    @Column(length = 60)
    private String unit;

    protected Client() {}

    public Client(Personnummer personnummer, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.personnummer = personnummer.value();
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public Personnummer getPersonnummer() {
        return new Personnummer(personnummer);
    }

    public boolean isProtectedIdentity() {
        return protectedIdentity;
    }

    public void setProtectedIdentity(boolean protectedIdentity) {
        this.protectedIdentity = protectedIdentity;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** Pays to a Swedish bank account; the bank checks its own check digits when the file arrives. */
    public void setPayoutAccount(String accountHolder, String clearingNumber, String accountNumber) {
        this.accountHolder = accountHolder;
        this.bankClearing = clearingNumber;
        this.bankAccount = accountNumber;
        this.iban = null;
    }

    /** Pays to an account given by IBAN. */
    public void setPayoutIban(String accountHolder, String iban) {
        this.accountHolder = accountHolder;
        this.iban = iban;
        this.bankClearing = null;
        this.bankAccount = null;
    }

    /** The account the client's payments go to now, when one is registered. */
    public java.util.Optional<PayoutAccount> payoutAccount() {
        if (accountHolder == null || accountHolder.isBlank()) {
            return java.util.Optional.empty();
        }
        if (iban != null) {
            return java.util.Optional.of(PayoutAccount.iban(accountHolder, iban));
        }
        if (bankClearing != null && bankAccount != null) {
            return java.util.Optional.of(PayoutAccount.swedish(accountHolder, bankClearing, bankAccount));
        }
        return java.util.Optional.empty();
    }

    /**
     * Sets the account the client's payments go to from now on. Only payment/PayoutAccountService calls it: a change is
     * audited, and decided payments keep the account of their decision.
     */
    public void setPayoutAccount(PayoutAccount account) {
        if (account.iban() != null) {
            setPayoutIban(account.accountHolder(), account.iban());
        } else {
            setPayoutAccount(account.accountHolder(), account.clearingNumber(), account.accountNumber());
        }
    }

    public String getAccountHolder() {
        return accountHolder;
    }

    public String getBankClearing() {
        return bankClearing;
    }

    public String getBankAccount() {
        return bankAccount;
    }

    public String getIban() {
        return iban;
    }

    public String getUnit() {
        return unit;
    }

    /** Moves the client to a unit (enhet); key figures per unit count the client there from now on. */
    public void setUnit(String unit) {
        this.unit = unit;
    }
}
