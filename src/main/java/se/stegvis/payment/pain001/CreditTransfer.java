package se.stegvis.payment.pain001;

import java.util.Objects;

/**
 * One payment in a pain.001 file.
 *
 * @param endToEndId            the payment's own unique id (letters, digits and {@code -/?:().,'+}, at most 35):
 *                              the bank rejects a second payment with the same id, so a retried job cannot pay twice
 * @param amountKronor          whole Swedish kronor, more than zero
 * @param creditorName          the receiver's name; cleaned and shortened to {@value Pain001Writer#NAME_MAX_LENGTH}
 *                              characters when written
 * @param creditorAccount       where the money goes
 * @param remittanceInformation the text on the receiver's statement, e.g. "Försörjningsstöd 2026-01"; shortened
 *                              to {@value Pain001Writer#REMITTANCE_MAX_LENGTH} characters when written
 */
public record CreditTransfer(
        String endToEndId, long amountKronor, String creditorName, CreditorAccount creditorAccount,
        String remittanceInformation) {

    public CreditTransfer {
        Pain001Writer.requireIdentifier(endToEndId, "Betalningens id (EndToEndId)");
        if (amountKronor <= 0) {
            throw new IllegalArgumentException("Beloppet ska vara större än 0 kr");
        }
        if (creditorName == null || creditorName.isBlank()) {
            throw new IllegalArgumentException("Mottagarens namn saknas");
        }
        Objects.requireNonNull(creditorAccount, "Mottagarens konto saknas");
        if (remittanceInformation == null || remittanceInformation.isBlank()) {
            throw new IllegalArgumentException("Meddelandet till mottagaren saknas");
        }
    }

    /** Only the id and the amount: name and account are personal data. */
    @Override
    public String toString() {
        return "CreditTransfer[endToEndId=" + endToEndId + ", amountKronor=" + amountKronor + "]";
    }
}
