package se.stegvis.journey.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.stegvis.placement.domain.PlacementType;

/** The journey's rules: due process for a sanction, the plan's kept revisions and the exit's follow-up date. */
class JourneyRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 4, 14);
    static final Instant NOW = Instant.parse("2026-04-14T08:00:00Z");

    static Sanction proposed() {
        return new Sanction(UUID.randomUUID(), null, "Uteblev från praktik 7–9 april", 1_200, "coach1", NOW);
    }

    @Test
    void isNotDecidedBeforeKommunicering() {
        Sanction sanction = proposed();
        assertThat(sanction.decidable(TODAY.plusDays(30))).isFalse();
        assertThatThrownBy(() -> sanction.decide(SanctionDecision.UPHELD, 1_200, "Frånvaro", "handlaggare1", NOW, TODAY))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void isDecidedWhenTheClientHasAnsweredOrTheTimeHasPassed() {
        Sanction waiting = proposed();
        waiting.communicated(NOW, TODAY.plusDays(7));
        assertThat(waiting.decidable(TODAY.plusDays(7))).as("the last day to answer").isFalse();
        assertThat(waiting.decidable(TODAY.plusDays(8))).isTrue();

        Sanction answered = proposed();
        answered.communicated(NOW, TODAY.plusDays(7));
        answered.clientResponded("Jag hade inget busskort.", NOW);
        assertThat(answered.decidable(TODAY)).isTrue();
    }

    @Test
    void anUpheldDecisionHasAPositiveAmountAndWrittenReasons() {
        Sanction sanction = proposed();
        sanction.communicated(NOW, TODAY.minusDays(1));
        assertThatThrownBy(() -> sanction.decide(SanctionDecision.UPHELD, 0, "Frånvaro", "handlaggare1", NOW, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sanction.decide(SanctionDecision.UPHELD, 1_200, " ", "handlaggare1", NOW, TODAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sanction.decide(SanctionDecision.UPHELD, 1_201, "Frånvaro", "handlaggare1", NOW, TODAY))
                .as("more than the client was told of").isInstanceOf(IllegalArgumentException.class);

        sanction.decide(SanctionDecision.DROPPED, 500, "Godtagbart skäl", "handlaggare1", NOW, TODAY);
        assertThat(sanction.getStatus()).isEqualTo(SanctionStatus.BESLUTAD);
        assertThat(sanction.getDecidedAmount()).as("dropped: nothing reduced").contains(0L);
        assertThatThrownBy(() -> sanction.decide(SanctionDecision.UPHELD, 1_200, "Ändrat", "handlaggare1", NOW, TODAY))
                .as("decided once").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyRevisionOfThePlanIsANewNumberedVersionWithAReason() {
        IndividualPlan plan = new IndividualPlan(UUID.randomUUID(), NOW);
        PlanVersion first = plan.revise(OwnGoal.ARBETE, "Snickare", List.of(new PlanStep("Praktik", TODAY.plusMonths(1))),
                List.of(PlacementType.PRAKTIK), null, "coach1", NOW);
        assertThatThrownBy(() -> plan.revise(OwnGoal.ARBETE, "Snickare", List.of(), List.of(), "", "coach1", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        PlanVersion second = plan.revise(OwnGoal.STUDIER, "Snickare", List.of(), List.of(PlacementType.STUDIER),
                "Vill läsa byggprogrammet på komvux", "coach1", NOW);

        assertThat(first.getVersionNumber()).isEqualTo(1);
        assertThat(second.getVersionNumber()).isEqualTo(2);
        assertThat(plan.getCurrentVersion()).isEqualTo(2);
        assertThat(first.getGoal()).as("the earlier version is unchanged").isEqualTo(OwnGoal.ARBETE);
        first.agreedWithClient(NOW);
        assertThatThrownBy(() -> first.agreedWithClient(NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theExitFollowUpIsDueSixMonthsLaterAndNotBeforeTheExit() {
        JourneyExit exit = new JourneyExit(UUID.randomUUID(), ExitReason.STUDIER, TODAY, null, "coach1", NOW);
        assertThat(exit.followUpDue()).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(exit.toWorkOrStudies()).isTrue();
        assertThat(new JourneyExit(UUID.randomUUID(), ExitReason.FLYTTAT, TODAY, null, "coach1", NOW).toWorkOrStudies())
                .isFalse();
        assertThatThrownBy(() -> new ExitFollowUp(exit, TODAY.minusDays(1), true, false, null, "coach1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
