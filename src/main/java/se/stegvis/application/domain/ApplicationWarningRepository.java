package se.stegvis.application.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationWarningRepository extends JpaRepository<ApplicationWarning, Long> {

    List<ApplicationWarning> findByApplicationIdOrderById(UUID applicationId);
}
