package se.stegvis.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientNotice;
import se.stegvis.client.domain.ClientNoticeRepository;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.client.domain.PayoutAccount;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.payment.domain.DecisionPayoutAccount;
import se.stegvis.payment.domain.DecisionPayoutAccountRepository;
import se.stegvis.payment.domain.Iban;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.payment.domain.PayoutAccountChange;
import se.stegvis.payment.domain.PayoutAccountChangeRepository;
import se.stegvis.payment.domain.PayoutAccountRequest;
import se.stegvis.payment.domain.PayoutAccountRequestRepository;
import se.stegvis.payment.pain001.CreditorAccount;
import se.stegvis.payment.pain001.Pain001Writer;

/**
 * The client's payout account, such that money cannot be redirected (#12):
 * <ul>
 *   <li>A decision fixes the account it pays to when it is registered ({@link #fixForDecision}); its payment takes that
 *       one ({@link #forPayment}) and the payment file pays the payment's own account.</li>
 *   <li>Changing the account is an operation of its own ({@link #change}): who, when, the old and new account masked,
 *       and a notice to the client, in one transaction. It affects only what is decided later; the one exception is a
 *       planned payment that has no account at all (the client had none when it was decided), which gets the new one.</li>
 *   <li>A new application never changes an account the client has ({@link #fromApplication}): the first account is
 *       registered with it, the same account changes nothing, and another account waits as a request for staff to
 *       confirm ({@link #confirm}) or reject ({@link #reject}).</li>
 * </ul>
 * A holder's name the bank file cannot carry is refused where the account is given (400 naming the field), so that no
 * account the payment file cannot write is ever registered. Logs carry ids only.
 */
@Service
public class PayoutAccountService {

    private static final Logger log = LoggerFactory.getLogger(PayoutAccountService.class);

    private final ClientRepository clients;
    private final PaymentRepository payments;
    private final DecisionPayoutAccountRepository decisionAccounts;
    private final PayoutAccountChangeRepository changes;
    private final PayoutAccountRequestRepository requests;
    private final ClientNoticeRepository notices;
    private final Clock clock;

    public PayoutAccountService(ClientRepository clients, PaymentRepository payments,
                                DecisionPayoutAccountRepository decisionAccounts, PayoutAccountChangeRepository changes,
                                PayoutAccountRequestRepository requests, ClientNoticeRepository notices, Clock clock) {
        this.clients = clients;
        this.payments = payments;
        this.decisionAccounts = decisionAccounts;
        this.changes = changes;
        this.requests = requests;
        this.notices = notices;
        this.clock = clock;
    }

    /**
     * An account as given, checked: the holder's name the bank file can carry, and an IBAN (check digits) or a Swedish
     * clearing number and account number. Refusals name the field, {@code prefix} first (e.g. {@code payoutAccount.}).
     *
     * @throws InvalidRequestException 400 naming the field
     */
    public static PayoutAccount parse(String prefix, String accountHolder, String iban, String clearingNumber,
                                      String accountNumber) {
        if (accountHolder == null || accountHolder.isBlank()) {
            throw new InvalidRequestException(prefix + "accountHolder", "Ange kontohavarens namn.");
        }
        if (accountHolder.strip().length() > 70) {
            throw new InvalidRequestException(prefix + "accountHolder", "Högst 70 tecken.");
        }
        if (!Pain001Writer.canCarry(accountHolder)) {
            throw new InvalidRequestException(prefix + "accountHolder", "Kontohavarens namn kan inte skickas till"
                    + " banken: skriv det med latinska bokstäver, som banken har det på kontot.");
        }
        String holder = accountHolder.strip();
        if (iban != null && !iban.isBlank()) {
            try {
                return PayoutAccount.iban(holder, Iban.parse(iban).value());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(prefix + "iban", e.getMessage());
            }
        }
        if (clearingNumber == null || clearingNumber.isBlank() || accountNumber == null || accountNumber.isBlank()) {
            throw new InvalidRequestException(prefix.isEmpty() ? "iban" : prefix.substring(0, prefix.length() - 1),
                    "Ange IBAN, eller clearingnummer och kontonummer.");
        }
        try {
            var swedish = (CreditorAccount.SwedishBankAccount) CreditorAccount.swedish(clearingNumber, accountNumber);
            return PayoutAccount.swedish(holder, swedish.clearingNumber(), swedish.accountNumber());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(prefix + (e.getMessage().startsWith("Clearing") ? "clearingNumber"
                    : "accountNumber"), e.getMessage());
        }
    }

    /**
     * Fixes the account of a decision that grants money, when it is registered: the client's account now (none, when
     * the client has none). A second call for the same decision changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void fixForDecision(UUID decisionId, UUID clientId) {
        if (decisionAccounts.existsById(decisionId)) {
            return;
        }
        Client client = clients.findById(clientId).orElseThrow();
        decisionAccounts.save(new DecisionPayoutAccount(decisionId, clientId, client.payoutAccount(), clock.instant()));
    }

    /**
     * The account a new payment of the decision goes to: the one fixed when the decision was registered, else (a
     * decision made and paid in one transaction, as a changed decision on appeal) the client's account now.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<PayoutAccount> forPayment(UUID decisionId, UUID clientId) {
        Optional<DecisionPayoutAccount> fixed = decisionAccounts.findById(decisionId);
        if (fixed.isPresent()) {
            return fixed.get().account();
        }
        return clients.findById(clientId).flatMap(Client::payoutAccount);
    }

    /** What a change did: the account now (masked) and how many planned payments without an account got it. */
    public record Changed(UUID clientId, String account, boolean changed, int paymentsFilled) {}

    /**
     * Changes the client's payout account (the caller has checked that the user may). Audited with both accounts
     * masked; the client gets a notice. Decided payments keep their account; planned payments without any get this
     * one. Nothing happens when it is the account the client has.
     */
    @Transactional
    public Changed change(UUID clientId, PayoutAccount account, String changedBy, PayoutAccountChange.Channel channel) {
        Client client = clients.findById(clientId).orElseThrow(() -> new NotFoundException("Klienten finns inte."));
        Optional<PayoutAccount> old = client.payoutAccount();
        if (old.isPresent() && old.get().sameAs(account)) {
            return new Changed(clientId, account.masked(), false, 0);
        }
        client.setPayoutAccount(account);
        clients.saveAndFlush(client);
        List<Payment> withoutAccount = payments.lockPlannedWithoutAccount(clientId);
        withoutAccount.forEach(payment -> payment.payTo(account));
        changes.save(new PayoutAccountChange(clientId, clock.instant(), changedBy, old.map(PayoutAccount::masked)
                .orElse(null), account.masked(), channel, withoutAccount.size()));
        notices.save(new ClientNotice(clientId, ClientNotice.Kind.UTBETALNINGSKONTO_ANDRAT,
                noticeText(old, account, LocalDate.now(clock)), clock.instant()));
        log.info("Client {}: payout account changed by {} ({}); {} planned payments without an account took it",
                clientId, changedBy, channel, withoutAccount.size());
        return new Changed(clientId, account.masked(), true, withoutAccount.size());
    }

    static String noticeText(Optional<PayoutAccount> old, PayoutAccount now, LocalDate day) {
        String what = old.map(a -> "ändrades från " + a.masked() + " till ").orElse("registrerades: ");
        return "Ditt konto för utbetalning av ekonomiskt bistånd " + what + now.masked() + " den "
                + day + ". Utbetalningar som redan är beslutade betalas till det konto som gällde när beslutet fattades."
                + " Kontakta oss genast om du inte känner igen ändringen.";
    }

    /** What an application's account did: registered as the client's first, the same as before, or waits for staff. */
    public enum FromApplication { REGISTRERAT, OFORANDRAT, VANTAR_PA_BEKRAFTELSE }

    /**
     * The account given with an application (the applicant's claim, not yet checked by anyone): the client's first
     * account is registered (audited, channel ANSOKAN); the account the client has changes nothing; another account
     * does not replace it but waits as a request for staff to confirm. Decided payments are never touched.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public FromApplication fromApplication(UUID clientId, UUID applicationId, PayoutAccount account, String submittedBy) {
        Client client = clients.findById(clientId).orElseThrow();
        Optional<PayoutAccount> current = client.payoutAccount();
        if (current.isEmpty()) {
            change(clientId, account, submittedBy, PayoutAccountChange.Channel.ANSOKAN);
            return FromApplication.REGISTRERAT;
        }
        if (current.get().sameAs(account)) {
            return FromApplication.OFORANDRAT;
        }
        boolean alreadyWaiting = requests.findByClientIdAndStatusOrderByReceivedAt(clientId,
                PayoutAccountRequest.Status.VANTAR).stream().anyMatch(r -> r.account().sameAs(account));
        if (!alreadyWaiting) {
            PayoutAccountRequest request = requests.save(new PayoutAccountRequest(clientId, applicationId, account,
                    clock.instant()));
            log.info("Client {}: application {} gave another payout account; request {} waits for staff", clientId,
                    applicationId, request.getId());
        }
        return FromApplication.VANTAR_PA_BEKRAFTELSE;
    }

    /** Staff confirm a waiting request: the account becomes the client's, as {@link #change} does. */
    @Transactional
    public Changed confirm(UUID clientId, UUID requestId, String by) {
        PayoutAccountRequest request = waiting(clientId, requestId);
        PayoutAccount account = parse("", request.account().accountHolder(), request.account().iban(),
                request.account().clearingNumber(), request.account().accountNumber());
        request.handle(PayoutAccountRequest.Status.BEKRAFTAD, by, clock.instant());
        return change(clientId, account, by, PayoutAccountChange.Channel.API);
    }

    /** Staff reject a waiting request: the client's account stays. */
    @Transactional
    public void reject(UUID clientId, UUID requestId, String by) {
        waiting(clientId, requestId).handle(PayoutAccountRequest.Status.AVVISAD, by, clock.instant());
        log.info("Client {}: payout account request {} rejected by {}", clientId, requestId, by);
    }

    private PayoutAccountRequest waiting(UUID clientId, UUID requestId) {
        PayoutAccountRequest request = requests.findById(requestId).filter(r -> r.getClientId().equals(clientId))
                .orElseThrow(() -> new NotFoundException("Begäran finns inte."));
        if (request.getStatus() != PayoutAccountRequest.Status.VANTAR) {
            throw new ConflictException("requestId", "Begäran är redan hanterad (" + request.getStatus() + ").");
        }
        return request;
    }

    /** The account now, the requests that wait, the changes and the notices, for staff with access to the client. */
    public record Overview(Optional<PayoutAccount> account, List<PayoutAccountRequest> waiting,
                           List<PayoutAccountChange> changes, List<ClientNotice> notices) {}

    @Transactional(readOnly = true)
    public Overview overview(UUID clientId) {
        Client client = clients.findById(clientId).orElseThrow(() -> new NotFoundException("Klienten finns inte."));
        return new Overview(client.payoutAccount(),
                requests.findByClientIdAndStatusOrderByReceivedAt(clientId, PayoutAccountRequest.Status.VANTAR),
                changes.findByClientIdOrderByChangedAtDescIdDesc(clientId),
                notices.findByClientIdOrderByCreatedAtDesc(clientId));
    }
}
