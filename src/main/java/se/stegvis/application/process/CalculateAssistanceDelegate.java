package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.AssistanceCalculationService;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.norm.domain.LunchAmountMissingException;
import se.stegvis.norm.domain.NormDataMissingException;
import se.stegvis.norm.domain.NormResult;
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
    private final InvestigationPreparation investigation;

    public CalculateAssistanceDelegate(AssistanceCalculationService calculation, ApplicationRepository applications,
                                       InvestigationPreparation investigation) {
        this.calculation = calculation;
        this.applications = applications;
        this.investigation = investigation;
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
        investigation.prepare(execution, application, result.assistance());
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
