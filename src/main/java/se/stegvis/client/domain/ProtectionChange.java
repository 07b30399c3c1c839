package se.stegvis.client.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One change of a client's protected identity (skyddad identitet): who, when, old and new value, by which channel. */
@Entity
@Table(name = "protection_change")
public class ProtectionChange {

    /** How the change came: a member of staff through the API, or with an application (the e-service). */
    public enum Channel { API, ANSOKAN }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "old_value", nullable = false)
    private boolean oldValue;

    @Column(name = "new_value", nullable = false)
    private boolean newValue;

    @Column(nullable = false, length = 20)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Channel channel;

    protected ProtectionChange() {}

    public ProtectionChange(UUID clientId, Instant changedAt, String changedBy, boolean oldValue, boolean newValue,
                            Channel channel) {
        this.clientId = clientId;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.channel = channel;
    }

    public UUID getClientId() {
        return clientId;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public boolean getOldValue() {
        return oldValue;
    }

    public boolean getNewValue() {
        return newValue;
    }

    public Channel getChannel() {
        return channel;
    }
}
