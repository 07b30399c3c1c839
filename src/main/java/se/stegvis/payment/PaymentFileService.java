package se.stegvis.payment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.PayoutAccount;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentFile;
import se.stegvis.payment.domain.PaymentFileRepository;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.payment.pain001.CreditTransfer;
import se.stegvis.payment.pain001.CreditTransferBatch;
import se.stegvis.payment.pain001.CreditorAccount;
import se.stegvis.payment.pain001.Pain001Writer;

/**
 * The payment file for the bank: every planned payment due by the execution date goes into one pain.001 file (and the
 * payees with protected identity into a second), in one transaction with marking the payments SKICKAD. The due payments are locked while the file is made, so a payment can
 * never be in two files, even when two nodes make files at the same time.
 */
@Service
public class PaymentFileService {

    private static final Logger log = LoggerFactory.getLogger(PaymentFileService.class);

    private final PaymentRepository payments;
    private final PaymentFileRepository files;
    private final ClientRepository clients;
    private final PaymentPurposes purposes;
    private final Pain001Writer writer;
    private final Clock clock;

    public PaymentFileService(PaymentRepository payments, PaymentFileRepository files, ClientRepository clients,
                              PaymentPurposes purposes, Pain001Writer writer, Clock clock) {
        this.payments = payments;
        this.files = files;
        this.clients = clients;
        this.purposes = purposes;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Makes the file of the planned payments due on or before {@code executionDate}; none when there are none. Payees
     * with protected identity (skyddad identitet) go into a second file of their own, complete for the bank, so that
     * the ordinary file — listed and downloaded by every payment officer — never carries their names or accounts.
     */
    @Transactional
    public PaymentFileRun createFile(LocalDate executionDate) {
        List<CreditTransfer> transfers = new ArrayList<>();
        List<Payment> included = new ArrayList<>();
        List<CreditTransfer> protectedTransfers = new ArrayList<>();
        List<Payment> protectedIncluded = new ArrayList<>();
        List<UUID> withoutAccount = new ArrayList<>();
        for (Payment payment : payments.lockPlannedDueBy(executionDate)) {
            Client client = clients.findById(payment.getClientId()).orElseThrow();
            Optional<CreditTransfer> transfer = transferOf(payment);
            if (transfer.isPresent() && !writable(payment, transfer.get())) {
                // Stays planned with a warning; the rest of the file is paid (one row cannot block a payment day).
                withoutAccount.add(payment.getId());
            } else if (transfer.isEmpty()) {
                withoutAccount.add(payment.getId());
            } else if (client.isProtectedIdentity()) {
                protectedTransfers.add(transfer.get());
                protectedIncluded.add(payment);
            } else {
                transfers.add(transfer.get());
                included.add(payment);
            }
        }
        if (!withoutAccount.isEmpty()) {
            log.warn("{} due payments stay planned: no valid account fixed on the payment, or one the file cannot carry: {}", withoutAccount.size(),
                    withoutAccount);
        }
        Optional<PaymentFile> file = write(executionDate, transfers, included, false);
        Optional<PaymentFile> protectedFile = write(executionDate, protectedTransfers, protectedIncluded, true);
        if (file.isEmpty() && protectedFile.isEmpty()) {
            log.info("No payment file for {}: nothing to pay", executionDate);
        }
        return new PaymentFileRun(executionDate, file, included.stream().map(Payment::getId).toList(), withoutAccount,
                protectedFile, protectedIncluded.stream().map(Payment::getId).toList());
    }

    private Optional<PaymentFile> write(LocalDate executionDate, List<CreditTransfer> transfers, List<Payment> included,
                                        boolean protectedPayees) {
        if (transfers.isEmpty()) {
            return Optional.empty();
        }
        UUID fileId = UUID.randomUUID();
        String messageId = compact(fileId);
        Instant now = clock.instant();
        CreditTransferBatch batch = new CreditTransferBatch(messageId, OffsetDateTime.ofInstant(now, clock.getZone()),
                executionDate, transfers);
        byte[] xml = writer.write(batch);
        PaymentFile file = files.save(new PaymentFile(fileId, messageId, executionDate, now, transfers.size(),
                batch.controlSumKronor(), xml, protectedPayees));
        included.forEach(payment -> payment.sentIn(fileId));
        log.info("Payment file {} for {}: {} payments, {} kr{}", fileId, executionDate, transfers.size(),
                batch.controlSumKronor(), protectedPayees ? " (payees with protected identity)" : "");
        return Optional.of(file);
    }

    /** Whether the bank file can carry the transfer; if not, a warning naming the payment (ids only). */
    private static boolean writable(Payment payment, CreditTransfer transfer) {
        try {
            Pain001Writer.checkWritable(transfer);
            return true;
        } catch (IllegalArgumentException e) {
            log.warn("Payment {} stays planned: its transfer cannot be written to the bank file ({})", payment.getId(),
                    e.getMessage());
            return false;
        }
    }

    /** The end-to-end id of a payment in the file: its id without hyphens (32 characters; the limit is 35). */
    public static String endToEndId(UUID paymentId) {
        return compact(paymentId);
    }

    /** The transfer of a payment to its own account, fixed when its decision was made (never the client's current one). */
    private Optional<CreditTransfer> transferOf(Payment payment) {
        Optional<CreditorAccount> account = accountOf(payment);
        if (account.isEmpty()) {
            return Optional.empty();
        }
        String month = purposes.monthOf(payment.getDecisionId()).map(m -> " " + m).orElse("");
        return Optional.of(new CreditTransfer(endToEndId(payment.getId()), payment.getAmount(),
                payment.payoutAccount().orElseThrow().accountHolder(), account.get(), "Ekonomiskt bistånd" + month));
    }

    /** The payment's account, when it has one with the holder's name and it is well-formed. */
    static Optional<CreditorAccount> accountOf(Payment payment) {
        Optional<PayoutAccount> fixed = payment.payoutAccount();
        if (fixed.isEmpty() || fixed.get().accountHolder().isBlank()) {
            return Optional.empty();
        }
        try {
            PayoutAccount a = fixed.get();
            return Optional.of(a.iban() != null ? CreditorAccount.iban(a.iban())
                    : CreditorAccount.swedish(a.clearingNumber(), a.accountNumber()));
        } catch (IllegalArgumentException malformed) {
            log.warn("Payment {} has a malformed account: {}", payment.getId(), malformed.getMessage());
        }
        return Optional.empty();
    }

    private static String compact(UUID id) {
        return id.toString().replace("-", "");
    }
}
