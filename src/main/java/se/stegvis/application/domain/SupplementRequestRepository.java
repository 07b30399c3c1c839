package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SupplementRequestRepository extends JpaRepository<SupplementRequest, Long> {

    @Query("select r from SupplementRequest r where r.applicationId = :applicationId order by r.id")
    List<SupplementRequest> findByApplicationIdOrderById(UUID applicationId);
}
