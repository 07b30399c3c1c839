package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.stereotype.Component;
import se.stegvis.application.DecisionProposals;
import se.stegvis.config.ConflictException;
import se.stegvis.config.ForbiddenException;
import se.stegvis.config.TaskCompleter;

/**
 * "Attestera beslut" with four eyes: only a member of the approving group — {@code teamledare}, or {@code skyddad} for
 * a client with protected identity — who did not investigate may take or complete the approval. The investigator and
 * the group come from Stegvis' tables (the latest proposal, the client), never from process variables. On completion
 * the approver must approve or send back and sending back needs a comment; "Registrera attesten" records the answer
 * ({@link RecordAttestDelegate}).
 */
@Component
public class FourEyesListener implements TaskListener {

    /** The rule's name in refusals (HTTP 403 {@code "rule": "fyra-ogon"}). */
    public static final String RULE_FOUR_EYES = "fyra-ogon";
    /** The rule's name when the approver is not in the approving group (HTTP 403 {@code "rule": "attestgrupp"}). */
    public static final String RULE_APPROVER_GROUP = "attestgrupp";

    private final DecisionProposals proposals;
    private final IdentityService identityService;

    public FourEyesListener(DecisionProposals proposals, IdentityService identityService) {
        this.proposals = proposals;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID applicationId = applicationId(task);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null) {
                mayApprove(task.getAssignee(), applicationId);
            }
            return;
        }
        String user = TaskCompleter.of(task, identityService);
        if (user == null) {
            throw ConflictException.taskNotClaimed();
        }
        mayApprove(user, applicationId);
        String approval = string(task, APPROVAL);
        if (APPROVAL_SENT_BACK.equals(approval)) {
            if (string(task, APPROVAL_COMMENT) == null) {
                throw ValidateInvestigationListener.refused(APPROVAL_COMMENT,
                        "Skriv varför beslutet återvisas (fältet \"Kommentar till handläggaren\").");
            }
        } else if (!APPROVAL_APPROVED.equals(approval)) {
            throw ValidateInvestigationListener.refused(APPROVAL, "Välj om du godkänner eller återvisar beslutet.");
        } else {
            task.setVariable(APPROVAL_COMMENT, null);
        }
        // "Registrera attesten" records the answer with the approver.
        task.setVariable(APPROVER, user);
    }

    /** Refuses (403) a user who investigated the proposal or is not a member of the approving group. */
    private void mayApprove(String user, UUID applicationId) {
        if (user.equals(proposals.current(applicationId).getProposedBy())) {
            throw fourEyes();
        }
        String group = proposals.approverGroup(applicationId);
        if (!isMember(user, group)) {
            throw new ForbiddenException(RULE_APPROVER_GROUP, "Bara den som är med i gruppen " + group
                    + " får attestera beslutet.");
        }
    }

    /** Group membership, read as the engine itself (the user who claims may not be allowed to list others). */
    private boolean isMember(String user, String group) {
        CommandContext context = Context.getCommandContext();
        java.util.concurrent.Callable<Boolean> query = () ->
                identityService.createUserQuery().userId(user).memberOfGroup(group).count() > 0;
        try {
            return context != null ? context.runWithoutAuthorization(query) : query.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The investigator takes or approves their own decision: 403, rule {@code fyra-ogon}. */
    static ForbiddenException fourEyes() {
        return new ForbiddenException(RULE_FOUR_EYES,
                "Du har utrett ansökan och får inte attestera beslutet (fyra ögon). En annan teamledare attesterar.");
    }
}
