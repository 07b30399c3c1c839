package se.stegvis.placement.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SfiExtensionRepository extends JpaRepository<SfiExtension, UUID> {

    @Query("select e from SfiExtension e where e.placementId in :placementIds order by e.recordedAt, e.extendedUntil")
    List<SfiExtension> findByPlacementIdInOrderByRecordedAtAscExtendedUntilAsc(Collection<UUID> placementIds);
}
