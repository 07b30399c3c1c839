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
 * @param paymentsWithoutAccount due payments left PLANERAD because the client has no (valid) account, or a transfer
 *                               the bank file cannot carry (logged as a warning); they go into a later file once the
 *                               account is registered again
 * @param protectedFile          the file of the payees with protected identity (skyddad identitet), absent when none
 *                               was due; only the group {@code skyddad} lists and downloads it
 * @param protectedPaymentIds    the payments in the protected file
 */
public record PaymentFileRun(LocalDate executionDate, Optional<PaymentFile> file, List<UUID> paymentIds,
                             List<UUID> paymentsWithoutAccount, Optional<PaymentFile> protectedFile,
                             List<UUID> protectedPaymentIds) {

    public PaymentFileRun {
        paymentIds = List.copyOf(paymentIds);
        paymentsWithoutAccount = List.copyOf(paymentsWithoutAccount);
        protectedPaymentIds = List.copyOf(protectedPaymentIds);
    }

    /** A run without payees with protected identity. */
    public PaymentFileRun(LocalDate executionDate, Optional<PaymentFile> file, List<UUID> paymentIds,
                          List<UUID> paymentsWithoutAccount) {
        this(executionDate, file, paymentIds, paymentsWithoutAccount, Optional.empty(), List.of());
    }
}
