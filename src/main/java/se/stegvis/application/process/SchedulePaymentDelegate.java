package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationSettings;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.Payment;
import se.stegvis.config.ModelerTemplate;

/**
 * "Planera utbetalning": one payment per decision, on the municipality's payment day. The bank's confirmation is
 * expected a few banking days after; without it a caseworker is asked to look into it.
 */
@Component
@ModelerTemplate(inputs = {"applicationId", "decisionId"})
public class SchedulePaymentDelegate implements JavaDelegate {

    private final PaymentService payments;
    private final ApplicationRepository applications;
    private final DecisionRepository decisions;
    private final BankingCalendar calendar;
    private final ApplicationSettings settings;
    private final Clock clock;

    public SchedulePaymentDelegate(PaymentService payments, ApplicationRepository applications,
                                   DecisionRepository decisions, BankingCalendar calendar, ApplicationSettings settings,
                                   Clock clock) {
        this.payments = payments;
        this.applications = applications;
        this.decisions = decisions;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var application = applications.findById(applicationId(execution)).orElseThrow();
        // The amount is the registered decision's, not a variable's.
        var decision = decisions.findById(decisionId(execution)).orElseThrow(() ->
                new IllegalStateException("Beslutet finns inte: utbetalningen kan inte planeras"));
        if (!decision.getApplicationId().equals(application.getId())) {
            throw new IllegalStateException("Beslutet gäller en annan ansökan: utbetalningen planeras inte");
        }
        // The month's assistance is the client's regular payment (one per month); an extra need is not.
        boolean regular = application.getKind() != se.stegvis.application.domain.ApplicationKind.TILLAGGSANSOKAN;
        Payment payment = (regular
                ? payments.scheduleRegular(decision.getId(), application.getClient().getId(), decision.getAmount(),
                        application.getMonth())
                : payments.schedule(decision.getId(), application.getClient().getId(), decision.getAmount(),
                        application.getMonth()))
                .orElseThrow(() -> new IllegalStateException("Inget belopp att betala ut för beslutet"));
        application.setStatus(ApplicationStatus.UTBETALD);
        execution.setVariable(PAYMENT_ID, payment.getId().toString());
        var due = calendar.addWorkingDays(payment.getPaymentDate(), settings.confirmationWorkingDays());
        execution.setVariable(CONFIRMATION_DUE, endOf(due, clock.getZone()));
    }
}
