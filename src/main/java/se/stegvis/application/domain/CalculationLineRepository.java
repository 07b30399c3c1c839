package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface CalculationLineRepository extends JpaRepository<CalculationLine, Long> {

    @Query("select l from CalculationLine l where l.applicationId = :applicationId order by l.position")
    List<CalculationLine> findByApplicationIdOrderByPosition(UUID applicationId);

    @Modifying
    @Query("delete from CalculationLine l where l.applicationId = :applicationId")
    void deleteByApplicationId(UUID applicationId);
}
