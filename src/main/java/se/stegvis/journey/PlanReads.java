package se.stegvis.journey;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.config.NotFoundException;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;

/**
 * What the journey's task listeners read about a journey and its plan (the client, a plan version), read-only: a
 * listener validates, routes or prefills and depends on no repository (issue #16, {@code ArchitectureTest}).
 */
@Service
@Transactional(readOnly = true)
public class PlanReads {

    private final JourneyRepository journeys;
    private final IndividualPlanRepository plans;
    private final PlanVersionRepository versions;

    public PlanReads(JourneyRepository journeys, IndividualPlanRepository plans, PlanVersionRepository versions) {
        this.journeys = journeys;
        this.plans = plans;
        this.versions = versions;
    }

    /** The client (household) of the journey. */
    public UUID clientOf(UUID journeyId) {
        return journeys.findById(journeyId).orElseThrow(() -> new NotFoundException("Klientresan finns inte."))
                .getClientId();
    }

    /** A version of a plan, when it exists. */
    public Optional<PlanVersion> version(UUID planId, int versionNumber) {
        return versions.findByPlanIdAndVersionNumber(planId, versionNumber);
    }

    /** The current version of the journey's plan; empty before the first plan. */
    public Optional<PlanVersion> current(UUID journeyId) {
        return plans.findByJourneyId(journeyId)
                .flatMap(plan -> versions.findByPlanIdAndVersionNumber(plan.getId(), plan.getCurrentVersion()));
    }
}
