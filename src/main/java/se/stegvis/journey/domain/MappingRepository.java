package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MappingRepository extends JpaRepository<Mapping, UUID> {

    /** The mapping that counts: the latest. */
    @Query("select m from Mapping m where m.journeyId = :journeyId order by m.mappedAt desc limit 1")
    Optional<Mapping> findFirstByJourneyIdOrderByMappedAtDesc(UUID journeyId);
}
