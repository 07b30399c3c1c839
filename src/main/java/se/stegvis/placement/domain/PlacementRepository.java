package se.stegvis.placement.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PlacementRepository extends JpaRepository<Placement, UUID> {

    @Query("select p from Placement p where p.journeyId = :journeyId order by p.requestedOn")
    List<Placement> findByJourneyIdOrderByRequestedOn(UUID journeyId);

    /** Placements at a provider that have started and not ended: what counts against its capacity. */
    @Query("select count(p) from Placement p where p.providerId = :providerId and p.startDate is not null"
            + " and p.endDate is null")
    long countByProviderIdAndStartDateNotNullAndEndDateIsNull(UUID providerId);

    /**
     * Placements that hold a place at a provider: matched to it (a matched placement starts at once) and not ended.
     * What {@code PlacementService} checks against the provider's capacity.
     */
    @Query("select count(p) from Placement p where p.providerId = :providerId and p.endDate is null")
    long countByProviderIdAndEndDateIsNull(UUID providerId);

    /** The journey's placements that have not ended (running, matched or still waiting to be matched). */
    @Query("select p from Placement p where p.journeyId = :journeyId and p.endDate is null")
    List<Placement> findByJourneyIdAndEndDateIsNull(UUID journeyId);

    /**
     * The placements, in any of the client's journeys, that record a first SFI admission; the client is the one of
     * this journey. Read in SQL so that the placement feature needs nothing from the journey's classes.
     */
    @Query(value = """
            select p.* from placement p
              join client_journey j on j.id = p.journey_id
             where p.sfi_first_admission is not null
               and j.client_id = (select cj.client_id from client_journey cj where cj.id = :journeyId)""",
            nativeQuery = true)
    List<Placement> findSfiPlacementsOfTheClientOfJourney(@Param("journeyId") UUID journeyId);
}
