package se.stegvis.client.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientNoticeRepository extends JpaRepository<ClientNotice, UUID> {

    @Query("select n from ClientNotice n where n.clientId = :clientId order by n.createdAt desc")
    List<ClientNotice> findByClientIdOrderByCreatedAtDesc(UUID clientId);
}
