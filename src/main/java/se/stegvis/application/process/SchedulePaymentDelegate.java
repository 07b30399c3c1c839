package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationSettings;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
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
    private final BankingCalendar calendar;
    private final ApplicationSettings settings;
    private final Clock clock;

    public SchedulePaymentDelegate(PaymentService payments, ApplicationRepository applications,
                                   BankingCalendar calendar, ApplicationSettings settings, Clock clock) {
        this.payments = payments;
        this.applications = applications;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var application = applications.findById(applicationId(execution)).orElseThrow();
        Long amount = amount(execution, GRANTED_AMOUNT);
        Payment payment = payments.schedule(decisionId(execution), application.getClient().getId(),
                        amount == null ? 0 : amount, application.getMonth())
                .orElseThrow(() -> new IllegalStateException("Inget belopp att betala ut för beslutet"));
        application.setStatus(ApplicationStatus.UTBETALD);
        execution.setVariable(PAYMENT_ID, payment.getId().toString());
        var due = calendar.addWorkingDays(payment.getPaymentDate(), settings.confirmationWorkingDays());
        execution.setVariable(CONFIRMATION_DUE, endOf(due, clock.getZone()));
    }
}
