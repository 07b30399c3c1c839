package se.stegvis.application.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DecisionProposalRepository extends JpaRepository<DecisionProposal, UUID> {

    /** The latest proposal of an application (the highest round). */
    @Query("select p from DecisionProposal p where p.applicationId = :applicationId order by p.round desc limit 1")
    Optional<DecisionProposal> findFirstByApplicationIdOrderByRoundDesc(UUID applicationId);
}
