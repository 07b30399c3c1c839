package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.domain.Attendance;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera närvaro": stores the month's attendance, in days and hours. Absence without acceptable reason is told to the journey with
 * the message {@value PlacementProcess#MESSAGE_UNEXCUSED_ABSENCE}, correlated to every instance with the same
 * journeyId that waits for it (correlateAll: harmless when none does). The message carries placementId, the month,
 * the days, a readable description and the reporter as local variables of the catching execution; the journey's
 * proposal derives its amount from the days (see ProposeSanctionDelegate).
 */
@Component
@ModelerTemplate(inputs = {"journeyId", "placementId"})
public class RegisterAttendanceDelegate implements JavaDelegate {

    private final PlacementService placements;

    public RegisterAttendanceDelegate(PlacementService placements) {
        this.placements = placements;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Attendance attendance = placements.reportAttendance(placementId(execution), month(execution, ATTENDANCE_MONTH),
                days(execution, DAYS_PLANNED), days(execution, DAYS_PRESENT), days(execution, DAYS_ABSENT_UNEXCUSED),
                attendanceHours(execution), requiredString(execution, ATTENDANCE_REPORTED_BY));
        // The hours are in the attendance row; a later month's report brings its own (or none, as before hours).
        execution.removeVariable(HOURS_PLANNED);
        execution.removeVariable(HOURS_PRESENT);
        execution.removeVariable(HOURS_ABSENT_UNEXCUSED);
        if (attendance.hasUnexcusedAbsence()) {
            execution.getProcessEngineServices().getRuntimeService()
                    .createMessageCorrelation(MESSAGE_UNEXCUSED_ABSENCE)
                    .processInstanceVariableEquals(JOURNEY_ID, journeyId(execution))
                    .setVariablesToTriggeredScope(Variables.createVariables()
                            .putValue(PLACEMENT_ID, attendance.getPlacementId().toString())
                            .putValue(ABSENCE_MONTH, attendance.getMonth().toString())
                            .putValue(ABSENCE_DAYS, attendance.getDaysAbsentUnexcused())
                            .putValue(ABSENCE_DESCRIPTION, description(attendance))
                            .putValue(ABSENCE_REPORTED_BY, attendance.getReportedBy()))
                    .correlateAllWithResult();
        }
    }

    /** E.g. "Frånvaro utan godtagbart skäl 3 av 20 planerade dagar i 2025-11 (närvarorapport)." */
    static String description(Attendance attendance) {
        return "Frånvaro utan godtagbart skäl " + attendance.getDaysAbsentUnexcused() + " av "
                + attendance.getDaysPlanned() + " planerade dagar i " + attendance.getMonth() + " (närvarorapport).";
    }
}
