package se.stegvis.payment.pain001;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The payments of one pain.001 file, all from the municipality's account on the same day.
 *
 * @param messageId              the file's unique id (at most 35 characters); banks reject a file whose id they have seen
 * @param creationTime           when the file was made
 * @param requestedExecutionDate the day the bank shall pay (a banking day, see {@code BankingCalendar})
 * @param transfers              at least one; end-to-end ids unique within the file
 */
public record CreditTransferBatch(
        String messageId, OffsetDateTime creationTime, LocalDate requestedExecutionDate, List<CreditTransfer> transfers) {

    public CreditTransferBatch {
        Pain001Writer.requireIdentifier(messageId, "Filens id (MsgId)");
        Objects.requireNonNull(creationTime, "creationTime");
        Objects.requireNonNull(requestedExecutionDate, "requestedExecutionDate");
        transfers = List.copyOf(Objects.requireNonNull(transfers, "transfers"));
        if (transfers.isEmpty()) {
            throw new IllegalArgumentException("En betalfil måste innehålla minst en betalning");
        }
        Set<String> ids = new HashSet<>();
        for (CreditTransfer transfer : transfers) {
            if (!ids.add(transfer.endToEndId())) {
                throw new IllegalArgumentException("Betalningens id förekommer två gånger i filen: " + transfer.endToEndId());
            }
        }
    }

    /** The sum of all amounts in whole kronor. */
    public long controlSumKronor() {
        return transfers.stream().mapToLong(CreditTransfer::amountKronor).reduce(0, Math::addExact);
    }
}
