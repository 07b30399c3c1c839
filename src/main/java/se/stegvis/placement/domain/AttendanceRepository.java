package se.stegvis.placement.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttendanceRepository extends JpaRepository<Attendance, Long> {

    List<Attendance> findByPlacementIdOrderByMonth(UUID placementId);

    Optional<Attendance> findByPlacementIdAndMonth(UUID placementId, String month);
}
