package se.stegvis.payment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.stegvis.payment.domain.Payment;

/** A payment as the API shows it; amounts in whole kronor. */
public record PaymentResponse(UUID id, UUID decisionId, UUID clientId, long amount, LocalDate paymentDate,
                              Payment.Status status, UUID paymentFileId, Instant confirmedAt) {

    static PaymentResponse from(Payment p) {
        return new PaymentResponse(p.getId(), p.getDecisionId(), p.getClientId(), p.getAmount(), p.getPaymentDate(),
                p.getStatus(), p.getPaymentFileId(), p.getConfirmedAt());
    }
}
