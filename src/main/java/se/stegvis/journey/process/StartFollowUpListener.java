package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import se.stegvis.journey.PlanReads;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.config.ModelerTemplate;

/**
 * At the start of a follow-up ("Uppföljningssamtal" and what follows it): its form fields become variables of this
 * follow-up alone. Tasklist writes a submitted value into the nearest scope that already has the variable, so the
 * answers of two conversations handled close together stay apart. A plan revision starts from the current plan
 * version, read from the database.
 */
@Component
@ModelerTemplate(inputs = "journeyId")
public class StartFollowUpListener implements ExecutionListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlanReads plans;

    public StartFollowUpListener(PlanReads plans) {
        this.plans = plans;
    }

    @Override
    public void notify(DelegateExecution execution) {
        for (String name : FOLLOW_UP_LOCALS) {
            execution.setVariableLocal(name, null);
        }
        execution.setVariableLocal(REVISE_PLAN, false);
        plans.current(journeyId(execution)).ifPresent(current -> prefill(execution, current));
    }

    private static void prefill(DelegateExecution execution, PlanVersion current) {
        execution.setVariableLocal(PLAN_GOAL, current.getGoal().name());
        execution.setVariableLocal(PLAN_OCCUPATION, current.getGoalOccupation().orElse(null));
        execution.setVariableLocal(PLAN_STEPS, current.getSteps().stream()
                .map(s -> s.getDueDate().map(d -> d + " ").orElse("") + s.getDescription())
                .collect(Collectors.joining("\n")));
        try {
            execution.setVariableLocal(CHOSEN_INTERVENTIONS, SpinValues.jsonValue(JSON.writeValueAsString(
                    current.getInterventions().stream().map(Enum::name).toList())).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execution.setVariableLocal(PLACEMENT_ORDER, ORDER_SIDE_BY_SIDE);
    }
}
