package se.stegvis.client.domain;

import java.util.Objects;

/**
 * Where a client's assistance is paid: the holder's name as the bank shows it and either an IBAN or a Swedish clearing
 * number and account number. Personal data: never in logs or process variables; {@link #masked()} for audit and
 * notices.
 */
public record PayoutAccount(String accountHolder, String iban, String clearingNumber, String accountNumber) {

    public PayoutAccount {
        Objects.requireNonNull(accountHolder, "accountHolder");
        if (iban == null && (clearingNumber == null || accountNumber == null)) {
            throw new IllegalArgumentException("An account is an IBAN or a clearing number and an account number");
        }
        if (iban != null) {
            clearingNumber = null;
            accountNumber = null;
        }
    }

    public static PayoutAccount iban(String accountHolder, String iban) {
        return new PayoutAccount(accountHolder, iban, null, null);
    }

    public static PayoutAccount swedish(String accountHolder, String clearingNumber, String accountNumber) {
        return new PayoutAccount(accountHolder, null, clearingNumber, accountNumber);
    }

    /** The account as audit and notices show it: its kind and the last four digits, e.g. {@code konto ****4567}. */
    public String masked() {
        String number = digitsAndLetters(iban != null ? iban : accountNumber);
        String last = number.substring(Math.max(0, number.length() - 4));
        return (iban != null ? "IBAN ****" : "konto ****") + last;
    }

    /** Whether the money goes to the same place: the same holder and the same account, spaces and hyphens aside. */
    public boolean sameAs(PayoutAccount other) {
        return other != null && accountHolder.strip().equalsIgnoreCase(other.accountHolder.strip())
                && Objects.equals(norm(iban), norm(other.iban))
                && Objects.equals(norm(clearingNumber), norm(other.clearingNumber))
                && Objects.equals(norm(accountNumber), norm(other.accountNumber));
    }

    private static String norm(String value) {
        return value == null ? null : digitsAndLetters(value).toUpperCase(java.util.Locale.ROOT);
    }

    private static String digitsAndLetters(String value) {
        return value.replaceAll("[^0-9A-Za-z]", "");
    }

    /** Without the name and the number: personal data. */
    @Override
    public String toString() {
        return "PayoutAccount[" + masked() + "]";
    }
}
