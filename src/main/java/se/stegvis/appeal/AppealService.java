package se.stegvis.appeal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.appeal.domain.Appeal;
import se.stegvis.appeal.domain.AppealDeadline;
import se.stegvis.appeal.domain.AppealRepository;
import se.stegvis.appeal.domain.CourtOutcome;
import se.stegvis.appeal.process.AppealProcess;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.letter.DecisionKind;
import se.stegvis.letter.SwedishFormat;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.Payment;

/**
 * Appeals (överklaganden): registered with the day received, checked against the time for appeal, reconsidered
 * (omprövning) — a changed decision replaces the old one and pays the difference — or forwarded to förvaltningsrätten,
 * whose ruling is recorded; late appeals are dismissed.
 */
@Service
public class AppealService {

    private static final Logger log = LoggerFactory.getLogger(AppealService.class);

    private final AppealRepository appeals;
    private final DecisionRepository decisions;
    private final ApplicationRepository applications;
    private final PaymentService payments;
    private final RuntimeService runtimeService;
    private final AppealDeadline deadline;
    private final Clock clock;

    public AppealService(AppealRepository appeals, DecisionRepository decisions, ApplicationRepository applications,
                         PaymentService payments, RuntimeService runtimeService, BankingCalendar calendar, Clock clock) {
        this.appeals = appeals;
        this.decisions = decisions;
        this.applications = applications;
        this.payments = payments;
        this.runtimeService = runtimeService;
        this.deadline = new AppealDeadline(calendar);
        this.clock = clock;
    }

    /** What the reconsideration form shows of the appealed decision, as text. */
    public record ReconsiderationView(String kind, String amount, String reasons, String dates) {}

    /** The decision an in-time reconsideration made, and the payment of the difference when it grants more. */
    public record DecisionChange(UUID newDecisionId, Optional<UUID> differencePaymentId) {}

    /**
     * Registers an appeal of {@code decisionId} and starts the process {@value AppealProcess#PROCESS_KEY} with its id.
     *
     * @param notified the day the appellant was notified of the decision; absent: the decision's own notification date
     * @throws NotFoundException       for an unknown decision
     * @throws InvalidRequestException when the notification date is unknown or a date lies in the future
     */
    @Transactional
    public Appeal register(UUID decisionId, LocalDate received, LocalDate notified, String registeredBy) {
        Objects.requireNonNull(received, "received");
        Decision decision = decisions.findById(decisionId).orElseThrow(() -> new NotFoundException("Beslutet finns inte"));
        LocalDate today = LocalDate.now(clock);
        if (received.isAfter(today)) {
            throw new InvalidRequestException("receivedDate", "Dagen då överklagandet kom in kan inte ligga i framtiden.");
        }
        if (notified == null) {
            if (decision.getNotifiedAt() == null) {
                throw new InvalidRequestException("notifiedDate", "Beslutet har ingen registrerad delgivning. Ange dagen "
                        + "då den enskilde fick del av beslutet (ÅÅÅÅ-MM-DD).");
            }
            notified = LocalDate.ofInstant(decision.getNotifiedAt(), clock.getZone());
        } else if (notified.isAfter(today)) {
            throw new InvalidRequestException("notifiedDate", "Dagen för delgivning kan inte ligga i framtiden.");
        }
        boolean inTime = deadline.inTime(notified, received);
        Appeal appeal = appeals.save(new Appeal(decisionId, received, notified, inTime, registeredBy));
        ProcessInstance instance = runtimeService.createProcessInstanceByKey(AppealProcess.PROCESS_KEY)
                .businessKey(appeal.getId().toString())
                .setVariable(AppealProcess.VAR_APPEAL_ID, appeal.getId().toString())
                .setVariable(AppealProcess.VAR_IN_TIME, inTime)
                .execute();
        appeal.setProcessInstanceId(instance.getId());
        log.info("Appeal {} of decision {} registered, in time: {}", appeal.getId(), decisionId, inTime);
        return appeal;
    }

    /** The last day an appeal of a decision notified on {@code notified} may arrive. */
    public LocalDate lastDayForAppeal(LocalDate notified) {
        return deadline.lastDay(notified);
    }

    /** The client whose decision it is; empty for an unknown decision. */
    @Transactional(readOnly = true)
    public Optional<UUID> clientOfDecision(UUID decisionId) {
        return decisions.findById(decisionId).flatMap(d -> applications.findById(d.getApplicationId()))
                .map(a -> a.getClient().getId());
    }

    @Transactional(readOnly = true)
    public Optional<Appeal> find(UUID appealId) {
        return appeals.findById(appealId);
    }

    @Transactional(readOnly = true)
    public ReconsiderationView prepareReconsideration(UUID appealId) {
        Appeal appeal = appeal(appealId);
        Decision decision = decision(appeal.getDecisionId());
        String reasons = decision.getReasons() == null || decision.getReasons().isBlank() ? "(inga skäl angivna)"
                : decision.getReasons();
        String dates = "Delgivet " + SwedishFormat.date(appeal.getNotifiedDate()) + ", överklagandet kom in "
                + SwedishFormat.date(appeal.getReceivedDate()) + " (sista dag "
                + SwedishFormat.date(deadline.lastDay(appeal.getNotifiedDate())) + ").";
        return new ReconsiderationView(decision.getKind().label(), SwedishFormat.kronor(decision.getAmount()), reasons, dates);
    }

    /**
     * The reconsideration changes the decision: a new decision replaces the appealed one. When it grants more, the
     * difference is paid (a payment of its own, on the new decision); when it grants less, nothing is paid and nothing
     * is reclaimed here.
     */
    @Transactional
    public DecisionChange changeDecision(UUID appealId, DecisionKind kind, long amount, String reasons, String decidedBy) {
        Objects.requireNonNull(kind, "kind");
        if (amount < 0) {
            throw new IllegalArgumentException("The new amount cannot be negative, was " + amount);
        }
        if (kind.grantsMoney() != (amount > 0)) {
            throw new IllegalArgumentException(kind + " with " + amount + " kr: avslag is 0 kr, bifall and delvis bifall more");
        }
        if (reasons == null || reasons.isBlank()) {
            throw new IllegalArgumentException("A changed decision needs its reasons");
        }
        Appeal appeal = appeal(appealId);
        Decision old = decision(appeal.getDecisionId());
        Decision replacement = decisions.save(new Decision(old.getApplicationId(), kind, amount, reasons.strip(),
                decidedBy == null ? appeal.getRegisteredBy() : decidedBy, null, clock.instant(), old.getId()));
        appeal.decisionChanged();
        long difference = amount - old.getAmount();
        Optional<UUID> payment = Optional.empty();
        if (difference > 0) {
            Application application = applications.findById(old.getApplicationId()).orElseThrow();
            payment = payments.schedule(replacement.getId(), application.getClient().getId(), difference,
                    application.getMonth()).map(Payment::getId);
        }
        log.info("Appeal {}: decision {} replaced by {}, difference {} kr{}", appealId, old.getId(), replacement.getId(),
                difference, difference > 0 ? " paid" : difference < 0 ? " (lower: nothing paid, no recovery here)" : "");
        return new DecisionChange(replacement.getId(), payment);
    }

    /** The decision is upheld: the appeal and the documents go to förvaltningsrätten. */
    @Transactional
    public void forwardToCourt(UUID appealId) {
        appeal(appealId).forwardedToCourt();
        log.info("Appeal {} forwarded to förvaltningsrätten", appealId);
    }

    @Transactional
    public void registerCourtRuling(UUID appealId, CourtOutcome outcome, String ruling) {
        Objects.requireNonNull(outcome, "outcome");
        if (ruling == null || ruling.isBlank()) {
            throw new IllegalArgumentException("The court's ruling is missing");
        }
        appeal(appealId).courtRuled(outcome, ruling.strip());
        log.info("Appeal {}: court ruling {} registered", appealId, outcome);
    }

    /** The appeal came in after the time for appeal: dismissed (avvisat), förvaltningslagen 45 §. */
    @Transactional
    public void dismissAsLate(UUID appealId) {
        Appeal appeal = appeal(appealId);
        if (appeal.isInTime()) {
            throw new IllegalStateException("Appeal " + appealId + " came in time and cannot be dismissed as late");
        }
        appeal.dismissedAsLate();
        log.info("Appeal {} dismissed as late", appealId);
    }

    private Appeal appeal(UUID appealId) {
        return appeals.findById(appealId).orElseThrow(() -> new IllegalStateException("Appeal " + appealId + " not found"));
    }

    private Decision decision(UUID decisionId) {
        return decisions.findById(decisionId).orElseThrow(() -> new IllegalStateException("Decision " + decisionId + " not found"));
    }
}
