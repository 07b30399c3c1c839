package se.stegvis.activity.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AgeExemptionRepository extends JpaRepository<AgeExemption, UUID> {

    Optional<AgeExemption> findByClientIdAndCoveredFromAndGround(UUID clientId, String coveredFrom,
                                                                  ExemptionGround ground);

    List<AgeExemption> findByClientIdOrderByValidFrom(UUID clientId);
}
