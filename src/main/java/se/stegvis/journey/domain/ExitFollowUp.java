package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-up six months after an exit: is the person still in work or studies, and did they come back to
 * assistance. The basis of "the share still in work or studies six months after exit".
 */
@Entity
@Table(name = "exit_follow_up")
public class ExitFollowUp {

    @Id
    private UUID id;

    @Column(name = "exit_id", nullable = false, unique = true)
    private UUID exitId;

    @Column(name = "followed_up_on", nullable = false)
    private LocalDate followedUpOn;

    @Column(name = "in_work_or_studies", nullable = false)
    private boolean inWorkOrStudies;

    @Column(name = "returned_to_assistance", nullable = false)
    private boolean returnedToAssistance;

    @Column(length = 1000)
    private String note;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    protected ExitFollowUp() {}

    public ExitFollowUp(JourneyExit exit, LocalDate followedUpOn, boolean inWorkOrStudies, boolean returnedToAssistance,
                        String note, String recordedBy) {
        if (followedUpOn.isBefore(exit.getExitDate())) {
            throw new IllegalArgumentException("a follow-up comes after the exit " + exit.getExitDate());
        }
        this.id = UUID.randomUUID();
        this.exitId = exit.getId();
        this.followedUpOn = followedUpOn;
        this.inWorkOrStudies = inWorkOrStudies;
        this.returnedToAssistance = returnedToAssistance;
        this.note = note;
        this.recordedBy = recordedBy;
    }

    public UUID getId() {
        return id;
    }

    public UUID getExitId() {
        return exitId;
    }

    public LocalDate getFollowedUpOn() {
        return followedUpOn;
    }

    public boolean isInWorkOrStudies() {
        return inWorkOrStudies;
    }

    public boolean hasReturnedToAssistance() {
        return returnedToAssistance;
    }

    public Optional<String> getNote() {
        return Optional.ofNullable(note);
    }

    public String getRecordedBy() {
        return recordedBy;
    }
}
