package se.stegvis.client.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ProtectionChangeRepository extends JpaRepository<ProtectionChange, Long> {

    @Query("select c from ProtectionChange c where c.clientId = :clientId order by c.changedAt")
    List<ProtectionChange> findByClientIdOrderByChangedAt(UUID clientId);
}
