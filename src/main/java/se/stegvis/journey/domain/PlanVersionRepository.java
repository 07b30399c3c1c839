package se.stegvis.journey.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PlanVersionRepository extends JpaRepository<PlanVersion, UUID> {

    /** Every revision, oldest first. */
    @Query("select v from PlanVersion v where v.planId = :planId order by v.versionNumber")
    List<PlanVersion> findByPlanIdOrderByVersionNumber(UUID planId);

    @Query("select v from PlanVersion v where v.planId = :planId and v.versionNumber = :versionNumber")
    Optional<PlanVersion> findByPlanIdAndVersionNumber(UUID planId, int versionNumber);
}
