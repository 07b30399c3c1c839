package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationSettings;
import se.stegvis.application.InvestigationBasis;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.payment.domain.BankingCalendar;

/**
 * What "Utred ansökan" needs once the amount to investigate is known, whichever way it came (the calculation by the
 * riksnorm, or a decision on nödbistånd only): the status, the amount kept with the application, the promised
 * decision date (working days from the complete application, set once) and the basis the form shows.
 */
@Component
class InvestigationPreparation {

    private final InvestigationBasis basis;
    private final BankingCalendar calendar;
    private final ApplicationSettings settings;
    private final Clock clock;

    InvestigationPreparation(InvestigationBasis basis, BankingCalendar calendar, ApplicationSettings settings,
                             Clock clock) {
        this.basis = basis;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    void prepare(DelegateExecution execution, Application application, long amount) {
        application.setStatus(ApplicationStatus.UTREDNING);
        // The amount is kept with the application: the proposal, the delegation and the decision read it there.
        application.setCalculatedAmount(amount);
        if (application.getInvestigationDue() == null) {
            LocalDate complete = LocalDate.ofInstant(
                    application.getCompleteAt() != null ? application.getCompleteAt() : clock.instant(), clock.getZone());
            application.setInvestigationDue(calendar.addWorkingDays(complete, settings.investigationWorkingDays()));
        }
        execution.setVariable(CALCULATED_AMOUNT, amount);
        execution.setVariable(APPLICATION_KIND, application.getKind().name());
        // The end of the promised day: the escalation fires the morning after.
        execution.setVariable(INVESTIGATION_DUE, endOf(application.getInvestigationDue(), clock.getZone()));
        InvestigationBasis.Summary summary = basis.summarize(application.getId(),
                EkonomisktBistandProcess.string(execution, APPROVAL_COMMENT));
        execution.setVariable(BASIS_TEXT, summary.text());
        execution.setVariable(HAS_WARNINGS, summary.openWarnings() > 0);
        // A new round of investigation starts from a clean proposal.
        execution.setVariable(SUPPLEMENT_NEEDED, false);
    }
}
