package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExitFollowUpRepository extends JpaRepository<ExitFollowUp, UUID> {

    Optional<ExitFollowUp> findByExitId(UUID exitId);
}
