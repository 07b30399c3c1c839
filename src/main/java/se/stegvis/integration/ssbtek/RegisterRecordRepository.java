package se.stegvis.integration.ssbtek;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegisterRecordRepository extends JpaRepository<RegisterRecord, Long> {

    List<RegisterRecord> findByPersonnummerAndMonth(String personnummer, String month);
}
