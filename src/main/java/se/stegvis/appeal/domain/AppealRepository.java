package se.stegvis.appeal.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AppealRepository extends JpaRepository<Appeal, UUID> {

    @Query("select a from Appeal a where a.decisionId = :decisionId")
    List<Appeal> findByDecisionId(UUID decisionId);
}
