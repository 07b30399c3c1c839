package se.stegvis.journey.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface JourneyRepository extends JpaRepository<Journey, UUID> {

    /** The client's journey going on, if any: a first grant starts one only when there is none. */
    @Query("select j from Journey j where j.clientId = :clientId and j.status = :status")
    Optional<Journey> findByClientIdAndStatus(UUID clientId, JourneyStatus status);

    @Query("select j from Journey j where j.clientId = :clientId order by j.startedAt")
    List<Journey> findByClientIdOrderByStartedAt(UUID clientId);
}
