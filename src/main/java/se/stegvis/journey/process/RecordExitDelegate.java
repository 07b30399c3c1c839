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
import se.stegvis.placement.PlacementService;

/**
 * "Registrera avslut": stores why and when the journey ended, ends the journey (no new monthly applications are
 * expected) and its placements that have not ended, and sets the moment of the six-month follow-up from the exit date.
 */
@Component
public class RecordExitDelegate implements JavaDelegate {

    private final JourneyRepository journeys;
    private final JourneyExitRepository exits;
    private final PlacementService placements;
    private final Clock clock;

    public RecordExitDelegate(JourneyRepository journeys, JourneyExitRepository exits, PlacementService placements,
                              Clock clock) {
        this.journeys = journeys;
        this.exits = exits;
        this.placements = placements;
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
        // Placements still running (or waiting) end with the journey and give back their places.
        placements.endOpenPlacements(journeyId, exitDate, "Klientresan avslutades (" + reason.label() + ").");
        execution.setVariable(EXIT_ID, exit.getId().toString());
        execution.setVariable(EXIT_FOLLOW_UP_DUE, startOf(exit.followUpDue(), clock.getZone()));
    }
}
