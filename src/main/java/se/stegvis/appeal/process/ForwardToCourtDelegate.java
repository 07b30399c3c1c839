package se.stegvis.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.appeal.AppealService;
import se.stegvis.config.ModelerTemplate;

/** "Överlämna till förvaltningsrätten": the decision is upheld, the appeal is forwarded. */
@Component
@ModelerTemplate(inputs = "appealId")
public class ForwardToCourtDelegate implements JavaDelegate {

    private final AppealService appeals;

    public ForwardToCourtDelegate(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.forwardToCourt(AppealProcess.appealId(execution));
        // The wait for the court may be long: the reconsideration form's copy of the reasons leaves the engine.
        AppealProcess.removeDecisionTexts(execution);
    }
}
