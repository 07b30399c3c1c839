package se.stegvis.application.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who applies. The personnummer stays here; processes and logs carry the client's id only. */
@Entity
@Table(name = "client")
public class Client {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 12)
    private String personnummer;

    /** Skyddad identitet: never shown in lists to users outside the designated group. */
    @Column(name = "protected_identity", nullable = false)
    private boolean protectedIdentity;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Client() {}

    public Client(Personnummer personnummer, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.personnummer = personnummer.value();
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public Personnummer getPersonnummer() {
        return new Personnummer(personnummer);
    }

    public boolean isProtectedIdentity() {
        return protectedIdentity;
    }

    public void setProtectedIdentity(boolean protectedIdentity) {
        this.protectedIdentity = protectedIdentity;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
