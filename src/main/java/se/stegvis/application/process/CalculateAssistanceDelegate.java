package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationSettings;
import se.stegvis.application.AssistanceCalculationService;
import se.stegvis.application.InvestigationBasis;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.norm.domain.NormResult;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.config.ModelerTemplate;

/**
 * "Beräkna försörjningsstöd": calculates and stores the lines, sets the promised decision date (working days from
 * the complete application) once, and prepares what the caseworker's form shows.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class CalculateAssistanceDelegate implements JavaDelegate {

    private final AssistanceCalculationService calculation;
    private final ApplicationRepository applications;
    private final InvestigationBasis basis;
    private final BankingCalendar calendar;
    private final ApplicationSettings settings;
    private final Clock clock;

    public CalculateAssistanceDelegate(AssistanceCalculationService calculation, ApplicationRepository applications,
                                       InvestigationBasis basis, BankingCalendar calendar, ApplicationSettings settings,
                                       Clock clock) {
        this.calculation = calculation;
        this.applications = applications;
        this.basis = basis;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID id = applicationId(execution);
        NormResult result = calculation.calculate(id);
        Application application = applications.findById(id).orElseThrow();
        application.setStatus(ApplicationStatus.UTREDNING);
        // The amount is kept with the application: the proposal, the delegation and the decision read it there.
        application.setCalculatedAmount(result.assistance());
        if (application.getInvestigationDue() == null) {
            LocalDate complete = LocalDate.ofInstant(
                    application.getCompleteAt() != null ? application.getCompleteAt() : clock.instant(), clock.getZone());
            application.setInvestigationDue(calendar.addWorkingDays(complete, settings.investigationWorkingDays()));
        }
        execution.setVariable(CALCULATED_AMOUNT, result.assistance());
        execution.setVariable(APPLICATION_KIND, application.getKind().name());
        // The end of the promised day: the escalation fires the morning after.
        execution.setVariable(INVESTIGATION_DUE, endOf(application.getInvestigationDue(), clock.getZone()));
        InvestigationBasis.Summary summary = basis.summarize(id, EkonomisktBistandProcess.string(execution, APPROVAL_COMMENT));
        execution.setVariable(BASIS_TEXT, summary.text());
        execution.setVariable(HAS_WARNINGS, summary.openWarnings() > 0);
        // A new round of investigation starts from a clean proposal.
        execution.setVariable(SUPPLEMENT_NEEDED, false);
    }
}
