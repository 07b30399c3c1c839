package se.stegvis.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.stegvis.journey.domain.SwedishLevel;
import se.stegvis.placement.domain.SfiRight;

/** The pieces of the simulation that need no engine: the first SFI admission the coach records, the cost table. */
class SimulationStepsTest {

    @Test
    void theFirstSfiAdmissionIsAPastDayByTheSwedishLevelTheSameForTheHouseholdAndCoversTheStart() {
        List<SimulatedHousehold> population = Population.generate(42, 300, 12);
        List<SimulatedHousehold> again = Population.generate(42, 300, 12);
        LocalDate matched = LocalDate.of(2025, 3, 10);
        for (int i = 0; i < population.size(); i++) {
            HouseholdState state = new HouseholdState(population.get(i));
            LocalDate first = state.sfiFirstAdmission(matched);
            int[] months = switch (population.get(i).swedish()) {
                case SFI_A -> new int[] {1, 6};
                case SFI_B -> new int[] {4, 12};
                case SFI_C -> new int[] {8, 18};
                case SFI_D -> new int[] {12, 24};
                default -> new int[] {18, 30};
            };
            assertThat(first).isBefore(matched)
                    .isBeforeOrEqualTo(matched.minusMonths(months[0]))
                    .isAfter(matched.minusMonths(months[1]).minusDays(28));
            // The three-year right covers a start on the day of the matching, also for a matching in the last month
            // the riksnorm table allows.
            assertThat(SfiRight.from(first).coversDay(matched)).isTrue();
            assertThat(SfiRight.from(new HouseholdState(population.get(i)).sfiFirstAdmission(LocalDate.of(2026, 12, 31)))
                    .coversDay(LocalDate.of(2026, 12, 31))).isTrue();
            // One day for the person: a later placement with SFI gets the same day.
            assertThat(state.sfiFirstAdmission(matched.plusMonths(7))).isEqualTo(first);
            // Drawn from the seed, not the household's random stream: the household's later draws are unchanged.
            assertThat(population.get(i).random().nextDouble()).isEqualTo(again.get(i).random().nextDouble());
        }
        // Not all on one day: the households' seeds spread them.
        assertThat(population.stream().map(h -> new HouseholdState(h).sfiFirstAdmission(matched)).distinct().count())
                .isGreaterThan(100);
        assertThat(population).extracting(SimulatedHousehold::swedish).contains(SwedishLevel.SFI_A, SwedishLevel.FLYTANDE);
    }

    @Test
    void theCostTableGivesCountTotalAndAverageByGroupTheMostExpensiveFirst() {
        StepCosts costs = new StepCosts();
        costs.add(StepCosts.JOB, "ServiceTask_CreateLetter", 30_000_000);
        costs.add(StepCosts.JOB, "ServiceTask_CreateLetter", 50_000_000);
        costs.add(StepCosts.JOB, "(inkomstkontroll)", 10, 200_000_000);
        costs.add(StepCosts.TASK, "UserTask_MatchPlacement (nekad)", 25_000_000);
        costs.add(StepCosts.OWN, "(jobbfrågan)", 1_000_000);

        assertThat(costs.all()).extracting(StepCosts.StepCost::group, StepCosts.StepCost::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("jobb", "(inkomstkontroll)"),
                org.assertj.core.groups.Tuple.tuple("jobb", "ServiceTask_CreateLetter"),
                org.assertj.core.groups.Tuple.tuple("simulering", "(jobbfrågan)"),
                org.assertj.core.groups.Tuple.tuple("uppgift", "UserTask_MatchPlacement (nekad)"));
        StepCosts.StepCost letter = costs.all().get(1);
        assertThat(letter.count()).isEqualTo(2);
        assertThat(letter.totalMillis()).isEqualTo(80);
        assertThat(letter.averageMillis()).isEqualTo(40.0);
        assertThat(costs.all().get(0).averageMillis()).isEqualTo(20.0);
        assertThat(costs.totalMillis(StepCosts.JOB)).isEqualTo(280);
        assertThat(costs.slowest(StepCosts.JOB, 1)).isEqualTo("[(inkomstkontroll) 200 ms]");
        assertThat(StepCosts.table(costs.all())).contains("ServiceTask_CreateLetter", "80", "40.0", "medel ms");
    }
}
