package se.stegvis.journey;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.journey.domain.IndividualPlanRepository;
import se.stegvis.journey.domain.PlanActivity;
import se.stegvis.journey.domain.PlanVersion;
import se.stegvis.journey.domain.PlanVersionRepository;
import se.stegvis.placement.PlacementMatched;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;

/**
 * The provider of the plan's activities (plan_activity.provider_id): filled when the matching chooses a provider for the
 * placement an activity comes from ({@link PlacementMatched}, in the matching's transaction), in the plan versions made
 * since the placement was requested; and taken over by a new version from the journey's placements that have not
 * ended ({@link #withProviders}).
 */
@Component
public class PlanActivityProviders {

    private static final Logger log = LoggerFactory.getLogger(PlanActivityProviders.class);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final IndividualPlanRepository plans;
    private final PlanVersionRepository versions;
    private final PlacementRepository placements;

    public PlanActivityProviders(IndividualPlanRepository plans, PlanVersionRepository versions,
                                 PlacementRepository placements) {
        this.plans = plans;
        this.versions = versions;
        this.placements = placements;
    }

    /**
     * The placement's provider on the activities of its intervention that have none, in the versions of the journey's
     * plan made on or after the day the placement was requested (the version that asked for it and later ones; an
     * older version's activity of the same kind came from an earlier placement).
     */
    @EventListener
    @Transactional
    public void placementMatched(PlacementMatched matched) {
        plans.findByJourneyId(matched.journeyId()).ifPresent(plan -> {
            for (PlanVersion version : versions.findByPlanIdOrderByVersionNumber(plan.getId())) {
                boolean sinceRequested = !version.getCreatedAt().atZone(SWEDEN).toLocalDate()
                        .isBefore(matched.requestedOn());
                if (sinceRequested && version.providerChosen(matched.type(), matched.providerId())) {
                    versions.save(version);
                    log.info("Plan version {} of journey {}: provider {} for {}", version.getVersionNumber(),
                            matched.journeyId(), matched.providerId(), matched.type());
                }
            }
        });
    }

    /** A new version's activities with the providers of the journey's matched placements that have not ended. */
    public List<PlanActivity> withProviders(UUID journeyId, List<PlanActivity> activities) {
        Map<PlacementType, UUID> providers = placements.findByJourneyIdAndEndDateIsNull(journeyId).stream()
                .filter(p -> p.getProviderId().isPresent())
                .collect(Collectors.toMap(Placement::getType, p -> p.getProviderId().get(), (first, later) -> later));
        return activities.stream()
                .map(a -> a.getPlacementType().map(providers::get).map(a::withProvider).orElse(a))
                .toList();
    }
}
