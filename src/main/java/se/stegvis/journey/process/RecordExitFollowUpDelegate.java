package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.ReturnToAssistance;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.ExitFollowUpRepository;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyExitRepository;

/**
 * "Registrera uppföljning efter avslut": still in work or studies six months after the exit (the coach's answer), and
 * returned to assistance (derived from the household's applications by {@link ReturnToAssistance}).
 */
@Component
public class RecordExitFollowUpDelegate implements JavaDelegate {

    private final JourneyExitRepository exits;
    private final ExitFollowUpRepository followUps;
    private final ReturnToAssistance returnToAssistance;
    private final Clock clock;

    public RecordExitFollowUpDelegate(JourneyExitRepository exits, ExitFollowUpRepository followUps,
                                      ReturnToAssistance returnToAssistance, Clock clock) {
        this.exits = exits;
        this.followUps = followUps;
        this.returnToAssistance = returnToAssistance;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        JourneyExit exit = exits.findById(optionalId(execution, EXIT_ID))
                .orElseThrow(() -> new NotFoundException("Avslutet finns inte."));
        // Returned to assistance is derived again from the applications (never what a form sent).
        boolean returned = !returnToAssistance.grantedMonthsAfter(exit).isEmpty();
        followUps.save(new ExitFollowUp(exit, LocalDate.now(clock), flag(execution, IN_WORK_OR_STUDIES), returned,
                string(execution, EXIT_FOLLOW_UP_NOTE), requiredString(execution, COMPLETED_BY)));
    }
}
