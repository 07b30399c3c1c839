package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.stegvis.journey.SanctionService;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionRepository;

/**
 * "Föreslå nedsättning och kommunicera": the proposal after absence without acceptable reason (refused by
 * {@link SanctionService} for one who has never been granted assistance), communicated to the client with the
 * response time. The sanction's id is local to this absence, so that several can run at once.
 */
@Component
public class ProposeSanctionDelegate implements JavaDelegate {

    private final SanctionService sanctionService;
    private final SanctionRepository sanctions;
    private final Clock clock;

    public ProposeSanctionDelegate(SanctionService sanctionService, SanctionRepository sanctions, Clock clock) {
        this.sanctionService = sanctionService;
        this.sanctions = sanctions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer amount = wholeNumber(execution, PROPOSED_AMOUNT);
        if (amount == null || amount < 0) {
            throw new IllegalArgumentException("Föreslaget belopp saknas");
        }
        String reportedBy = string(execution, REPORTED_BY);
        Sanction sanction = sanctionService.propose(journeyId(execution), optionalId(execution, PLACEMENT_ID),
                requiredString(execution, ABSENCE_DESCRIPTION), amount, reportedBy == null ? "system" : reportedBy);
        LocalDate due = LocalDate.now(clock).plus(Period.parse(communicationTime(execution)));
        sanction.communicated(clock.instant(), due);
        sanctions.save(sanction);
        execution.setVariableLocal(SANCTION_ID, sanction.getId().toString());
        // The response and the decision's form fields belong to this absence, not to the whole journey.
        for (String name : new String[] {CLIENT_RESPONSE, SANCTION_DECISION, SANCTION_AMOUNT, SANCTION_REASONS, COMPLETED_BY}) {
            execution.setVariableLocal(name, null);
        }
        // The client may respond through the whole due day; the time is over the morning after.
        execution.setVariableLocal(RESPONSE_DUE, startOf(due.plusDays(1), clock.getZone()));
    }

    private static String communicationTime(DelegateExecution execution) {
        String time = string(execution, COMMUNICATION_TIME);
        return time == null ? DEFAULT_COMMUNICATION_TIME : time;
    }

}
