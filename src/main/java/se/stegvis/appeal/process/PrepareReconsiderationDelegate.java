package se.stegvis.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.appeal.AppealService;
import se.stegvis.config.ModelerTemplate;

/** "Förbered omprövning": the appealed decision as text for the form {@value AppealProcess#FORM_RECONSIDER}. */
@Component
@ModelerTemplate(inputs = "appealId")
public class PrepareReconsiderationDelegate implements JavaDelegate {

    private final AppealService appeals;

    public PrepareReconsiderationDelegate(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AppealService.ReconsiderationView view = appeals.prepareReconsideration(AppealProcess.appealId(execution));
        AppealProcess.setDecisionTexts(execution, view.kind(), view.amount(), view.reasons(), view.dates());
    }
}
