package se.stegvis.payment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentRepository extends JpaRepository<Payment, UUID> {

    Optional<Payment> findByDecisionId(UUID decisionId);

    List<Payment> findByStatusAndPaymentDateLessThanEqualOrderById(Payment.Status status, LocalDate date);

    List<Payment> findByPaymentFileId(UUID paymentFileId);

    long countByStatus(Payment.Status status);
}
