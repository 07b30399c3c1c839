package se.stegvis.application;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionProposal;
import se.stegvis.application.domain.DecisionProposalRepository;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.letter.DecisionKind;
import se.stegvis.norm.domain.AssistanceForm;

/**
 * The control data of a decision, kept in Stegvis' tables where no user can write it: what the calculation gave, who
 * proposed what (the investigator), what the delegation table answered, who attested, and which group attests. The
 * four-eyes check, the delegation, "Registrera beslut" and the letter read these, never process variables.
 */
@Service
public class DecisionProposals {

    private final DecisionProposalRepository proposals;
    private final ApplicationRepository applications;
    private final Clock clock;

    public DecisionProposals(DecisionProposalRepository proposals, ApplicationRepository applications, Clock clock) {
        this.proposals = proposals;
        this.applications = applications;
        this.clock = clock;
    }

    /** What the latest calculation gave, whole kronor. */
    @Transactional(readOnly = true)
    public long calculatedAmount(UUID applicationId) {
        Long amount = application(applicationId).getCalculatedAmount();
        if (amount == null) {
            throw new IllegalStateException("Ansökan " + applicationId + " har inte beräknats");
        }
        return amount;
    }

    /** Whether the application gets nödbistånd only (the rules on lawful residence, from 2027-01). */
    @Transactional(readOnly = true)
    public boolean emergencyAidOnly(UUID applicationId) {
        return application(applicationId).getAssistanceForm() == AssistanceForm.NODBISTAND;
    }

    /** The application's kind (NYANSOKAN, ATERANSOKAN, TILLAGGSANSOKAN), an input of the delegation table. */
    @Transactional(readOnly = true)
    public String applicationKind(UUID applicationId) {
        return application(applicationId).getKind().name();
    }

    /** The group whose members attest a decision on the application: {@code skyddad} for a protected client. */
    @Transactional(readOnly = true)
    public String approverGroup(UUID applicationId) {
        return application(applicationId).getClient().isProtectedIdentity()
                ? StegvisGroups.SKYDDAD_IDENTITET : StegvisGroups.TEAMLEDARE;
    }

    /** Records what the completed "Utred ansökan" {@code taskId} proposed, as the next round of the application. */
    @Transactional
    public DecisionProposal propose(UUID applicationId, String taskId, DecisionKind kind, long amount, String reasons,
                                    String proposedBy) {
        int round = latest(applicationId).map(p -> p.getRound() + 1).orElse(1);
        return proposals.save(new DecisionProposal(applicationId, round, taskId, kind, amount,
                calculatedAmount(applicationId), reasons, proposedBy, clock.instant()));
    }

    @Transactional(readOnly = true)
    public Optional<DecisionProposal> latest(UUID applicationId) {
        return proposals.findFirstByApplicationIdOrderByRoundDesc(applicationId);
    }

    /** The latest proposal, which must be there (the investigation proposed a decision). */
    @Transactional(readOnly = true)
    public DecisionProposal current(UUID applicationId) {
        return latest(applicationId).orElseThrow(() -> new IllegalStateException(
                "Ansökan " + applicationId + " har inget beslutsförslag"));
    }

    /** The delegation table's answer for the latest proposal. */
    @Transactional
    public void delegationAnswered(UUID applicationId, boolean requiresAttest) {
        current(applicationId).delegationAnswered(requiresAttest);
    }

    /** The approver's answer on the latest proposal. */
    @Transactional
    public void attested(UUID applicationId, DecisionProposal.AttestOutcome outcome, String approver) {
        current(applicationId).attested(outcome, approver, clock.instant());
    }

    private Application application(UUID applicationId) {
        return applications.findById(applicationId).orElseThrow(() -> new IllegalStateException(
                "Ansökan " + applicationId + " finns inte"));
    }
}
