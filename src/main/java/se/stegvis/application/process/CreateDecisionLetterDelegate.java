package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionRecords;
import se.stegvis.config.ModelerTemplate;

/** "Skapa beslutsbrev": the PDF with the decision, every calculation line, reasons, legal ground and appeal. */
@Component
@ModelerTemplate(inputs = "decisionId")
public class CreateDecisionLetterDelegate implements JavaDelegate {

    private final DecisionRecords decisions;

    public CreateDecisionLetterDelegate(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var decisionId = decisionId(execution);
        if (decisionId == null) {
            throw new IllegalStateException("Beslutet saknas: brevet kan inte skapas");
        }
        decisions.createLetter(decisionId);
    }
}
