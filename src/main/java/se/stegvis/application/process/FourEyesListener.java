package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.ConflictException;
import se.stegvis.config.ForbiddenException;
import se.stegvis.config.TaskCompleter;

/**
 * "Attestera beslut" with four eyes: the caseworker who investigated may neither take nor complete the approval.
 * On completion the approver must approve or send back, and sending back needs a comment.
 */
@Component
public class FourEyesListener implements TaskListener {

    /** The rule's name in refusals (HTTP 403 {@code "rule": "fyra-ogon"}). */
    public static final String RULE_FOUR_EYES = "fyra-ogon";

    private final IdentityService identityService;

    public FourEyesListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String investigator = string(task, INVESTIGATOR);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null && task.getAssignee().equals(investigator)) {
                throw fourEyes();
            }
            return;
        }
        String user = currentUser(task);
        if (user == null) {
            throw ConflictException.taskNotClaimed();
        }
        if (user.equals(investigator)) {
            throw fourEyes();
        }
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
        task.setVariable(APPROVER, user);
    }

    /** The investigator takes or approves their own decision: 403, rule {@code fyra-ogon}. */
    static ForbiddenException fourEyes() {
        return new ForbiddenException(RULE_FOUR_EYES,
                "Du har utrett ansökan och får inte attestera beslutet (fyra ögon). En annan teamledare attesterar.");
    }

    private String currentUser(DelegateTask task) {
        return TaskCompleter.of(task, identityService);
    }
}
