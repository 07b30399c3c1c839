package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ExitFollowUpRepository extends JpaRepository<ExitFollowUp, UUID> {

    @Query("select f from ExitFollowUp f where f.exitId = :exitId")
    Optional<ExitFollowUp> findByExitId(UUID exitId);
}
