package se.stegvis.integration.ssbtek;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface RegisterRecordRepository extends JpaRepository<RegisterRecord, Long> {

    @Query("select r from RegisterRecord r where r.personnummer = :personnummer and r.month = :month")
    List<RegisterRecord> findByPersonnummerAndMonth(String personnummer, String month);

    /** The same, in the order stored, so that "the first" is stable. */
    @Query("select r from RegisterRecord r where r.personnummer = :personnummer and r.month = :month order by r.id")
    List<RegisterRecord> findByPersonnummerAndMonthOrderById(String personnummer, String month);

    @Query("select count(r) > 0 from RegisterRecord r where r.personnummer = :personnummer and r.month = :month")
    boolean existsByPersonnummerAndMonth(String personnummer, String month);
}
