package se.stegvis.integration.arbetsformedlingen;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NoticeRepository extends JpaRepository<Notice, UUID> {

    Optional<Notice> findByEventKey(String eventKey);

    List<Notice> findByClientIdOrderByCreatedAt(UUID clientId);

    List<Notice> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(Notice.Status status, Instant now,
                                                                               Pageable page);
}
