package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera om beslutet kräver attest", right after "Kontrollera delegation": the delegation table's answer
 * ({@value EkonomisktBistandProcess#NEEDS_APPROVAL}) is recorded on the latest proposal, where "Registrera beslut"
 * checks that an attest it required is there. Synchronous, in the table's transaction: recorded before anyone could
 * change the variable.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class RecordDelegationAnswerDelegate implements JavaDelegate {

    private final DecisionProposals proposals;

    public RecordDelegationAnswerDelegate(DecisionProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        proposals.delegationAnswered(applicationId(execution), flag(execution, NEEDS_APPROVAL));
    }
}
