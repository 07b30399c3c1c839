package se.stegvis.journey;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.Reduction;
import se.stegvis.application.domain.ReductionRepository;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionDecision;
import se.stegvis.journey.domain.SanctionRepository;

/**
 * Sanctions after absence without acceptable reason (SoL 2025:400 12 kap. 4–5 §§; 4 kap. 4–5 §§ of SoL 2001:453
 * for decisions before 2025-07-01): proposed only for a person who already receives försörjningsstöd, communicated
 * to the client, then decided by a caseworker. An upheld decision becomes a {@link Reduction} of the month after the
 * decision, which that month's calculation applies and its letter shows.
 * <p>
 * Under the aktivitetskrav (prop. 2025/26:207) the reduction is mandatory: a proposal for a client covered by it is
 * marked so, and its decision may drop it only for a recorded godtagbart skäl ({@link SanctionDecisionRules}); its
 * letter states the requirement as the ground.
 */
@Service
public class SanctionService {

    private static final Logger log = LoggerFactory.getLogger(SanctionService.class);

    private final SanctionRepository sanctions;
    private final JourneyRepository journeys;
    private final ApplicationRepository applications;
    private final DecisionRepository decisions;
    private final ReductionRepository reductions;
    private final ActivityRequirementService activityRequirement;
    private final SanctionDecisionRules rules;
    private final Clock clock;

    public SanctionService(SanctionRepository sanctions, JourneyRepository journeys, ApplicationRepository applications,
                           DecisionRepository decisions, ReductionRepository reductions,
                           ActivityRequirementService activityRequirement, SanctionDecisionRules rules, Clock clock) {
        this.activityRequirement = activityRequirement;
        this.rules = rules;
        this.sanctions = sanctions;
        this.journeys = journeys;
        this.applications = applications;
        this.decisions = decisions;
        this.reductions = reductions;
        this.clock = clock;
    }

    /** The coach's proposal; refused for a person who has never been granted assistance (12 kap. 4 §). */
    @Transactional
    public Sanction propose(UUID journeyId, UUID placementId, String absenceDescription, long amount, String coach) {
        return propose(journeyId, placementId, absenceDescription, amount, null, coach);
    }

    /**
     * The proposal, with the days of absence when the attendance report gave them. Marked as under the
     * aktivitetskrav when the client is covered by it today: then it cannot be dropped without a godtagbart skäl.
     */
    @Transactional
    public Sanction propose(UUID journeyId, UUID placementId, String absenceDescription, long amount,
                            Integer absenceDays, String coach) {
        Journey journey = journey(journeyId);
        if (!receivesAssistance(journey.getClientId())) {
            throw new InvalidRequestException("journeyId",
                    "Deltagande kan bara krävas av den som redan får försörjningsstöd; ingen nedsättning kan föreslås.");
        }
        boolean covered = activityRequirement.status(journey.getClientId()).covered();
        Sanction sanction = sanctions.save(new Sanction(journeyId, placementId, absenceDescription, amount, coach,
                clock.instant(), covered, absenceDays));
        log.info("Sanction {} proposed in journey {}{}", sanction.getId(), journeyId,
                covered ? " under the aktivitetskrav" : "");
        return sanction;
    }

    /**
     * The caseworker's written decision ("Besluta om nedsättning"). Upheld: a reduction of the decided amount for the
     * month after the decision, linked from the sanction.
     */
    @Transactional
    public Sanction decide(UUID sanctionId, SanctionDecision decision, long amount, String reasons, String caseworker) {
        return decide(sanctionId, decision, amount, reasons, null, caseworker);
    }

    /**
     * The decision as "Besluta om nedsättning" submitted it, checked by {@link SanctionDecisionRules} (a refusal names
     * the form field) and recorded.
     */
    @Transactional
    public Sanction decide(UUID sanctionId, SanctionDecisionRules.Input input, String caseworker) {
        Sanction sanction = sanctions.findById(sanctionId)
                .orElseThrow(() -> new NotFoundException("Sanktionen finns inte."));
        SanctionDecisionRules.Checked checked = rules.check(sanction, input);
        return decide(sanctionId, checked.decision(), checked.amount(), checked.reasons(), checked.excuse(), caseworker);
    }

    /** Checks "Besluta om nedsättning" before the task completes (400 naming the field); records nothing. */
    @Transactional(readOnly = true)
    public SanctionDecisionRules.Checked check(UUID sanctionId, SanctionDecisionRules.Input input) {
        Sanction sanction = sanctions.findById(sanctionId)
                .orElseThrow(() -> new NotFoundException("Sanktionen finns inte."));
        return rules.check(sanction, input);
    }

    @Transactional
    public Sanction decide(UUID sanctionId, SanctionDecision decision, long amount, String reasons,
                           Sanction.Excuse excuse, String caseworker) {
        Sanction sanction = sanctions.findById(sanctionId)
                .orElseThrow(() -> new NotFoundException("Sanktionen finns inte."));
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        sanction.decide(decision, amount, reasons, excuse, caseworker, now, today);
        if (decision == SanctionDecision.UPHELD) {
            Journey journey = journey(sanction.getJourneyId());
            YearMonth month = YearMonth.from(today).plusMonths(1);
            Reduction reduction = reductions.save(new Reduction(journey.getClientId(), month, amount, reasons, caseworker, now));
            sanction.reducedBy(reduction.getId());
            log.info("Sanction {} upheld: reduction {} for {}", sanctionId, reduction.getId(), month);
        } else {
            log.info("Sanction {} dropped{}", sanctionId, excuse == null ? "" : " for a godtagbart skäl (" + excuse.reason() + ")");
        }
        return sanctions.save(sanction);
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Sanction> find(UUID sanctionId) {
        return sanctions.findById(sanctionId);
    }

    /** Whether the household has ever been granted money: only then can participation be required (12 kap. 4 §). */
    @Transactional(readOnly = true)
    public boolean receivesAssistance(UUID clientId) {
        return applications.findByClientIdOrderByMonthDesc(clientId).stream()
                .flatMap(a -> decisions.findByApplicationIdOrderByDecidedAt(a.getId()).stream())
                .anyMatch(d -> d.getKind().grantsMoney() && d.getAmount() > 0);
    }

    private Journey journey(UUID journeyId) {
        return journeys.findById(journeyId).orElseThrow(() -> new NotFoundException("Klientresan finns inte."));
    }
}
