package se.stegvis.client.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A notice to the client (meddelande), such as "your payout account was changed": kept with the client for the
 * e-service to show. Its text carries no full account number or personnummer.
 */
@Entity
@Table(name = "client_notice")
public class ClientNotice {

    /** What the notice is about. */
    public enum Kind { UTBETALNINGSKONTO_ANDRAT }

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 40)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(nullable = false, length = 1000)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ClientNotice() {}

    public ClientNotice(UUID clientId, Kind kind, String text, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.kind = kind;
        this.text = text;
        this.createdAt = createdAt;
    }

    public UUID getId() {
        return id;
    }

    public UUID getClientId() {
        return clientId;
    }

    public Kind getKind() {
        return kind;
    }

    public String getText() {
        return text;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
