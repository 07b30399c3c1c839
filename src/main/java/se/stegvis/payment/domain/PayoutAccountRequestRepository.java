package se.stegvis.payment.domain;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PayoutAccountRequestRepository extends JpaRepository<PayoutAccountRequest, UUID> {

    @Query("select r from PayoutAccountRequest r where r.clientId = :clientId and r.status = :status"
            + " order by r.receivedAt")
    List<PayoutAccountRequest> findByClientIdAndStatusOrderByReceivedAt(UUID clientId,
                                                                        PayoutAccountRequest.Status status);
}
