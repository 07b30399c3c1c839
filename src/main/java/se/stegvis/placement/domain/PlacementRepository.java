package se.stegvis.placement.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlacementRepository extends JpaRepository<Placement, UUID> {

    List<Placement> findByJourneyIdOrderByRequestedOn(UUID journeyId);

    /** Placements at a provider that have started and not ended: what counts against its capacity. */
    long countByProviderIdAndStartDateNotNullAndEndDateIsNull(UUID providerId);

    /**
     * Placements that hold a place at a provider: matched to it (a matched placement starts at once) and not ended.
     * What {@code PlacementService} checks against the provider's capacity.
     */
    long countByProviderIdAndEndDateIsNull(UUID providerId);

    /** The journey's placements that have not ended (running, matched or still waiting to be matched). */
    List<Placement> findByJourneyIdAndEndDateIsNull(UUID journeyId);
}
