package se.stegvis.application.domain;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface StoredLetterRepository extends JpaRepository<StoredLetter, UUID> {}
