package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.SfiRight;

/**
 * After the right to SFI changed outside a placement's own follow-up (an extension recorded over the API): the
 * waiting timer "Tre månader före SFI-rättens slut" of every running placement with SFI of the client moves to three
 * months before the new end, and the placement's {@value PlacementProcess#SFI_FOLLOW_UP} with it.
 */
@Component
public class SfiFollowUpTimers {

    private final SfiRights sfiRights;
    private final ManagementService management;
    private final RuntimeService runtime;

    public SfiFollowUpTimers(SfiRights sfiRights, ManagementService management, RuntimeService runtime) {
        this.sfiRights = sfiRights;
        this.management = management;
        this.runtime = runtime;
    }

    /** Moves the waiting timers of the client of this journey to the right's new follow-up day. */
    public void follow(UUID journeyId, SfiRight right) {
        var followUp = StartPlacementDelegate.startOf(right.followUpOn());
        for (Placement placement : sfiRights.runningSfiPlacements(journeyId)) {
            for (Job job : management.createJobQuery().processInstanceId(placement.getProcessInstanceId())
                    .activityId(TIMER_SFI_RIGHT_ENDING).list()) {
                management.setJobDuedate(job.getId(), followUp);
            }
            if (runtime.createProcessInstanceQuery().processInstanceId(placement.getProcessInstanceId()).count() > 0) {
                runtime.setVariable(placement.getProcessInstanceId(), SFI_FOLLOW_UP, followUp);
            }
        }
    }
}
