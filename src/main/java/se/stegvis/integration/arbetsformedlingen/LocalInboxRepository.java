package se.stegvis.integration.arbetsformedlingen;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LocalInboxRepository extends JpaRepository<LocalInboxEntry, UUID> {}
