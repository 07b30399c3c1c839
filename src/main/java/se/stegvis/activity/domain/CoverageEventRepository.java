package se.stegvis.activity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CoverageEventRepository extends JpaRepository<CoverageEvent, UUID> {

    Optional<CoverageEvent> findByClientIdAndCoveredFrom(UUID clientId, String coveredFrom);

    List<CoverageEvent> findByClientIdOrderByRecordedAt(UUID clientId);
}
