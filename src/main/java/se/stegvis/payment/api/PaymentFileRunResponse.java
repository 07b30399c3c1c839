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
 * @param paymentsWithoutAccount due payments left planned because the client has no account
 */
public record PaymentFileRunResponse(LocalDate executionDate, PaymentFileResponse file, List<UUID> payments,
                                     List<UUID> paymentsWithoutAccount) {

    static PaymentFileRunResponse from(PaymentFileRun run) {
        return new PaymentFileRunResponse(run.executionDate(), run.file().map(PaymentFileResponse::from).orElse(null),
                run.paymentIds(), run.paymentsWithoutAccount());
    }
}
