package se.stegvis.application.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A difference between what the household declared and what the registers say; must be acknowledged. */
@Entity
@Table(name = "application_warning")
public class ApplicationWarning {

    /** The kinds of warning. */
    public enum Code {
        INKOMST_EJ_UPPGIVEN("Inkomst som inte uppgetts i ansökan"),
        INKOMST_ANDRAD("Inkomsten skiljer sig från registret"),
        HUSHALL_ANDRAT("Hushållet skiljer sig från registret"),
        BOENDEKOSTNAD_ANDRAD("Boendekostnaden skiljer sig från registret"),
        KOSTNAD_OVER_TAK("Boendekostnaden är högre än kommunens tak"),
        UPPGIFTER_EJ_KONTROLLERADE("Uppgifter ej kontrollerade mot register"),
        VISTELSE_EJ_UTREDD("Laglig vistelse i Sverige är inte utredd");

        private final String label;

        Code(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false)
    private UUID applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private Code code;

    @Column(nullable = false, length = 500)
    private String message;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "acknowledged_by", length = 64)
    private String acknowledgedBy;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    protected ApplicationWarning() {}

    public ApplicationWarning(UUID applicationId, Code code, String message, Instant createdAt) {
        this.applicationId = applicationId;
        this.code = code;
        this.message = message;
        this.createdAt = createdAt;
    }

    public void acknowledge(String user, Instant at) {
        this.acknowledgedBy = user;
        this.acknowledgedAt = at;
    }

    public Long getId() {
        return id;
    }

    public UUID getApplicationId() {
        return applicationId;
    }

    public Code getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }

    public boolean isAcknowledged() {
        return acknowledgedAt != null;
    }

    public String getAcknowledgedBy() {
        return acknowledgedBy;
    }
}
