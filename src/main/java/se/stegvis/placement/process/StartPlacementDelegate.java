package se.stegvis.placement.process;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.stegvis.config.TimeConfig;
import se.stegvis.placement.PlacementService;
import se.stegvis.placement.SfiRights;
import se.stegvis.placement.domain.Placement;
import se.stegvis.config.ModelerTemplate;

/**
 * "Starta insats": records the start date (the form's, else today), and sets the attendance cycle, the
 * mid-review's due date (halfway to the planned end, or after the default months when no end is planned) and, for a
 * placement with SFI whose client has a recorded first admission, the day of the SFI follow-up: three months before
 * the client's right to SFI ends ({@link SfiRights}); null otherwise.
 */
@Component
@ModelerTemplate(inputs = "placementId")
public class StartPlacementDelegate implements JavaDelegate {

    private final PlacementService placements;
    private final SfiRights sfiRights;
    private final String attendanceCycle;
    private final int defaultMidReviewMonths;

    public StartPlacementDelegate(PlacementService placements, SfiRights sfiRights,
                                  @Value("${stegvis.placement.attendance-cycle:R24/P1M}") String attendanceCycle,
                                  @Value("${stegvis.placement.mid-review-months:3}") int defaultMidReviewMonths) {
        this.placements = placements;
        this.sfiRights = sfiRights;
        this.attendanceCycle = attendanceCycle;
        this.defaultMidReviewMonths = defaultMidReviewMonths;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate startOn = date(execution, START_DATE);
        Placement placement = placements.start(placementId(execution), startOn == null ? placements.today() : startOn);
        LocalDate started = placement.getStartDate().orElseThrow();
        execution.setVariable(ATTENDANCE_CYCLE, attendanceCycle);
        execution.setVariable(MID_REVIEW_DUE, Date.from(midReview(started, date(execution, PLANNED_END))
                .atStartOfDay(TimeConfig.SWEDEN).toInstant()));
        execution.setVariable(SFI_FOLLOW_UP, placement.getType().includesSfi()
                ? sfiRights.ofPlacement(placement.getId()).map(right -> startOf(right.followUpOn())).orElse(null)
                : null);
    }

    static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(TimeConfig.SWEDEN).toInstant());
    }

    LocalDate midReview(LocalDate start, LocalDate plannedEnd) {
        if (plannedEnd == null || !plannedEnd.isAfter(start)) {
            return start.plusMonths(defaultMidReviewMonths);
        }
        return start.plusDays(ChronoUnit.DAYS.between(start, plannedEnd) / 2);
    }
}
