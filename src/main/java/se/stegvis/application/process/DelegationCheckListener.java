package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.domain.DecisionProposal;
import se.stegvis.config.ModelerTemplate;

/**
 * "Kontrollera delegation" (the delegation table {@code delegationsordning}) asks about what Stegvis recorded, not
 * about variables a user could have set: when the task starts, the table's inputs — the proposed decision, the
 * application kind and the amount — are prefilled from the latest proposal and the application. The table's answer is
 * recorded by the next step, "Registrera om beslutet kräver attest" ({@link RecordDelegationAnswerDelegate}).
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class DelegationCheckListener implements ExecutionListener {

    private final DecisionProposals proposals;

    public DelegationCheckListener(DecisionProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void notify(DelegateExecution execution) {
        UUID applicationId = applicationId(execution);
        DecisionProposal proposal = proposals.current(applicationId);
        execution.setVariable(PROPOSED_DECISION, proposal.getKind().name());
        execution.setVariable(GRANTED_AMOUNT, proposal.getAmount());
        execution.setVariable(APPLICATION_KIND, proposals.applicationKind(applicationId));
    }
}
