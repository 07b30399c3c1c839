package se.stegvis.appeal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.appeal.AppealService;
import se.stegvis.config.ModelerTemplate;

/** "Spara domen": förvaltningsrätten's outcome and ruling, as entered in "Registrera förvaltningsrättens dom". */
@Component
@ModelerTemplate(inputs = "appealId")
public class StoreCourtRulingDelegate implements JavaDelegate {

    private final AppealService appeals;

    public StoreCourtRulingDelegate(AppealService appeals) {
        this.appeals = appeals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        appeals.registerCourtRuling(AppealProcess.appealId(execution), AppealProcess.courtOutcome(execution),
                AppealProcess.courtRuling(execution));
    }
}
