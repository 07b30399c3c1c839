package se.stegvis.journey.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One step of a plan version: what the client will do, and by when. */
@Embeddable
public class PlanStep {

    @Column(nullable = false, length = 500)
    private String description;

    @Column(name = "due_date")
    private LocalDate dueDate;

    protected PlanStep() {}

    public PlanStep(String description, LocalDate dueDate) {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a plan step has a description");
        }
        this.description = description;
        this.dueDate = dueDate;
    }

    public String getDescription() {
        return description;
    }

    public Optional<LocalDate> getDueDate() {
        return Optional.ofNullable(dueDate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanStep other && description.equals(other.description) && Objects.equals(dueDate, other.dueDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(description, dueDate);
    }

    @Override
    public String toString() {
        return description + (dueDate == null ? "" : " (senast " + dueDate + ")");
    }
}
