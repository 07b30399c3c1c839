package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationWarningRepository extends JpaRepository<ApplicationWarning, Long> {

    @Query("select w from ApplicationWarning w where w.applicationId = :applicationId order by w.id")
    List<ApplicationWarning> findByApplicationIdOrderById(UUID applicationId);
}
