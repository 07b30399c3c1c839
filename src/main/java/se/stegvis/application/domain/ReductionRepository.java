package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReductionRepository extends JpaRepository<Reduction, UUID> {

    List<Reduction> findByClientIdAndMonth(UUID clientId, String month);
}
