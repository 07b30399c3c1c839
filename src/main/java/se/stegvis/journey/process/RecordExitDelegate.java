package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.Step;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.journey.domain.StepAssessmentRepository;
import se.stegvis.placement.PlacementService;
import se.stegvis.config.ModelerTemplate;

/**
 * "Registrera avslut": stores why and when the journey ended, ends the journey (no new monthly applications are
 * expected) and its placements that have not ended, records an exit to work or studies as step 6 on the exit date,
 * and sets the moment of the six-month follow-up from the exit date.
 */
@Component
@ModelerTemplate(inputs = "journeyId")
public class RecordExitDelegate implements JavaDelegate {

    private final JourneyRepository journeys;
    private final JourneyExitRepository exits;
    private final PlacementService placements;
    private final StepAssessmentRepository assessments;
    private final Clock clock;

    public RecordExitDelegate(JourneyRepository journeys, JourneyExitRepository exits, PlacementService placements,
                              StepAssessmentRepository assessments, Clock clock) {
        this.journeys = journeys;
        this.exits = exits;
        this.placements = placements;
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UUID journeyId = journeyId(execution);
        ExitReason reason = ExitReason.valueOf(requiredString(execution, EXIT_REASON));
        LocalDate exitDate = date(execution, EXIT_DATE, clock.getZone());
        if (exitDate == null) {
            exitDate = LocalDate.now(clock);
        }
        String by = string(execution, COMPLETED_BY);
        JourneyExit exit = exits.save(new JourneyExit(journeyId, reason, exitDate, string(execution, EXIT_NOTE),
                by == null ? "system" : by, clock.instant()));
        Journey journey = journeys.findById(journeyId).orElseThrow(() -> new NotFoundException("Klientresan finns inte."));
        journey.end(clock.instant());
        journeys.save(journey);
        // An exit to work or studies is the last step of the journey: level 6 on the exit date (docs/stegforflyttning.md).
        if (exit.toWorkOrStudies()) {
            assessments.save(new StepAssessment(journeyId, exitDate, exit.getRegisteredBy(),
                    Step.OSUBVENTIONERAT_ARBETE_ELLER_REGULJARA_STUDIER, "Avslut: " + reason.label() + ".", clock.instant()));
        }
        // Placements still running (or waiting) end with the journey and give back their places.
        placements.endOpenPlacements(journeyId, exitDate, "Klientresan avslutades (" + reason.label() + ").");
        execution.setVariable(EXIT_ID, exit.getId().toString());
        execution.setVariable(EXIT_FOLLOW_UP_DUE, startOf(exit.followUpDue(), clock.getZone()));
        // Stored with the exit: the note does not wait six months in the engine (issue #13).
        removeExitNote(execution);
    }
}
