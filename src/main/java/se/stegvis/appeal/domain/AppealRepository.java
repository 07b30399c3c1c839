package se.stegvis.appeal.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppealRepository extends JpaRepository<Appeal, UUID> {

    List<Appeal> findByDecisionId(UUID decisionId);
}
