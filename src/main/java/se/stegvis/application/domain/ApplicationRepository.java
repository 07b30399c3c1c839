package se.stegvis.application.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, UUID> {

    Optional<Application> findByIdempotencyKey(String idempotencyKey);

    List<Application> findByClientIdOrderByMonthDesc(UUID clientId);

    /** Applications where the person is the co-applicant (the same household). */
    List<Application> findByCoApplicantPersonnummer(String personnummer);

    /** The applications for a month, {@code YYYY-MM}. */
    List<Application> findByMonth(String month);

    /** Status and number of applications in it. */
    @org.springframework.data.jpa.repository.Query("select a.status, count(a) from Application a group by a.status")
    List<Object[]> countByStatus();
}
