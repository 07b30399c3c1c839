package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.stegvis.config.ModelerTemplate;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.Placement;

/**
 * "Föreslå nedsättning i klientresan": a placement declined or broken off without godtagbart skäl by a client covered by
 * the aktivitetskrav goes to the journey as the message {@value PlacementProcess#MESSAGE_UNEXCUSED_ABSENCE}, as an
 * absence does, so the journey proposes a reduction and starts the kommunicering by itself (prop. 2025/26:207: the
 * nämnd "ska" refuse or reduce). The message carries the placement, a readable description (the intervention, the
 * ground and the day; not the coach's free text), the coach who ended it and the ground ({@value
 * PlacementProcess#DECLINED_PLACEMENT}), from which the journey takes the proposed amount. Correlated to every instance
 * with the same journeyId that waits for it, as the attendance report does.
 */
@Component
@ModelerTemplate(inputs = {"journeyId", "placementId"})
public class ReportDeclinedPlacementDelegate implements JavaDelegate {

    private final PlacementService placements;

    public ReportDeclinedPlacementDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Placement placement = placements.get(placementId(execution));
        InterruptionGround ground = placement.getInterruptionGround()
                .filter(InterruptionGround::withoutAcceptableReason)
                .orElseThrow(() -> new IllegalStateException("Insatsen " + placement.getId()
                        + " är inte avböjd eller avbruten utan godtagbart skäl"));
        String endedBy = string(execution, COMPLETED_BY);
        execution.getProcessEngineServices().getRuntimeService()
                .createMessageCorrelation(MESSAGE_UNEXCUSED_ABSENCE)
                .processInstanceVariableEquals(JOURNEY_ID, journeyId(execution))
                .setVariablesToTriggeredScope(Variables.createVariables()
                        .putValue(PLACEMENT_ID, placement.getId().toString())
                        .putValue(ABSENCE_DESCRIPTION, description(placement, ground))
                        .putValue(ABSENCE_REPORTED_BY, endedBy == null ? "system" : endedBy)
                        .putValue(DECLINED_PLACEMENT, ground.name()))
                .correlateAllWithResult();
    }

    /** E.g. "Klienten avböjde insatsen Praktik (avslutad 2026-11-20)." */
    static String description(Placement placement, InterruptionGround ground) {
        String type = placement.getType().label();
        String ended = " (avslutad " + placement.getEndDate().map(Object::toString).orElse("utan slutdatum") + ").";
        return ground == InterruptionGround.AVBOJD ? "Klienten avböjde insatsen " + type + ended
                : "Klienten avbröt insatsen " + type + " utan godtagbart skäl" + ended;
    }
}
