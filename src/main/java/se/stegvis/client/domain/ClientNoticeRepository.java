package se.stegvis.client.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClientNoticeRepository extends JpaRepository<ClientNotice, UUID> {

    List<ClientNotice> findByClientIdOrderByCreatedAtDesc(UUID clientId);
}
