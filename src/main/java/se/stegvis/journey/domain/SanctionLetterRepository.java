package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SanctionLetterRepository extends JpaRepository<SanctionLetter, SanctionLetter.Key> {

    Optional<SanctionLetter> findBySanctionIdAndKind(UUID sanctionId, SanctionLetter.Kind kind);

    boolean existsBySanctionIdAndKind(UUID sanctionId, SanctionLetter.Kind kind);
}
