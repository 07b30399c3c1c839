package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.SupplementService;
import se.stegvis.config.ModelerTemplate;

/** "Skicka påminnelse": reminds the client; after the new due date the caseworker decides on what is at hand. */
@Component
@ModelerTemplate(inputs = "applicationId")
public class SendSupplementReminderDelegate implements JavaDelegate {

    private final SupplementService supplements;
    private final Clock clock;

    public SendSupplementReminderDelegate(SupplementService supplements, Clock clock) {
        this.supplements = supplements;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var due = supplements.remind(applicationId(execution));
        execution.setVariable(REMINDER_DUE, endOf(due, clock.getZone()));
    }
}
