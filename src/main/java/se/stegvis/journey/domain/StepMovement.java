package se.stegvis.journey.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A client's movement on the step scale over a period, as managers measure it ("share of clients who moved at least
 * one step"): from the step the client stood on when the period began — the last assessment before it, or the
 * first one in it when the journey began in the period — to the last assessment in the period.
 */
public record StepMovement(Step from, Step to) {

    /** Empty when the client has no assessment in the period, or only one and none before it. */
    public static Optional<StepMovement> inPeriod(List<StepAssessment> assessments, LocalDate first, LocalDate last) {
        Comparator<StepAssessment> byDate = Comparator.comparing(StepAssessment::getAssessedOn);
        List<StepAssessment> sorted = assessments.stream().sorted(byDate).toList();
        Optional<StepAssessment> before = sorted.stream().filter(a -> a.getAssessedOn().isBefore(first)).reduce((a, b) -> b);
        List<StepAssessment> within = sorted.stream()
                .filter(a -> !a.getAssessedOn().isBefore(first) && !a.getAssessedOn().isAfter(last)).toList();
        if (within.isEmpty()) {
            return Optional.empty();
        }
        StepAssessment end = within.get(within.size() - 1);
        StepAssessment start = before.orElse(within.get(0));
        if (start == end) {
            return Optional.empty();
        }
        return Optional.of(new StepMovement(start.getStep(), end.getStep()));
    }

    /** At least one step up: what counts as a step movement (stegförflyttning). */
    public boolean isStepUp() {
        return to.isStepUpFrom(from);
    }

    /** A step back, reported on its own; it does not cancel another client's step up. */
    public boolean isStepDown() {
        return from.isStepUpFrom(to);
    }

    public int steps() {
        return to.stepsFrom(from);
    }
}
