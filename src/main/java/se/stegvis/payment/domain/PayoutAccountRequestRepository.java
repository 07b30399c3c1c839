package se.stegvis.payment.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PayoutAccountRequestRepository extends JpaRepository<PayoutAccountRequest, UUID> {

    List<PayoutAccountRequest> findByClientIdAndStatusOrderByReceivedAt(UUID clientId, PayoutAccountRequest.Status status);
}
