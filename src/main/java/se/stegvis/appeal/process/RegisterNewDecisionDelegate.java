package se.stegvis.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.appeal.AppealService;
import se.stegvis.config.ModelerTemplate;
import se.stegvis.config.TaskCompletions;

/**
 * "Registrera nytt beslut": the reconsideration changed the decision; the new decision replaces the old, and a higher
 * amount pays the difference. The caseworker who completed "Ompröva beslut" (Stegvis' record of completions, not the
 * task's assignee: a colleague may complete a claimed task) is recorded as the decision's maker.
 */
@Component
@ModelerTemplate(inputs = "appealId")
public class RegisterNewDecisionDelegate implements JavaDelegate {

    private final AppealService appeals;
    private final TaskCompletions completions;

    public RegisterNewDecisionDelegate(AppealService appeals, TaskCompletions completions) {
        this.appeals = appeals;
        this.completions = completions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AppealService.DecisionChange change = appeals.changeDecision(AppealProcess.appealId(execution),
                AppealProcess.newDecisionKind(execution), AppealProcess.newAmount(execution),
                AppealProcess.newReasons(execution), reconsideredBy(execution));
        AppealProcess.setNewDecisionId(execution, change.newDecisionId());
        change.differencePaymentId().ifPresent(id -> AppealProcess.setPaymentId(execution, id));
    }

    /** Who completed the reconsideration task, or null when nobody known completed it. */
    private String reconsideredBy(DelegateExecution execution) {
        return completions.lastCompletedBy(execution.getProcessInstanceId(), AppealProcess.TASK_RECONSIDER_DECISION)
                .orElse(null);
    }
}
