package se.stegvis.payment.api;

import java.time.LocalDate;
import java.util.UUID;
import se.stegvis.payment.domain.PaymentFile;

/**
 * A payment file without its XML (that is {@code GET /api/utbetalningsfiler/{id}}); control sum in whole kronor.
 * {@code skyddadeMottagare}: the file pays payees with protected identity (listed only to the group skyddad).
 */
public record PaymentFileResponse(UUID id, String messageId, LocalDate executionDate, int transactions,
                                  long controlSum, boolean skyddadeMottagare) {

    static PaymentFileResponse from(PaymentFile f) {
        return new PaymentFileResponse(f.getId(), f.getMessageId(), f.getExecutionDate(), f.getTransactions(),
                f.getControlSum(), f.isProtectedPayees());
    }
}
