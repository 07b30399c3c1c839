package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.ReturnToAssistance;
import se.stegvis.journey.domain.JourneyExitRepository;

/**
 * "Kontrollera återkomst till bistånd": before the six-month follow-up, whether the household has been granted
 * assistance for a month after the exit, and which months, for the form to show (read-only).
 */
@Component
public class CheckReturnToAssistanceDelegate implements JavaDelegate {

    private final JourneyExitRepository exits;
    private final ReturnToAssistance returnToAssistance;

    public CheckReturnToAssistanceDelegate(JourneyExitRepository exits, ReturnToAssistance returnToAssistance) {
        this.exits = exits;
        this.returnToAssistance = returnToAssistance;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var exit = exits.findById(optionalId(execution, EXIT_ID)).orElseThrow(() -> new NotFoundException("Avslutet finns inte."));
        List<YearMonth> months = returnToAssistance.grantedMonthsAfter(exit);
        execution.setVariable(RETURNED_TO_ASSISTANCE, !months.isEmpty());
        execution.setVariable(RETURN_MONTHS, months.isEmpty()
                ? "Inget beviljat bistånd efter avslutet."
                : "Beviljat bistånd för " + months.stream().map(YearMonth::toString).collect(Collectors.joining(", ")) + ".");
    }
}
