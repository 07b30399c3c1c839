package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DecisionRepository extends JpaRepository<Decision, UUID> {

    @Query("select d from Decision d where d.applicationId = :applicationId order by d.decidedAt")
    List<Decision> findByApplicationIdOrderByDecidedAt(UUID applicationId);
}
