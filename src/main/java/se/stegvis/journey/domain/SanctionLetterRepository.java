package se.stegvis.journey.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SanctionLetterRepository extends JpaRepository<SanctionLetter, SanctionLetter.Key> {

    @Query("select l from SanctionLetter l where l.sanctionId = :sanctionId and l.kind = :kind")
    Optional<SanctionLetter> findBySanctionIdAndKind(UUID sanctionId, SanctionLetter.Kind kind);

    @Query("select count(l) > 0 from SanctionLetter l where l.sanctionId = :sanctionId and l.kind = :kind")
    boolean existsBySanctionIdAndKind(UUID sanctionId, SanctionLetter.Kind kind);
}
