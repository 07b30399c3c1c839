package se.stegvis.application.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionProposalRepository extends JpaRepository<DecisionProposal, UUID> {

    /** The latest proposal of an application (the highest round). */
    Optional<DecisionProposal> findFirstByApplicationIdOrderByRoundDesc(UUID applicationId);
}
