package se.stegvis.placement.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlacementProviderRepository extends JpaRepository<PlacementProvider, UUID> {

    List<PlacementProvider> findByKindAndActiveTrueOrderByName(ProviderKind kind);
}
