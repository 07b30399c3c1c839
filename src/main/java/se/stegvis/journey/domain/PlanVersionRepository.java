package se.stegvis.journey.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanVersionRepository extends JpaRepository<PlanVersion, UUID> {

    /** Every revision, oldest first. */
    List<PlanVersion> findByPlanIdOrderByVersionNumber(UUID planId);

    Optional<PlanVersion> findByPlanIdAndVersionNumber(UUID planId, int versionNumber);
}
