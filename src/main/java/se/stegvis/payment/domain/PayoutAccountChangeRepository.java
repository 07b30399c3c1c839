package se.stegvis.payment.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PayoutAccountChangeRepository extends JpaRepository<PayoutAccountChange, Long> {

    List<PayoutAccountChange> findByClientIdOrderByChangedAtDescIdDesc(UUID clientId);
}
