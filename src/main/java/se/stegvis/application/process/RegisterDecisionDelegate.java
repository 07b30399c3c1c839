package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionRecords;
import se.stegvis.application.domain.Decision;
import se.stegvis.letter.DecisionKind;
import se.stegvis.config.ModelerTemplate;

/** "Registrera beslut": the decision as proposed (and attested where the delegation required it). */
@Component
@ModelerTemplate(inputs = "applicationId")
public class RegisterDecisionDelegate implements JavaDelegate {

    private final DecisionRecords decisions;

    public RegisterDecisionDelegate(DecisionRecords decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The decision and the variable commit together: a retried job never registers twice.
        if (decisionId(execution) != null) {
            return;
        }
        DecisionKind kind = DecisionKind.valueOf(requiredString(execution, PROPOSED_DECISION));
        Long amount = amount(execution, GRANTED_AMOUNT);
        Decision decision = decisions.register(applicationId(execution), kind, amount == null ? 0 : amount,
                string(execution, REASONS), requiredString(execution, INVESTIGATOR),
                flag(execution, NEEDS_APPROVAL) ? requiredString(execution, APPROVER) : null);
        execution.setVariable(DECISION_ID, decision.getId().toString());
    }
}
