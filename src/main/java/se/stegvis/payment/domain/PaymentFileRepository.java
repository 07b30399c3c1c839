package se.stegvis.payment.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PaymentFileRepository extends JpaRepository<PaymentFile, UUID> {

    @Query("select f from PaymentFile f where f.executionDate = :executionDate order by f.createdAt")
    List<PaymentFile> findByExecutionDateOrderByCreatedAt(LocalDate executionDate);
}
