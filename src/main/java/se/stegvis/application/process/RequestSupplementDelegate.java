package se.stegvis.application.process;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.application.SupplementService;
import se.stegvis.application.domain.SupplementRequest;
import se.stegvis.config.ModelerTemplate;

/** "Begär komplettering": the message to the client, and the due date the process waits for. */
@Component
@ModelerTemplate(inputs = "applicationId")
public class RequestSupplementDelegate implements JavaDelegate {

    private final SupplementService supplements;
    private final Clock clock;

    public RequestSupplementDelegate(SupplementService supplements, Clock clock) {
        this.supplements = supplements;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SupplementRequest request = supplements.request(applicationId(execution),
                requiredString(execution, SUPPLEMENT_TEXT), requiredString(execution, INVESTIGATOR));
        execution.setVariable(SUPPLEMENT_DUE,
                endOf(request.getDueDate(), clock.getZone()));
    }
}
