package se.stegvis.integration.ssbtek;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RegisterRecordRepository extends JpaRepository<RegisterRecord, Long> {

    List<RegisterRecord> findByPersonnummerAndMonth(String personnummer, String month);

    /** The same, in the order stored, so that "the first" is stable. */
    List<RegisterRecord> findByPersonnummerAndMonthOrderById(String personnummer, String month);

    boolean existsByPersonnummerAndMonth(String personnummer, String month);
}
