package se.stegvis.activity.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExemptionRepository extends JpaRepository<Exemption, UUID> {

    @Query("select e from Exemption e where e.clientId = :clientId order by e.validFrom")
    List<Exemption> findByClientIdOrderByValidFrom(UUID clientId);
}
