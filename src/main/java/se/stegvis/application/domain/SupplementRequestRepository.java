package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SupplementRequestRepository extends JpaRepository<SupplementRequest, Long> {

    List<SupplementRequest> findByApplicationIdOrderById(UUID applicationId);
}
