package se.stegvis.journey.process;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.stegvis.journey.SanctionDecisionRules;
import se.stegvis.journey.SanctionLetters;
import se.stegvis.journey.SanctionService;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionRepository;
import se.stegvis.config.ModelerTemplate;

/**
 * "Föreslå nedsättning och kommunicera": the proposal after absence without acceptable reason (refused by
 * {@link SanctionService} for one who has never been granted assistance), communicated to the client with the
 * response time in a kommunicering letter ({@link SanctionLetters}) that also tells of the right to answer orally.
 * The sanction's id is local to this absence, so that several can run at once.
 * <p>
 * A coach's report names the amount and describes the absence. A placement's attendance report names the days
 * instead: the proposal is then the days times {@code stegvis.journey.reduction-per-absent-day} (a setting; the
 * caseworker decides the actual amount in "Besluta om nedsättning"), and the description is the placement's.
 * A placement declined or broken off without godtagbart skäl by a covered client ({@value JourneyProcess#DECLINED_PLACEMENT})
 * names neither: the proposal is {@code stegvis.journey.reduction-for-declined-placement} (a setting).
 * <p>
 * For a client covered by the aktivitetskrav the proposal is mandatory and marked so ({@value JourneyProcess#UNDER_ACTIVITY_REQUIREMENT},
 * local to the absence): the decision may then drop it only for a recorded godtagbart skäl, and the form shows how many
 * days of illness pass before a läkarintyg is needed ({@value JourneyProcess#DAYS_WITHOUT_CERTIFICATE}).
 */
@Component
@ModelerTemplate(inputs = "journeyId")
public class ProposeSanctionDelegate implements JavaDelegate {

    private final SanctionService sanctionService;
    private final SanctionRepository sanctions;
    private final SanctionLetters letters;
    private final SanctionDecisionRules rules;
    private final Clock clock;
    private final long reductionPerDay;
    private final long reductionForDeclined;

    public ProposeSanctionDelegate(SanctionService sanctionService, SanctionRepository sanctions,
                                   SanctionLetters letters, SanctionDecisionRules rules, Clock clock,
                                   @Value("${stegvis.journey.reduction-per-absent-day:" + DEFAULT_REDUCTION_PER_DAY + "}")
                                   long reductionPerDay,
                                   @Value("${stegvis.journey.reduction-for-declined-placement:"
                                           + DEFAULT_REDUCTION_FOR_DECLINED_PLACEMENT + "}")
                                   long reductionForDeclined) {
        if (reductionPerDay <= 0) {
            throw new IllegalArgumentException("stegvis.journey.reduction-per-absent-day ska vara ett positivt belopp");
        }
        if (reductionForDeclined <= 0) {
            throw new IllegalArgumentException("stegvis.journey.reduction-for-declined-placement ska vara ett positivt belopp");
        }
        this.reductionForDeclined = reductionForDeclined;
        this.sanctionService = sanctionService;
        this.sanctions = sanctions;
        this.letters = letters;
        this.rules = rules;
        this.clock = clock;
        this.reductionPerDay = reductionPerDay;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long amount = proposedAmount(execution);
        String reportedBy = string(execution, REPORTED_BY);
        String description = string(execution, ABSENCE_DESCRIPTION);
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Frånvaron saknar beskrivning (" + ABSENCE_DESCRIPTION + ")");
        }
        Integer days = wholeNumber(execution, ABSENCE_DAYS);
        Sanction sanction = sanctionService.propose(journeyId(execution), optionalId(execution, PLACEMENT_ID),
                description, amount, days != null && days > 0 ? days : null, reportedBy == null ? "system" : reportedBy);
        LocalDate due = LocalDate.now(clock).plus(Period.parse(communicationTime(execution)));
        sanction.communicated(clock.instant(), due);
        sanctions.save(sanction);
        // The kommunicering itself: what is considered, why, the day to answer by, and the right to answer orally.
        letters.createCommunication(sanction.getId());
        execution.setVariableLocal(SANCTION_ID, sanction.getId().toString());
        // The decision form shows the proposal, also when the amount was derived from the days.
        execution.setVariableLocal(PROPOSED_AMOUNT, amount);
        // Under the aktivitetskrav the reduction is mandatory: the decision form asks for a godtagbart skäl to drop it.
        execution.setVariableLocal(UNDER_ACTIVITY_REQUIREMENT, sanction.isUnderActivityRequirement());
        execution.setVariableLocal(DAYS_WITHOUT_CERTIFICATE, rules.daysWithoutCertificate());
        // The response and the decision's form fields belong to this absence, not to the whole journey.
        for (String name : SANCTION_DECISION_LOCALS) {
            execution.setVariableLocal(name, null);
        }
        // The client may respond through the whole due day; the time is over the morning after.
        execution.setVariableLocal(RESPONSE_DUE, startOf(due.plusDays(1), clock.getZone()));
    }

    /**
     * The coach's amount, the setting for a declined placement, or the placement's days times the amount per day; a
     * readable incident when none.
     */
    long proposedAmount(DelegateExecution execution) {
        Integer amount = wholeNumber(execution, PROPOSED_AMOUNT);
        if (amount != null) {
            if (amount <= 0) {
                throw new IllegalArgumentException("Föreslaget belopp (" + PROPOSED_AMOUNT + ") ska vara positivt, var " + amount);
            }
            return amount;
        }
        if (string(execution, DECLINED_PLACEMENT) != null) {
            return reductionForDeclined;
        }
        Integer days = wholeNumber(execution, ABSENCE_DAYS);
        if (days == null || days <= 0) {
            throw new IllegalArgumentException("Frånvaron anger varken föreslaget belopp (" + PROPOSED_AMOUNT
                    + ") eller dagar utan godtagbart skäl (" + ABSENCE_DAYS + ")");
        }
        return days * reductionPerDay;
    }

    private static String communicationTime(DelegateExecution execution) {
        String time = string(execution, COMMUNICATION_TIME);
        return time == null ? DEFAULT_COMMUNICATION_TIME : time;
    }

}
