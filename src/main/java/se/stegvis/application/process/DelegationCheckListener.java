package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionProposal;
import se.stegvis.config.ModelerTemplate;

/**
 * "Kontrollera delegation" (the delegation table {@code delegationsordning}) asks about what Stegvis recorded, not
 * about variables a user could have set: when the task starts, the table's inputs — the proposed decision, the
 * application kind and the amount — are written from the latest proposal and the application; when it ends, the
 * table's answer ({@value EkonomisktBistandProcess#NEEDS_APPROVAL}) is recorded on the proposal, where "Registrera
 * beslut" checks that an attest it required is there.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class DelegationCheckListener implements ExecutionListener {

    private final DecisionProposals proposals;
    private final ApplicationRepository applications;

    public DelegationCheckListener(DecisionProposals proposals, ApplicationRepository applications) {
        this.proposals = proposals;
        this.applications = applications;
    }

    @Override
    public void notify(DelegateExecution execution) {
        UUID applicationId = applicationId(execution);
        if (EVENTNAME_START.equals(execution.getEventName())) {
            DecisionProposal proposal = proposals.current(applicationId);
            execution.setVariable(PROPOSED_DECISION, proposal.getKind().name());
            execution.setVariable(GRANTED_AMOUNT, proposal.getAmount());
            execution.setVariable(APPLICATION_KIND, applications.findById(applicationId).orElseThrow().getKind().name());
        } else {
            proposals.delegationAnswered(applicationId, flag(execution, NEEDS_APPROVAL));
        }
    }
}
