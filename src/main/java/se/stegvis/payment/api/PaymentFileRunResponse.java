package se.stegvis.payment.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import se.stegvis.payment.PaymentFileRun;

/**
 * The result of making a payment file now.
 *
 * @param file                   absent (null) when nothing could be paid
 * @param payments               the payments in the file
 * @param paymentsWithoutAccount due payments left planned because the client has no account (payees with protected
 *                               identity only for the group skyddad)
 * @param protectedFile          the file of the payees with protected identity: only for the group skyddad (else null)
 * @param protectedPayments      how many payments went into that file: counted for everyone, listed for skyddad only
 *                               ({@code protectedPaymentIds}, else empty)
 */
public record PaymentFileRunResponse(LocalDate executionDate, PaymentFileResponse file, List<UUID> payments,
                                     List<UUID> paymentsWithoutAccount, PaymentFileResponse protectedFile,
                                     int protectedPayments, List<UUID> protectedPaymentIds) {

    /** What the user sees: the protected file and its payments only when {@code mayProtected}. */
    static PaymentFileRunResponse from(PaymentFileRun run, boolean mayProtected, List<UUID> withoutAccountVisible) {
        return new PaymentFileRunResponse(run.executionDate(), run.file().map(PaymentFileResponse::from).orElse(null),
                run.paymentIds(), withoutAccountVisible,
                mayProtected ? run.protectedFile().map(PaymentFileResponse::from).orElse(null) : null,
                run.protectedPaymentIds().size(), mayProtected ? run.protectedPaymentIds() : List.of());
    }
}
