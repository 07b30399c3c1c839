package se.stegvis.payment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PaymentRepository extends JpaRepository<Payment, UUID> {

    @Query("select p from Payment p where p.decisionId = :decisionId")
    Optional<Payment> findByDecisionId(UUID decisionId);

    @Query("select p from Payment p where p.status = :status and p.paymentDate <= :date order by p.id")
    List<Payment> findByStatusAndPaymentDateLessThanEqualOrderById(Payment.Status status, LocalDate date);

    /**
     * The planned payments due on or before {@code date}, locked for update: a second node making a file at the same
     * time waits, and then no longer finds them planned. Only inside a transaction.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.status = se.stegvis.payment.domain.Payment.Status.PLANERAD"
            + " and p.paymentDate <= :date order by p.paymentDate, p.id")
    List<Payment> lockPlannedDueBy(@Param("date") LocalDate date);

    /**
     * The client's planned payments that have no account (the client had none when the decision was made), locked: a
     * payment file made at the same time either took them before (then they are no longer planned) or waits.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.clientId = :clientId"
            + " and p.status = se.stegvis.payment.domain.Payment.Status.PLANERAD and p.accountHolder is null"
            + " order by p.paymentDate, p.id")
    List<Payment> lockPlannedWithoutAccount(@Param("clientId") UUID clientId);

    @Query("select p from Payment p where p.paymentFileId = :paymentFileId")
    List<Payment> findByPaymentFileId(UUID paymentFileId);

    /** Status and number of payments in it (one statement for every status: the operational metrics). */
    @Query("select p.status, count(p) from Payment p group by p.status")
    List<Object[]> countPerStatus();
}
