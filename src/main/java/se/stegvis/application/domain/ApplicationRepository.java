package se.stegvis.application.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, UUID> {

    Optional<Application> findByIdempotencyKey(String idempotencyKey);

    List<Application> findByClientIdOrderByMonthDesc(UUID clientId);
}
