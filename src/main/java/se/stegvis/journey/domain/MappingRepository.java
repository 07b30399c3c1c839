package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MappingRepository extends JpaRepository<Mapping, UUID> {

    /** The mapping that counts: the latest. */
    Optional<Mapping> findFirstByJourneyIdOrderByMappedAtDesc(UUID journeyId);
}
