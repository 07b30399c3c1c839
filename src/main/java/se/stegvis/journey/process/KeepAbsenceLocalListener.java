package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * At the start of "Frånvaro utan godtagbart skäl": the message's facts arrive on the journey's scope; this moves them
 * into the new absence, at once and before another absence can arrive, so that several absences never mix.
 */
@Component
public class KeepAbsenceLocalListener implements ExecutionListener {

    static final List<String> FACTS = List.of(PLACEMENT_ID, ABSENCE_DESCRIPTION, PROPOSED_AMOUNT, REPORTED_BY, ABSENCE_DAYS,
            ABSENCE_MONTH);

    @Override
    public void notify(DelegateExecution execution) {
        for (String name : FACTS) {
            Object value = execution.getVariable(name);
            for (ExecutionEntity outer = ((ExecutionEntity) execution).getParent(); outer != null; outer = outer.getParent()) {
                if (outer.hasVariableLocal(name)) {
                    outer.removeVariableLocal(name);
                    break;
                }
            }
            execution.setVariableLocal(name, value);
        }
    }
}
