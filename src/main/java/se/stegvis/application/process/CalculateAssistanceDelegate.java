package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.ApplicationSettings;
import se.stegvis.application.AssistanceCalculationService;
import se.stegvis.application.InvestigationBasis;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.norm.domain.LunchAmountMissingException;
import se.stegvis.norm.domain.NormDataMissingException;
import se.stegvis.norm.domain.NormResult;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.config.ModelerTemplate;

/**
 * "Beräkna försörjningsstöd": calculates and stores the lines, sets the promised decision date (working days from
 * the complete application) once, and prepares what the caseworker's form shows. When the riksnorm lacks the month's
 * year (or an amount the household needs), the application waits for it instead: see {@link #waitForRiksnorm}.
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
        Application application = applications.findById(id).orElseThrow();
        NormResult result;
        try {
            result = calculation.calculate(id);
        } catch (NormDataMissingException e) {
            throw waitForRiksnorm(execution, application, e);
        }
        execution.removeVariable(NORM_YEAR_AWAITED);
        execution.removeVariable(WAITING_REASON);
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

    /**
     * The riksnorm cannot answer for the month yet: the application waits, visibly (its status and reason, the
     * caseworkers' task), and the process takes the boundary "Riksnormen saknas" — a BPMN error, never an incident.
     */
    private BpmnError waitForRiksnorm(DelegateExecution execution, Application application, NormDataMissingException e) {
        String reason = waitingReason(e);
        application.waitForRiksnorm(reason);
        execution.setVariable(NORM_YEAR_AWAITED, e.year());
        execution.setVariable(WAITING_REASON, reason);
        return new BpmnError(ERROR_NORM_MISSING, reason);
    }

    /** Why the application waits, for caseworkers and the API: the year and what is missing, no personal data. */
    static String waitingReason(NormDataMissingException e) {
        String what = e instanceof LunchAmountMissingException lunch
                ? "Riksnormen för " + e.year() + " saknar beloppet för ett barn på " + lunch.age()
                        + " år som inte äter lunch hemma alla vardagar."
                : "Riksnormen för " + e.year() + " är inte inlagd än.";
        return what + " Ansökan beräknas av sig själv när processägaren har lagt in den.";
    }
}
