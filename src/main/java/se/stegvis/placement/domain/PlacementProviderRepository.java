package se.stegvis.placement.domain;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PlacementProviderRepository extends JpaRepository<PlacementProvider, UUID> {

    @Query("select p from PlacementProvider p where p.kind = :kind and p.active = true order by p.name")
    List<PlacementProvider> findByKindAndActiveTrueOrderByName(ProviderKind kind);

    @Query("select p from PlacementProvider p where p.name = :name and p.kind = :kind")
    Optional<PlacementProvider> findByNameAndKind(String name, ProviderKind kind);

    /**
     * The provider, locked until the transaction ends: two matches to the same provider are checked against its
     * capacity one after the other, never both against the same free place.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from PlacementProvider p where p.id = :id")
    Optional<PlacementProvider> lockById(@Param("id") UUID id);
}
