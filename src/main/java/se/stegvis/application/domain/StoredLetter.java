package se.stegvis.application.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The decision letter as sent: the PDF itself, kept with the decision. */
@Entity
@Table(name = "decision_letter")
public class StoredLetter {

    @Id
    @Column(name = "decision_id")
    private UUID decisionId;

    @Column(nullable = false)
    private byte[] pdf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected StoredLetter() {}

    public StoredLetter(UUID decisionId, byte[] pdf, Instant createdAt) {
        this.decisionId = decisionId;
        this.pdf = pdf.clone();
        this.createdAt = createdAt;
    }

    public UUID getDecisionId() {
        return decisionId;
    }

    public byte[] getPdf() {
        return pdf.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
