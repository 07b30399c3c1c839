package se.stegvis.activity.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExemptionRepository extends JpaRepository<Exemption, UUID> {

    List<Exemption> findByClientIdOrderByValidFrom(UUID clientId);
}
