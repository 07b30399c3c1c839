package se.stegvis.client.domain;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientRepository extends JpaRepository<Client, UUID> {

    @Query("select c from Client c where c.personnummer = :personnummer")
    Optional<Client> findByPersonnummer(String personnummer);
}
