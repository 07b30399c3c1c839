package se.stegvis.journey.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface JourneyRepository extends JpaRepository<Journey, UUID> {

    /** The client's journey going on, if any: a first grant starts one only when there is none. */
    Optional<Journey> findByClientIdAndStatus(UUID clientId, JourneyStatus status);

    List<Journey> findByClientIdOrderByStartedAt(UUID clientId);
}
