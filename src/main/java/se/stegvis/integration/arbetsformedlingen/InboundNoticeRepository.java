package se.stegvis.integration.arbetsformedlingen;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface InboundNoticeRepository extends JpaRepository<InboundNotice, UUID> {

    Optional<InboundNotice> findByReference(String reference);

    List<InboundNotice> findByClientIdOrderByReceivedAt(UUID clientId);
}
