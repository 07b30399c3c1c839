package se.stegvis.activity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AgeExemptionRepository extends JpaRepository<AgeExemption, UUID> {

    @Query("select e from AgeExemption e where e.clientId = :clientId and e.coveredFrom = :coveredFrom"
            + " and e.ground = :ground")
    Optional<AgeExemption> findByClientIdAndCoveredFromAndGround(UUID clientId, String coveredFrom,
                                                                  ExemptionGround ground);

    @Query("select e from AgeExemption e where e.clientId = :clientId order by e.validFrom")
    List<AgeExemption> findByClientIdOrderByValidFrom(UUID clientId);
}
