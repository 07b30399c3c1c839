package se.stegvis.activity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CoverageEventRepository extends JpaRepository<CoverageEvent, UUID> {

    @Query("select e from CoverageEvent e where e.clientId = :clientId and e.coveredFrom = :coveredFrom")
    Optional<CoverageEvent> findByClientIdAndCoveredFrom(UUID clientId, String coveredFrom);

    @Query("select e from CoverageEvent e where e.clientId = :clientId order by e.recordedAt")
    List<CoverageEvent> findByClientIdOrderByRecordedAt(UUID clientId);
}
