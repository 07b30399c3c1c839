package se.stegvis.integration.arbetsformedlingen;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface NoticeRepository extends JpaRepository<Notice, UUID> {

    @Query("select n from Notice n where n.eventKey = :eventKey")
    Optional<Notice> findByEventKey(String eventKey);

    @Query("select n from Notice n where n.clientId = :clientId order by n.createdAt")
    List<Notice> findByClientIdOrderByCreatedAt(UUID clientId);

    @Query("select n from Notice n where n.status = :status and n.nextAttemptAt <= :now order by n.nextAttemptAt")
    List<Notice> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(Notice.Status status, Instant now,
                                                                               Pageable page);
}
