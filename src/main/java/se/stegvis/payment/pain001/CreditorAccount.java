package se.stegvis.payment.pain001;

import java.util.Objects;

import se.stegvis.payment.domain.Iban;

/** The account a payment goes to: an IBAN, or a Swedish bank account (clearing number and account number). */
public sealed interface CreditorAccount {

    static CreditorAccount iban(String iban) {
        return new ByIban(Iban.parse(iban));
    }

    static CreditorAccount swedish(String clearingNumber, String accountNumber) {
        return new SwedishBankAccount(clearingNumber, accountNumber);
    }

    /** An account given by IBAN; written as {@code CdtrAcct/Id/IBAN}. */
    record ByIban(Iban iban) implements CreditorAccount {
        public ByIban {
            Objects.requireNonNull(iban, "iban");
        }
    }

    /**
     * A Swedish account (BBAN): the clearing number (4 digits, 5 for Swedbank's 8xxx-x) and the account
     * number. Written as {@code CdtrAcct/Id/Othr/Id} = clearing number + account number with scheme
     * {@code BBAN}, and the clearing number as {@code CdtrAgt/FinInstnId/ClrSysMmbId} in the Swedish clearing
     * system {@code SESBA}, as the Swedish banks' common interpretation of ISO 20022 describes. The bank
     * checks each bank's own account check digits.
     */
    record SwedishBankAccount(String clearingNumber, String accountNumber) implements CreditorAccount {
        public SwedishBankAccount {
            clearingNumber = clearingNumber == null ? "" : clearingNumber.replaceAll("[\\s-]", "");
            accountNumber = accountNumber == null ? "" : accountNumber.replaceAll("[\\s-]", "");
            if (!clearingNumber.matches("[1-9]\\d{3,4}")) {
                throw new IllegalArgumentException("Clearingnumret ska ha 4 eller 5 siffror");
            }
            if (!accountNumber.matches("\\d{1,15}")) {
                throw new IllegalArgumentException("Kontonumret ska ha 1–15 siffror");
            }
        }

        /** Clearing number and account number together, as in {@code Othr/Id}. */
        public String bban() {
            return clearingNumber + accountNumber;
        }

        @Override
        public String toString() {
            return "SwedishBankAccount[" + clearingNumber + ", **" + accountNumber.substring(Math.max(0, accountNumber.length() - 2)) + "]";
        }
    }
}
