package se.stegvis.payment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import se.stegvis.payment.domain.PaymentFile;

/**
 * What one run of {@link PaymentFileService#createFile} did.
 *
 * @param executionDate          the day the bank is asked to pay
 * @param file                   the file made, absent when no payment could go into one
 * @param paymentIds             the payments in the file, now SKICKAD
 * @param paymentsWithoutAccount due payments left PLANERAD because the client has no (valid) account; they go into a
 *                               later file once the account is registered
 */
public record PaymentFileRun(LocalDate executionDate, Optional<PaymentFile> file, List<UUID> paymentIds,
                             List<UUID> paymentsWithoutAccount) {

    public PaymentFileRun {
        paymentIds = List.copyOf(paymentIds);
        paymentsWithoutAccount = List.copyOf(paymentsWithoutAccount);
    }
}
