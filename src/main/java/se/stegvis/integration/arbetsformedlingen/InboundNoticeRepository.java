package se.stegvis.integration.arbetsformedlingen;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InboundNoticeRepository extends JpaRepository<InboundNotice, UUID> {

    @Query("select n from InboundNotice n where n.reference = :reference")
    Optional<InboundNotice> findByReference(String reference);

    @Query("select n from InboundNotice n where n.clientId = :clientId order by n.receivedAt")
    List<InboundNotice> findByClientIdOrderByReceivedAt(UUID clientId);
}
