package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.integration.ssbtek.IncomeCheckService;
import se.stegvis.config.ModelerTemplate;

/** "Notera att uppgifterna inte kontrollerats": the warning "uppgifter ej kontrollerade" for the caseworker. */
@Component
@ModelerTemplate(inputs = "applicationId")
public class MarkIncomesUncheckedDelegate implements JavaDelegate {

    private final IncomeCheckService incomeCheck;

    public MarkIncomesUncheckedDelegate(IncomeCheckService incomeCheck) {
        this.incomeCheck = incomeCheck;
    }

    @Override
    public void execute(DelegateExecution execution) {
        incomeCheck.markUnchecked(applicationId(execution));
    }
}
