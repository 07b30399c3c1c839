package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.domain.DecisionProposal;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera attesten", right after "Attestera beslut" (whose listener checked four eyes, the approving group and the
 * answer): the approver's answer — approved or sent back — is recorded on the latest proposal with the approver,
 * where "Registrera beslut" reads it. Synchronous, in the completion's transaction.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class RecordAttestDelegate implements JavaDelegate {

    private final DecisionProposals proposals;

    public RecordAttestDelegate(DecisionProposals proposals) {
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DecisionProposal.AttestOutcome outcome = APPROVAL_SENT_BACK.equals(string(execution, APPROVAL))
                ? DecisionProposal.AttestOutcome.ATERVISA : DecisionProposal.AttestOutcome.GODKANN;
        proposals.attested(applicationId(execution), outcome, requiredString(execution, APPROVER));
    }
}
