package se.stegvis.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.appeal.AppealService;
import se.stegvis.config.ModelerTemplate;

/** "Avvisa för sent inkommet överklagande" (förvaltningslagen 45 §). */
@Component
@ModelerTemplate(inputs = "appealId")
public class DismissLateAppealDelegate implements JavaDelegate {

    private final AppealService appeals;

    public DismissLateAppealDelegate(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.dismissAsLate(AppealProcess.appealId(execution));
    }
}
