package se.stegvis.payment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PaymentFileRepository extends JpaRepository<PaymentFile, UUID> {

    List<PaymentFile> findByExecutionDateOrderByCreatedAt(LocalDate executionDate);
}
