package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A letter about a sanction as sent: the PDF itself, one of each {@link Kind} per sanction. */
@Entity
@Table(name = "sanction_letter")
@IdClass(SanctionLetter.Key.class)
public class SanctionLetter {

    /** Which letter. */
    public enum Kind {
        /** Before the decision: what is considered, and the client's right to answer (in writing or orally). */
        KOMMUNICERING,
        /** The decision on the reduction, with the appeal instructions. */
        BESLUT
    }

    /** The composite key: sanction and kind. */
    public static class Key implements Serializable {
        private UUID sanctionId;
        private Kind kind;

        protected Key() {}

        public Key(UUID sanctionId, Kind kind) {
            this.sanctionId = sanctionId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sanctionId, k.sanctionId) && kind == k.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(sanctionId, kind);
        }
    }

    @Id
    @Column(name = "sanction_id")
    private UUID sanctionId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Kind kind;

    @Column(nullable = false)
    private byte[] pdf;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected SanctionLetter() {}

    public SanctionLetter(UUID sanctionId, Kind kind, byte[] pdf, Instant createdAt) {
        this.sanctionId = sanctionId;
        this.kind = kind;
        this.pdf = pdf.clone();
        this.createdAt = createdAt;
    }

    public UUID getSanctionId() {
        return sanctionId;
    }

    public Kind getKind() {
        return kind;
    }

    public byte[] getPdf() {
        return pdf.clone();
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
