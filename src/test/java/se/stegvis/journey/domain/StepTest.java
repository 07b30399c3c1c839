package se.stegvis.journey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import se.stegvis.placement.domain.PlacementType;

/** The step scale (docs/stegforflyttning.md): ordinal, stored by level, and what counts as a step movement. */
class StepTest {

    static final UUID JOURNEY = UUID.randomUUID();

    @Test
    void levelsRunOneToSixInTheOrderOfTheScale() {
        assertThat(Arrays.stream(Step.values()).mapToInt(Step::level)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Step.INTE_REDO.level()).isEqualTo(1);
        assertThat(Step.OSUBVENTIONERAT_ARBETE_ELLER_REGULJARA_STUDIER.level()).isEqualTo(6);
    }

    @Test
    void labelsAreSwedish() {
        assertThat(Step.ARBETSFORBEREDANDE_INSATS.numberedLabel())
                .isEqualTo("Steg 3: I arbetsförberedande insats (arbetsträning/praktik)");
        assertThat(Step.INTE_REDO.label()).isEqualTo("Inte redo för aktivitet");
    }

    @ParameterizedTest
    @EnumSource(Step.class)
    void levelRoundTripsThroughTheDatabaseConverter(Step step) {
        StepConverter converter = new StepConverter();
        assertThat(converter.convertToDatabaseColumn(step)).isEqualTo(step.level());
        assertThat(converter.convertToEntityAttribute(step.level())).isEqualTo(step);
        assertThat(Step.ofLevel(step.level())).isEqualTo(step);
    }

    @Test
    void noStepOutsideTheScale() {
        assertThatThrownBy(() -> Step.ofLevel(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Step.ofLevel(7)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStepUpIsAHigherLevelAndNothingElse() {
        assertThat(Step.ARBETSFORBEREDANDE_INSATS.isStepUpFrom(Step.FORBEREDANDE_AKTIVITET)).isTrue();
        assertThat(Step.SUBVENTIONERAD_ANSTALLNING.isStepUpFrom(Step.INTE_REDO)).as("skipping steps is a step up").isTrue();
        assertThat(Step.FORBEREDANDE_AKTIVITET.isStepUpFrom(Step.FORBEREDANDE_AKTIVITET)).as("staying").isFalse();
        assertThat(Step.FORBEREDANDE_AKTIVITET.isStepUpFrom(Step.ARBETSFORBEREDANDE_INSATS)).as("moving down").isFalse();
        assertThat(Step.SUBVENTIONERAD_ANSTALLNING.stepsFrom(Step.INTE_REDO)).isEqualTo(4);
        assertThat(Step.INTE_REDO.stepsFrom(Step.ARBETSFORBEREDANDE_INSATS)).isEqualTo(-2);
    }

    @Test
    void everyPlacementTypeHasAStepBelowTheTop() {
        for (PlacementType type : PlacementType.values()) {
            assertThat(Step.whileIn(type)).as(type.name())
                    .isNotIn(Step.INTE_REDO, Step.OSUBVENTIONERAT_ARBETE_ELLER_REGULJARA_STUDIER);
        }
        assertThat(Step.whileIn(PlacementType.PRAKTIK)).isEqualTo(Step.ARBETSFORBEREDANDE_INSATS);
        assertThat(Step.whileIn(PlacementType.NYSTARTSJOBB)).isEqualTo(Step.SUBVENTIONERAD_ANSTALLNING);
        assertThat(Step.whileIn(PlacementType.FLEX_SFI)).isEqualTo(Step.FORBEREDANDE_AKTIVITET);
        assertThat(Step.whileIn(PlacementType.KOMBINATIONSUTBILDNING)).isEqualTo(Step.STUDIER_ELLER_KOMBINATIONSUTBILDNING);
    }

    @Test
    void movementInAPeriodRunsFromTheLastAssessmentBeforeItToTheLastInIt() {
        List<StepAssessment> assessments = List.of(
                assessed("2026-01-20", Step.FORBEREDANDE_AKTIVITET),
                assessed("2026-02-17", Step.INTE_REDO),
                assessed("2026-03-17", Step.ARBETSFORBEREDANDE_INSATS));

        StepMovement q1 = StepMovement.inPeriod(assessments, day("2026-02-01"), day("2026-03-31")).orElseThrow();

        assertThat(q1).isEqualTo(new StepMovement(Step.FORBEREDANDE_AKTIVITET, Step.ARBETSFORBEREDANDE_INSATS));
        assertThat(q1.isStepUp()).as("a dip inside the period does not hide the step up").isTrue();
        assertThat(q1.steps()).isEqualTo(1);
    }

    @Test
    void aJourneyStartedInThePeriodMovesFromItsFirstAssessment() {
        List<StepAssessment> assessments = List.of(
                assessed("2026-03-17", Step.SUBVENTIONERAD_ANSTALLNING),
                assessed("2026-02-17", Step.ARBETSFORBEREDANDE_INSATS));

        StepMovement movement = StepMovement.inPeriod(assessments, day("2026-02-01"), day("2026-03-31")).orElseThrow();

        assertThat(movement.from()).isEqualTo(Step.ARBETSFORBEREDANDE_INSATS);
        assertThat(movement.steps()).isEqualTo(2);
    }

    @Test
    void aStepDownIsReportedAsSuchAndStayingIsNoMovement() {
        StepMovement down = StepMovement.inPeriod(List.of(assessed("2026-01-10", Step.SUBVENTIONERAD_ANSTALLNING),
                assessed("2026-02-10", Step.FORBEREDANDE_AKTIVITET)), day("2026-02-01"), day("2026-02-28")).orElseThrow();
        assertThat(down.isStepDown()).isTrue();
        assertThat(down.isStepUp()).isFalse();

        StepMovement same = StepMovement.inPeriod(List.of(assessed("2026-01-10", Step.FORBEREDANDE_AKTIVITET),
                assessed("2026-02-10", Step.FORBEREDANDE_AKTIVITET)), day("2026-02-01"), day("2026-02-28")).orElseThrow();
        assertThat(same.isStepUp()).isFalse();
        assertThat(same.isStepDown()).isFalse();
    }

    @Test
    void noMovementWithoutTwoAssessmentsToCompare() {
        assertThat(StepMovement.inPeriod(List.of(assessed("2026-02-10", Step.INTE_REDO)),
                day("2026-02-01"), day("2026-02-28"))).as("only one, in the period").isEmpty();
        assertThat(StepMovement.inPeriod(List.of(assessed("2026-01-10", Step.INTE_REDO)),
                day("2026-02-01"), day("2026-02-28"))).as("none in the period").isEmpty();
    }

    static StepAssessment assessed(String day, Step step) {
        return new StepAssessment(JOURNEY, day(day), "coach1", step, "Bedömd vid uppföljningssamtal", Instant.now());
    }

    static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
