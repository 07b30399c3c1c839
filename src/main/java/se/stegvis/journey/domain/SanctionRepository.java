package se.stegvis.journey.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SanctionRepository extends JpaRepository<Sanction, UUID> {

    @Query("select s from Sanction s where s.journeyId = :journeyId order by s.proposedAt")
    List<Sanction> findByJourneyIdOrderByProposedAt(UUID journeyId);
}
