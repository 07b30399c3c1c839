package se.stegvis.payment;

/** The bank's receipt names a payment that has not been sent to the bank. */
public class PaymentConfirmationException extends IllegalStateException {

    public PaymentConfirmationException(String message) {
        super(message);
    }
}
