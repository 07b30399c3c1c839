package se.stegvis.payment.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PayoutAccountChangeRepository extends JpaRepository<PayoutAccountChange, Long> {

    @Query("select c from PayoutAccountChange c where c.clientId = :clientId order by c.changedAt desc, c.id desc")
    List<PayoutAccountChange> findByClientIdOrderByChangedAtDescIdDesc(UUID clientId);
}
