package se.stegvis.payment.domain;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionPayoutAccountRepository extends JpaRepository<DecisionPayoutAccount, UUID> {}
