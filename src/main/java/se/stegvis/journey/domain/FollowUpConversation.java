package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One follow-up conversation (Uppföljningssamtal) of a journey, as Stegvis' own record of the engine's task: when it
 * was due, and when it ended and whether it was held (completed) or cancelled (the journey ended first). The key
 * figure {@code uppfoljning_i_tid} (docs/nyckeltal.md) is computed from these rows, so that cleaning up the engine's
 * history does not change it.
 */
@Entity
@Table(name = "follow_up_conversation")
public class FollowUpConversation {

    @Id
    @Column(name = "task_id", length = 64)
    private String taskId;

    @Column(name = "journey_id", nullable = false)
    private UUID journeyId;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(nullable = false)
    private boolean completed;

    protected FollowUpConversation() {}

    public FollowUpConversation(String taskId, UUID journeyId, Instant dueAt) {
        this.taskId = Objects.requireNonNull(taskId);
        this.journeyId = Objects.requireNonNull(journeyId);
        this.dueAt = Objects.requireNonNull(dueAt);
    }

    /** The due date was changed while the task was open. */
    public void dueAt(Instant due) {
        this.dueAt = Objects.requireNonNull(due);
    }

    /** Held: the coach completed the task at {@code at}. */
    public void held(Instant at) {
        this.endedAt = at;
        this.completed = true;
    }

    /** Cancelled with its scope (the journey ended) at {@code at}. */
    public void cancelled(Instant at) {
        if (endedAt == null) {
            this.endedAt = at;
        }
    }

    public String getTaskId() {
        return taskId;
    }

    public UUID getJourneyId() {
        return journeyId;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Optional<Instant> getEndedAt() {
        return Optional.ofNullable(endedAt);
    }

    public boolean isCompleted() {
        return completed;
    }
}
