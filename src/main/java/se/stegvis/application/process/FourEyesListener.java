package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.TaskCompleter;

/**
 * "Attestera beslut" with four eyes: the caseworker who investigated may neither take nor complete the approval.
 * On completion the approver must approve or send back, and sending back needs a comment.
 */
@Component
public class FourEyesListener implements TaskListener {

    private final IdentityService identityService;

    public FourEyesListener(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        String investigator = string(task, INVESTIGATOR);
        if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            if (task.getAssignee() != null && task.getAssignee().equals(investigator)) {
                throw ValidateInvestigationListener.refused(
                        "Du har utrett ansökan och får inte attestera beslutet (fyra ögon). En annan teamledare attesterar.");
            }
            return;
        }
        String user = currentUser(task);
        if (user == null) {
            throw ValidateInvestigationListener.refused("Ta uppgiften (Claim) innan du slutför den.");
        }
        if (user.equals(investigator)) {
            throw ValidateInvestigationListener.refused(
                    "Du har utrett ansökan och får inte attestera beslutet (fyra ögon). En annan teamledare attesterar.");
        }
        String approval = string(task, APPROVAL);
        if (APPROVAL_SENT_BACK.equals(approval)) {
            if (string(task, APPROVAL_COMMENT) == null) {
                throw ValidateInvestigationListener.refused(
                        "Skriv varför beslutet återvisas (fältet \"Kommentar till handläggaren\").");
            }
        } else if (!APPROVAL_APPROVED.equals(approval)) {
            throw ValidateInvestigationListener.refused("Välj om du godkänner eller återvisar beslutet.");
        } else {
            task.setVariable(APPROVAL_COMMENT, null);
        }
        task.setVariable(APPROVER, user);
    }

    private String currentUser(DelegateTask task) {
        return TaskCompleter.of(task, identityService);
    }
}
