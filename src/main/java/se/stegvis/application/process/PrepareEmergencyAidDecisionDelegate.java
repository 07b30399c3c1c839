package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.AssistanceCalculationService;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.config.ModelerTemplate;

/**
 * "Förbered beslut om nödbistånd": the applicant is not lawfully resident and the month is one where that gives
 * nödbistånd only (decision laglig-vistelse). No calculation by the riksnorm is made; one line says why, the amount to
 * investigate is 0 kr, and the caseworker decides on the acute need in "Utred ansökan" (delvis bifall with the amount
 * for the acute need, or avslag). The decision letter then has the nödbistånd text.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class PrepareEmergencyAidDecisionDelegate implements JavaDelegate {

    private final AssistanceCalculationService calculation;
    private final ApplicationRepository applications;
    private final InvestigationPreparation investigation;

    public PrepareEmergencyAidDecisionDelegate(AssistanceCalculationService calculation,
                                               ApplicationRepository applications,
                                               InvestigationPreparation investigation) {
        this.calculation = calculation;
        this.applications = applications;
        this.investigation = investigation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID id = applicationId(execution);
        Application application = applications.findById(id).orElseThrow();
        calculation.emergencyAidOnly(id);
        investigation.prepare(execution, application, 0);
    }
}
