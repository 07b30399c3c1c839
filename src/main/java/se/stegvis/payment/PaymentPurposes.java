package se.stegvis.payment;

import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;

/**
 * What a payment is for, as the payment file's remittance text names it: the month of the decision's application.
 * The feature that makes the decisions implements it (application/), so that payment/ does not depend on it.
 */
public interface PaymentPurposes {

    /** The month the decision's assistance is for; empty when the decision is unknown. */
    Optional<YearMonth> monthOf(UUID decisionId);
}
