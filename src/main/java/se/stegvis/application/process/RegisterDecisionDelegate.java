package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.DecisionRecords;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionProposal;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera beslut": the latest proposal as recorded when "Utred ansökan" was completed — kind, amount, reasons and
 * investigator from Stegvis' table, not from process variables — with the approver where the delegation table
 * required an attest. A proposal whose required attest is missing is not registered (an incident says why). The
 * granted amount the process goes on with is the registered decision's.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class RegisterDecisionDelegate implements JavaDelegate {

    private final DecisionRecords decisions;
    private final DecisionProposals proposals;

    public RegisterDecisionDelegate(DecisionRecords decisions, DecisionProposals proposals) {
        this.decisions = decisions;
        this.proposals = proposals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The decision and the variable commit together: a retried job never registers twice.
        if (decisionId(execution) != null) {
            return;
        }
        UUID applicationId = applicationId(execution);
        DecisionProposal proposal = proposals.current(applicationId);
        if (proposal.getRequiresAttest() == null) {
            throw new IllegalStateException("Beslutsförslaget har inte prövats mot delegationsordningen");
        }
        String approver = null;
        if (proposal.getRequiresAttest()) {
            if (!proposal.isApproved()) {
                throw new IllegalStateException("Beslutet kräver attest enligt delegationsordningen och är inte attesterat");
            }
            approver = proposal.getAttestedBy();
            if (approver.equals(proposal.getProposedBy())) {
                throw FourEyesListener.fourEyes();
            }
        }
        Decision decision = decisions.register(applicationId, proposal.getKind(), proposal.getAmount(),
                proposal.getReasons(), proposal.getProposedBy(), approver);
        execution.setVariable(DECISION_ID, decision.getId().toString());
        execution.setVariable(GRANTED_AMOUNT, decision.getAmount());
        // Registered: the reasons and the other free texts of the investigation leave the engine (issue #13).
        removeDecisionFreeTexts(execution);
    }
}
