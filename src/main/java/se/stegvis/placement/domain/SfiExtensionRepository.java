package se.stegvis.placement.domain;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SfiExtensionRepository extends JpaRepository<SfiExtension, UUID> {

    List<SfiExtension> findByPlacementIdInOrderByRecordedAtAscExtendedUntilAsc(Collection<UUID> placementIds);
}
