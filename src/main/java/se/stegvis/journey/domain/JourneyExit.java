package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/** The exit (avslut) of a journey: why and when. Six months later comes an {@link ExitFollowUp}. */
@Entity
@Table(name = "journey_exit")
public class JourneyExit {

    /** When the follow-up after the exit is due. */
    public static final int FOLLOW_UP_MONTHS = 6;

    @Id
    private UUID id;

    @Column(name = "journey_id", nullable = false, unique = true)
    private UUID journeyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ExitReason reason;

    @Column(name = "exit_date", nullable = false)
    private LocalDate exitDate;

    @Column(length = 1000)
    private String note;

    @Column(name = "registered_by", nullable = false, length = 64)
    private String registeredBy;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    protected JourneyExit() {}

    public JourneyExit(UUID journeyId, ExitReason reason, LocalDate exitDate, String note, String registeredBy,
                       Instant registeredAt) {
        this.id = UUID.randomUUID();
        this.journeyId = journeyId;
        this.reason = reason;
        this.exitDate = exitDate;
        this.note = note;
        this.registeredBy = registeredBy;
        this.registeredAt = registeredAt;
    }

    /** The day of the six-month follow-up. */
    public LocalDate followUpDue() {
        return exitDate.plusMonths(FOLLOW_UP_MONTHS);
    }

    /** Left for work or studies: what the municipality's "share who went on to work or studies" counts. */
    public boolean toWorkOrStudies() {
        return reason == ExitReason.ARBETE || reason == ExitReason.STUDIER;
    }

    public UUID getId() {
        return id;
    }

    public UUID getJourneyId() {
        return journeyId;
    }

    public ExitReason getReason() {
        return reason;
    }

    public LocalDate getExitDate() {
        return exitDate;
    }

    public Optional<String> getNote() {
        return Optional.ofNullable(note);
    }

    public String getRegisteredBy() {
        return registeredBy;
    }
}
