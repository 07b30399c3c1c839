package se.stegvis.journey;

import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.activity.AgreedPlanExtents;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;

/**
 * The hours of the latest agreed plan version of a client's active journey, for the aktivitetskrav's status; none when
 * that version records no hours (made before the plan held them).
 */
@Component
public class JourneyPlanExtents implements AgreedPlanExtents {

    private final JourneyRepository journeys;
    private final IndividualPlanRepository plans;
    private final PlanVersionRepository versions;

    public JourneyPlanExtents(JourneyRepository journeys, IndividualPlanRepository plans, PlanVersionRepository versions) {
        this.journeys = journeys;
        this.plans = plans;
        this.versions = versions;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<AgreedExtent> latestAgreed(UUID clientId) {
        return journeys.findByClientIdAndStatus(clientId, JourneyStatus.AKTIV)
                .flatMap(journey -> plans.findByJourneyId(journey.getId()))
                .flatMap(plan -> versions.findByPlanIdOrderByVersionNumber(plan.getId()).stream()
                        .filter(v -> v.getAgreedWithClientAt().isPresent())
                        .max(Comparator.comparingInt(PlanVersion::getVersionNumber)))
                .filter(PlanVersion::recordsHours)
                .map(v -> new AgreedExtent(v.getRequiredHoursPerWeek().orElseThrow(),
                        v.getPlannedHoursPerWeek().orElseThrow(), v.getVersionNumber()));
    }
}
