package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.application.Investigations;
import se.stegvis.application.ResidenceRules;
import se.stegvis.config.ModelerTemplate;
import se.stegvis.norm.domain.AssistanceForm;
import se.stegvis.norm.domain.LawfulResidence;

/**
 * "Registrera utredningen", right after "Utred ansökan" (whose listener validated the answers): the residence as the
 * caseworker found it is recorded on the application (and its variable leaves the process), the open warnings are
 * acknowledged by the caseworker, and — unless a komplettering is asked for — the proposal is recorded with the
 * caseworker as investigator, where the steps after read it. Synchronous, in the completion's transaction: what the
 * listener accepted is recorded at once, and a failure keeps the task open with the reason in Tasklist.
 */
@Component
@ModelerTemplate(inputs = "applicationId")
public class RecordInvestigationDelegate implements JavaDelegate {

    private final DecisionProposals proposals;
    private final ResidenceRules residence;
    private final Investigations investigations;

    public RecordInvestigationDelegate(DecisionProposals proposals, ResidenceRules residence,
                                       Investigations investigations) {
        this.proposals = proposals;
        this.residence = residence;
        this.investigations = investigations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID applicationId = applicationId(execution);
        String investigator = requiredString(execution, INVESTIGATOR);
        AssistanceForm investigated = null;
        String found = string(execution, RESIDENCE_INVESTIGATED);
        if (found != null) {
            // Kept in the application only, never in the process (nor, by ApplicationFormFields, in its history).
            execution.removeVariable(RESIDENCE_INVESTIGATED);
            investigated = residence.recordInvestigated(applicationId, LawfulResidence.valueOf(found));
        }
        if (!flag(execution, SUPPLEMENT_NEEDED)) {
            var proposal = ValidateInvestigationListener.proposal(execution, proposals.calculatedAmount(applicationId),
                    investigated != null ? investigated == AssistanceForm.NODBISTAND
                            : proposals.emergencyAidOnly(applicationId));
            proposals.propose(applicationId, requiredString(execution, INVESTIGATION_TASK), proposal.kind(),
                    proposal.amount(), proposal.reasons(), investigator);
        }
        investigations.acknowledgeWarnings(applicationId, investigator);
    }
}
