package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ReductionRepository extends JpaRepository<Reduction, UUID> {

    @Query("select r from Reduction r where r.clientId = :clientId and r.month = :month")
    List<Reduction> findByClientIdAndMonth(UUID clientId, String month);
}
