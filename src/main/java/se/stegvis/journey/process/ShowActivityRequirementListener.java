package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.activity.ActivityRequirementStatus;
import se.stegvis.journey.PlanReads;
import se.stegvis.journey.domain.PlanActivity;
import se.stegvis.journey.domain.PlanVersion;

/**
 * When a plan task is created ("Upprätta individuell planering", "Revidera individuell planering", "Revidera planering
 * enligt aktivitetskravet"): the client's status under the aktivitetskrav in words and the full time in hours, local to
 * the task and shown read-only in the form, which computes planned hours against the requirement. A revision starts
 * from the current version's hours (intervention hours, job search, part-time work, other insatser, capacity), read
 * from the plan version (the plan's hours are not kept as process variables between plans). The capacity's reason, the
 * läkarintyg and a reason to deviate are not prefilled: the coach confirms them again.
 */
@Component
public class ShowActivityRequirementListener implements TaskListener {

    private final ActivityRequirementService activityRequirement;
    private final PlanReads plans;

    public ShowActivityRequirementListener(ActivityRequirementService activityRequirement, PlanReads plans) {
        this.activityRequirement = activityRequirement;
        this.plans = plans;
    }

    @Override
    public void notify(DelegateTask task) {
        UUID clientId = plans.clientOf(journeyId(task));
        ActivityRequirementStatus status = activityRequirement.status(clientId);
        task.setVariableLocal(ACTIVITY_REQUIREMENT_TEXT, text(status));
        task.setVariableLocal(FULL_TIME_HOURS, activityRequirement.fullTimeHoursPerWeek());
        String planId = string(task, PLAN_ID);
        Integer version = wholeNumber(task, PLAN_VERSION);
        if (planId != null && version != null) {
            plans.version(UUID.fromString(planId), version).filter(PlanVersion::recordsHours)
                    .ifPresent(current -> prefill(task, current));
        }
    }

    /**
     * The current version's hours as the form's values. Set on the task's execution, not local to the task: the form's
     * answers must replace them whichever way the task is completed (Tasklist's form submission or the REST
     * "complete", which writes to the execution), and "Registrera planering" removes them once recorded.
     */
    private static void prefill(DelegateTask task, PlanVersion current) {
        var execution = task.getExecution();
        for (PlanActivity activity : current.getActivities()) {
            activity.getPlacementType().ifPresent(type ->
                    execution.setVariable(PlanActivityForm.hoursField(type), activity.getHoursPerWeek()));
        }
        current.getJobSearchHours().ifPresent(h -> execution.setVariable(JOB_SEARCH_HOURS, h));
        current.getPartTimeWorkHours().filter(h -> h > 0).ifPresent(h -> execution.setVariable(PART_TIME_WORK_HOURS, h));
        current.getOtherInsatserHours().filter(h -> h > 0).ifPresent(h -> execution.setVariable(OTHER_INSATSER_HOURS, h));
        current.getCapacityPercent().filter(p -> p < 100).ifPresent(p -> execution.setVariable(CAPACITY_PERCENT, p));
    }

    static String text(ActivityRequirementStatus status) {
        if (!status.covered()) {
            return "Omfattas inte av aktivitetskravet. " + status.reason();
        }
        return status.reason() + " Planen ska normalt omfatta heltid, minskat med deltidsarbete och andra insatser och"
                + " anpassat efter förmågan, och ge tid för jobbsökande."
                + (status.plannedHoursPerWeek() == null ? ""
                : " Nuvarande plan: " + status.plannedHoursPerWeek() + " av " + status.requiredHoursPerWeek()
                        + " timmar i veckan.");
    }
}
