package se.stegvis.integration.ssbtek;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.config.ModelerTemplate;

/**
 * "Notera att uppgifterna inte kontrollerats" (ekonomiskt-bistand, when the caseworker goes on without the register):
 * the warning "uppgifter ej kontrollerade" for the caseworker. Part of the register check, so it lives beside it.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class MarkIncomesUncheckedDelegate implements JavaDelegate {

    private final IncomeCheckService incomeCheck;

    public MarkIncomesUncheckedDelegate(IncomeCheckService incomeCheck) {
        this.incomeCheck = incomeCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incomeCheck.markUnchecked(EkonomisktBistandProcess.applicationId(execution));
    }
}
