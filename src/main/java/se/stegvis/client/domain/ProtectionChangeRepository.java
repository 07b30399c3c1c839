package se.stegvis.client.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProtectionChangeRepository extends JpaRepository<ProtectionChange, Long> {

    List<ProtectionChange> findByClientIdOrderByChangedAt(UUID clientId);
}
