package se.stegvis.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;
import se.stegvis.appeal.AppealService;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera nytt beslut": the reconsideration changed the decision; the new decision replaces the old, and a higher
 * amount pays the difference. The caseworker who completed "Ompröva beslut" is recorded as the decision's maker.
 */
@Component
@ModelerTemplate(inputs = "appealId")
public class RegisterNewDecisionDelegate implements JavaDelegate {

    private final AppealService appeals;

    public RegisterNewDecisionDelegate(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AppealService.DecisionChange change = appeals.changeDecision(AppealProcess.appealId(execution),
                AppealProcess.newDecisionKind(execution), AppealProcess.newAmount(execution),
                AppealProcess.newReasons(execution), reconsideredBy(execution));
        AppealProcess.setNewDecisionId(execution, change.newDecisionId());
        change.differencePaymentId().ifPresent(id -> AppealProcess.setPaymentId(execution, id));
    }

    /** Who completed the reconsideration task (its assignee), or null when it was completed unclaimed. */
    private static String reconsideredBy(DelegateExecution execution) {
        return execution.getProcessEngineServices().getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(AppealProcess.TASK_RECONSIDER_DECISION)
                .finished()
                .orderByHistoricTaskInstanceEndTime().desc()
                .list().stream().findFirst().map(HistoricTaskInstance::getAssignee).orElse(null);
    }
}
