package se.stegvis.placement.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttendanceRepository extends JpaRepository<Attendance, Long> {

    @Query("select a from Attendance a where a.placementId = :placementId order by a.month")
    List<Attendance> findByPlacementIdOrderByMonth(UUID placementId);

    @Query("select a from Attendance a where a.placementId = :placementId and a.month = :month")
    Optional<Attendance> findByPlacementIdAndMonth(UUID placementId, String month);
}
