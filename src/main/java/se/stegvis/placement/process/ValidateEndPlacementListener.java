package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.PlacementOutcome;

/**
 * Completing "Avsluta insats": an outcome, and for an interrupted placement (AVBRUTEN) why it was interrupted (declined,
 * broken off without godtagbart skäl, or with one; the first two lead to a sanction proposal for a client covered by the
 * aktivitetskrav) and a reason in words.
 */
@Component
public class ValidateEndPlacementListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        PlacementOutcome outcome = outcome(task);
        if (outcome == null) {
            throw new InvalidRequestException(OUTCOME, "Välj hur insatsen slutade (fältet \"Utfall\").");
        }
        if (outcome == PlacementOutcome.AVBRUTEN) {
            InterruptionGround ground;
            try {
                ground = interruptionGround(task);
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException(INTERRUPTION_GROUND, "Okänd grund för avbrottet. Tillåtna: "
                        + allowedGrounds() + ".");
            }
            if (ground == null) {
                throw new InvalidRequestException(INTERRUPTION_GROUND, "Ange varför insatsen avbröts (fältet"
                        + " \"Avbruten därför att\"): " + allowedGrounds() + ".");
            }
            if (string(task, INTERRUPTION_REASON) == null) {
                throw new InvalidRequestException(INTERRUPTION_REASON, "En avbruten insats ska ha en orsak (fältet \"Orsak till avbrottet\").");
            }
        }
        try {
            date(task, END_DATE);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(END_DATE, "Slutdatum ska vara ett datum (ÅÅÅÅ-MM-DD).");
        }
    }

    private static String allowedGrounds() {
        return Arrays.stream(InterruptionGround.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
