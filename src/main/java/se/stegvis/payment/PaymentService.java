package se.stegvis.payment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.config.NotFoundException;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;

/**
 * Payments of approved decisions: scheduled exactly once per decision, on the municipality's payment day, and
 * confirmed when the bank's receipt arrives.
 */
@Service
public class PaymentService {

    /** Message correlated when the bank confirms a payment, to every process instance waiting with {@link #VAR_PAYMENT_ID}. */
    public static final String MESSAGE_PAYMENT_CONFIRMED = "UtbetalningBekraftad";
    /** String process variable: the payment's id, by which {@link #MESSAGE_PAYMENT_CONFIRMED} is correlated. */
    public static final String VAR_PAYMENT_ID = "paymentId";

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final PaymentInsert insert;
    private final BankingCalendar calendar;
    private final PaymentProperties properties;
    private final RuntimeService runtimeService;
    private final PayoutAccountService accounts;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, PaymentInsert insert, BankingCalendar calendar,
                          PaymentProperties properties, RuntimeService runtimeService, PayoutAccountService accounts,
                          Clock clock) {
        this.accounts = accounts;
        this.payments = payments;
        this.insert = insert;
        this.calendar = calendar;
        this.properties = properties;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /**
     * The payment of a decision, created on the first call and returned unchanged on every later one (also when
     * another node created it at the same moment). Nothing is paid for an amount of 0. The payment goes to the account
     * fixed when the decision was registered ({@link PayoutAccountService#forPayment}).
     *
     * @param amount whole kronor, not negative
     * @param month  the month the assistance is for; decides the payment day
     */
    @Transactional
    public Optional<Payment> schedule(UUID decisionId, UUID clientId, long amount, YearMonth month) {
        return schedule(decisionId, clientId, amount, month, false);
    }

    /**
     * {@link #schedule(UUID, UUID, long, YearMonth)} for the client's regular payment of the month: a client has at
     * most one (database key on client and month); a second, for another decision, is refused with 409.
     */
    @Transactional
    public Optional<Payment> scheduleRegular(UUID decisionId, UUID clientId, long amount, YearMonth month) {
        return schedule(decisionId, clientId, amount, month, true);
    }

    private Optional<Payment> schedule(UUID decisionId, UUID clientId, long amount, YearMonth month, boolean regular) {
        Objects.requireNonNull(decisionId, "decisionId");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(month, "month");
        if (amount < 0) {
            throw new IllegalArgumentException("Beloppet kan inte vara negativt, var " + amount);
        }
        Optional<Payment> existing = payments.findByDecisionId(decisionId);
        if (existing.isPresent() || amount == 0) {
            return existing;
        }
        // The account fixed when the decision was made, never the client's account of a later day.
        Payment payment = new Payment(decisionId, clientId, amount, paymentDate(month), clock.instant())
                .payTo(accounts.forPayment(decisionId, clientId).orElse(null));
        if (regular) {
            payment.regularFor(month);
        }
        if (insert.insertUnlessDecisionPaid(payment)) {
            log.info("Payment {} of decision {} scheduled for {}", payment.getId(), decisionId, payment.getPaymentDate());
        } else {
            log.info("Decision {} already had a payment (concurrent insert); returning that one", decisionId);
        }
        return Optional.of(payments.findByDecisionId(decisionId).orElseThrow(() -> regular
                ? se.stegvis.config.ConflictException.rule("en-ordinarie-utbetalning-per-manad",
                        "Klienten har redan en ordinarie utbetalning för " + month + ".")
                : new IllegalStateException("The payment of decision " + decisionId + " is neither inserted nor found")));
    }

    /**
     * The day money for {@code month} is paid: the payment day of the month ({@code stegvis.payment.day}, moved to the
     * previous banking day), or, when that day has already passed, the next banking day from today.
     */
    public LocalDate paymentDate(YearMonth month) {
        LocalDate planned = calendar.paymentDate(month, properties.day());
        LocalDate today = LocalDate.now(clock);
        return planned.isBefore(today) ? calendar.nextBankingDayOnOrAfter(today) : planned;
    }

    @Transactional(readOnly = true)
    public Optional<Payment> find(UUID paymentId) {
        return payments.findById(paymentId);
    }

    /**
     * The bank's receipt: the payment is confirmed (BEKRAFTAD), and every process instance that waits for it
     * (process variable {@value #VAR_PAYMENT_ID}) gets the message {@value #MESSAGE_PAYMENT_CONFIRMED}. A second receipt
     * for the same payment changes nothing and sends no message.
     *
     * @throws NotFoundException            for an unknown payment
     * @throws PaymentConfirmationException when the payment has not been sent to the bank
     */
    @Transactional
    public Payment confirm(UUID paymentId) {
        Payment payment = payments.findById(paymentId)
                .orElseThrow(() -> new NotFoundException("Utbetalningen finns inte"));
        switch (payment.getStatus()) {
            case BEKRAFTAD -> {
                return payment;
            }
            case PLANERAD -> throw new PaymentConfirmationException(
                    "Utbetalningen har inte skickats till banken och kan inte bekräftas");
            case SKICKAD -> payment.confirm(clock.instant());
        }
        runtimeService.createMessageCorrelation(MESSAGE_PAYMENT_CONFIRMED)
                .processInstanceVariableEquals(VAR_PAYMENT_ID, paymentId.toString())
                .correlateAll();
        log.info("Payment {} confirmed by the bank", paymentId);
        return payment;
    }
}
