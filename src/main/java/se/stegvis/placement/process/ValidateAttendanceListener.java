package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.YearMonth;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.stegvis.config.ConflictException;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.TaskCompleter;
import se.stegvis.placement.PlacementService;

/**
 * Completing "Rapportera närvaro": the month and the days must fit together, and a month is reported once, so that
 * the job after the task cannot fail on what the coach typed. Records who reported.
 */
@Component
public class ValidateAttendanceListener implements TaskListener {

    private final PlacementService placements;
    private final IdentityService identityService;

    public ValidateAttendanceListener(PlacementService placements, IdentityService identityService) {
        this.placements = placements;
        this.identityService = identityService;
    }

    @Override
    public void notify(DelegateTask task) {
        YearMonth month;
        Integer planned;
        Integer present;
        Integer absent;
        try {
            month = month(task, ATTENDANCE_MONTH);
            planned = days(task, DAYS_PLANNED);
            present = days(task, DAYS_PRESENT);
            absent = days(task, DAYS_ABSENT_UNEXCUSED);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(ATTENDANCE_MONTH, "Månaden anges ÅÅÅÅ-MM och dagarna som hela tal 0–31.");
        }
        if (month == null || planned == null || present == null || absent == null) {
            throw new InvalidRequestException(month == null ? ATTENDANCE_MONTH : planned == null ? DAYS_PLANNED
                    : present == null ? DAYS_PRESENT : DAYS_ABSENT_UNEXCUSED, "Fyll i månad, planerade dagar, närvarodagar och frånvaro utan godtagbart skäl.");
        }
        if (present + absent > planned) {
            throw new InvalidRequestException(DAYS_PRESENT, "Närvarodagar och frånvarodagar utan godtagbart skäl kan tillsammans inte vara fler än de planerade dagarna.");
        }
        checkHours(task, absent);
        if (placements.attendanceFor(placementId(task), month).isPresent()) {
            throw new ConflictException(ATTENDANCE_MONTH, "Närvaron för " + month + " är redan rapporterad.");
        }
        task.setVariable(ATTENDANCE_REPORTED_BY, currentUser(task));
    }

    /** Hours, when given: all three, present and absent not above planned, absence in hours matching absent days. */
    private static void checkHours(DelegateTask task, int absentDays) {
        Integer planned;
        Integer present;
        Integer absent;
        try {
            planned = hours(task, HOURS_PLANNED);
            present = hours(task, HOURS_PRESENT);
            absent = hours(task, HOURS_ABSENT_UNEXCUSED);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(HOURS_PLANNED, "Timmarna anges som hela tal 0–744 (fältet \"Planerade timmar\").");
        }
        if (planned == null && present == null && absent == null) {
            return; // reported in days only (instances from before hours were reported)
        }
        if (planned == null || present == null || absent == null) {
            throw new InvalidRequestException(planned == null ? HOURS_PLANNED : present == null ? HOURS_PRESENT
                    : HOURS_ABSENT_UNEXCUSED, "Fyll i planerade timmar, timmar med närvaro och timmar med frånvaro utan"
                    + " godtagbart skäl.");
        }
        if (present + absent > planned) {
            throw new InvalidRequestException(HOURS_PRESENT, "Timmar med närvaro och timmar med frånvaro utan godtagbart"
                    + " skäl kan tillsammans inte vara fler än de planerade timmarna.");
        }
        if ((absent > 0) != (absentDays > 0)) {
            throw new InvalidRequestException(HOURS_ABSENT_UNEXCUSED, "Frånvaro utan godtagbart skäl ska anges både i"
                    + " dagar och i timmar (eller ingen av dem).");
        }
    }

    private String currentUser(DelegateTask task) {
        String user = TaskCompleter.of(task, identityService);
        if (user == null) {
            throw ConflictException.taskNotClaimed();
        }
        return user;
    }
}
