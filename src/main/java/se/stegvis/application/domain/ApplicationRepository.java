package se.stegvis.application.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, UUID> {

    @Query("select a from Application a where a.idempotencyKey = :idempotencyKey")
    Optional<Application> findByIdempotencyKey(String idempotencyKey);

    @Query("select a from Application a where a.client.id = :clientId order by a.month desc")
    List<Application> findByClientIdOrderByMonthDesc(UUID clientId);

    /** Applications where the person is the co-applicant (the same household). */
    @Query("select a from Application a where a.coApplicantPersonnummer = :personnummer")
    List<Application> findByCoApplicantPersonnummer(String personnummer);

    /** The applications for a month, {@code YYYY-MM}. */
    @Query("select a from Application a where a.month = :month")
    List<Application> findByMonth(String month);

    /** Status and number of applications in it. */
    @org.springframework.data.jpa.repository.Query("select a.status, count(a) from Application a group by a.status")
    List<Object[]> countByStatus();

    /**
     * Binds the application to its process, unless it has another already: one conditional update, so that of two
     * starts naming the application at the same moment only one binds it (the other waits for the row and finds it
     * taken). Returns the number of rows updated (0 or 1).
     */
    @org.springframework.data.jpa.repository.Modifying(flushAutomatically = true)
    @org.springframework.data.jpa.repository.Query("update Application a set a.processInstanceId = :pi where a.id = :id"
            + " and (a.processInstanceId is null or a.processInstanceId = :pi)")
    int bindProcess(@org.springframework.data.repository.query.Param("id") UUID id,
                    @org.springframework.data.repository.query.Param("pi") String processInstanceId);
}
