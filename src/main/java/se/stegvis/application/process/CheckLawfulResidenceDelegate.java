package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.ResidenceRules;
import se.stegvis.config.ModelerTemplate;

/**
 * "Pröva rätten till bistånd efter vistelse": the decision table laglig-vistelse for the application's month and the
 * residence recorded on it (in Stegvis' table, never in the process). The process gets only the answer
 * ({@link EkonomisktBistandProcess#ASSISTANCE_FORM}: FULLT, NODBISTAND or UTRED), on which its gateway chooses the
 * way; UTRED also leaves a warning for the caseworker.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class CheckLawfulResidenceDelegate implements JavaDelegate {

    private final ResidenceRules rules;

    public CheckLawfulResidenceDelegate(ResidenceRules rules) {
        this.rules = rules;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(ASSISTANCE_FORM, rules.check(applicationId(execution)).name());
    }
}
