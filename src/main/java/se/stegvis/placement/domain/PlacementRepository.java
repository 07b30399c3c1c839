package se.stegvis.placement.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlacementRepository extends JpaRepository<Placement, UUID> {

    List<Placement> findByJourneyIdOrderByRequestedOn(UUID journeyId);

    /** Placements at a provider that have started and not ended: what counts against its capacity. */
    long countByProviderIdAndStartDateNotNullAndEndDateIsNull(UUID providerId);
}
