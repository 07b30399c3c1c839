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

    /**
     * The ids of the client's applications for the month ({@code YYYY-MM}) of the given kinds: one query, no entity
     * and none of their incomes loaded (a household applies every month; its whole history is not read to find one).
     */
    @Query("select a.id from Application a where a.client.id = :clientId and a.month = :month and a.kind in :kinds")
    List<UUID> idsForMonth(UUID clientId, String month, java.util.Collection<ApplicationKind> kinds);

    /**
     * Every decision on the client's applications other than of kind {@code excluded}: application id, month
     * ({@code YYYY-MM}), amount; the oldest decision first. One query for the client's whole history, no entities.
     */
    @Query("select a.id, a.month, d.amount from Decision d, Application a where d.applicationId = a.id"
            + " and a.client.id = :clientId and a.kind <> :excluded order by d.decidedAt, d.id")
    List<Object[]> decisionsOfClient(UUID clientId, ApplicationKind excluded);

    /**
     * Every decision on the client's applications: application id, month ({@code YYYY-MM}), decision kind, amount;
     * the latest month first, an application's decisions together and oldest first. One query, no entities.
     */
    @Query("select a.id, a.month, d.kind, d.amount from Decision d, Application a where d.applicationId = a.id"
            + " and a.client.id = :clientId order by a.month desc, a.id, d.decidedAt, d.id")
    List<Object[]> decisionsOfClientLatestMonthFirst(UUID clientId);

    /**
     * The client's applications other than of kind {@code excluded}, the latest month first, as many as {@code page}
     * asks for (the e-service's prefill wants one, not the household's history with every application's incomes).
     */
    @Query("select a from Application a where a.client.id = :clientId and a.kind <> :excluded order by a.month desc")
    List<Application> latestExcept(UUID clientId, ApplicationKind excluded,
                                   org.springframework.data.domain.Pageable page);

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
