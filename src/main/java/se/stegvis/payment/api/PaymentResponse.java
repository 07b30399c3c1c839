package se.stegvis.payment.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import se.stegvis.payment.domain.Payment;

/**
 * A payment as the API shows it; amounts in whole kronor. {@code account}: the account fixed on the payment when its
 * decision was made, masked (e.g. {@code konto ****4567}); empty when it has none.
 */
public record PaymentResponse(UUID id, UUID decisionId, UUID clientId, long amount, LocalDate paymentDate,
                              Payment.Status status, UUID paymentFileId, Instant confirmedAt, String account) {

    static PaymentResponse from(Payment p) {
        return new PaymentResponse(p.getId(), p.getDecisionId(), p.getClientId(), p.getAmount(), p.getPaymentDate(),
                p.getStatus(), p.getPaymentFileId(), p.getConfirmedAt(),
                p.payoutAccount().map(se.stegvis.client.domain.PayoutAccount::masked).orElse(null));
    }
}
