package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.SfiRight;

/**
 * "Registrera förlängd SFI-rätt": the huvudman's extension, recorded in the placement ({@link SfiRights#extend}, safe to
 * repeat), and the next SFI follow-up moved to three months before the new end. The form's answers are cleared for
 * the next follow-up.
 */
@Component
public class RecordSfiExtensionDelegate implements JavaDelegate {

    private final SfiRights sfiRights;

    public RecordSfiExtensionDelegate(SfiRights sfiRights) {
        this.sfiRights = sfiRights;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate until = date(execution, SFI_EXTENDED_UNTIL);
        if (until == null) {
            throw new IllegalArgumentException("Förlängningens slutdatum saknas (" + SFI_EXTENDED_UNTIL + ")");
        }
        String by = string(execution, COMPLETED_BY);
        SfiRight right = sfiRights.extend(placementId(execution), until, by == null ? "system" : by);
        execution.setVariable(SFI_FOLLOW_UP, StartPlacementDelegate.startOf(right.followUpOn()));
        execution.removeVariable(SFI_EXTENDED);
        execution.removeVariable(SFI_EXTENDED_UNTIL);
    }
}
