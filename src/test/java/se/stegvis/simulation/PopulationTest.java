package se.stegvis.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.client.domain.SyntheticPersonnummer;

/** The population and each household's random stream come from the seed alone. */
class PopulationTest {

    @Test
    void theSameSeedGivesTheSameHouseholdsAndTheSameDraws() {
        List<SimulatedHousehold> first = Population.generate(42, 200, 12);
        List<SimulatedHousehold> again = Population.generate(42, 200, 12);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).drawn()).containsExactly(first.get(i).drawn());
            // What the simulation draws later for the household is the same sequence too.
            for (int k = 0; k < 50; k++) {
                assertThat(again.get(i).random().nextDouble()).isEqualTo(first.get(i).random().nextDouble());
            }
        }
    }

    @Test
    void aLargerPopulationStartsWithTheSameHouseholds() {
        List<SimulatedHousehold> small = Population.generate(7, 15, 4);
        List<SimulatedHousehold> large = Population.generate(7, 300, 4);
        for (int i = 0; i < small.size(); i++) {
            assertThat(large.get(i).personnummer()).isEqualTo(small.get(i).personnummer());
            assertThat(large.get(i).randomSeed()).isEqualTo(small.get(i).randomSeed());
        }
    }

    @Test
    void anotherSeedGivesOtherHouseholds() {
        assertThat(Population.generate(1, 50, 12)).extracting(SimulatedHousehold::personnummer)
                .doesNotContainAnyElementsOf(Population.generate(2, 50, 12).stream()
                        .map(SimulatedHousehold::personnummer).toList());
    }

    @Test
    void onlySyntheticPersonnummerAndPlausibleHouseholds() {
        List<SimulatedHousehold> population = Population.generate(42, 1000, 12);
        assertThat(population).extracting(SimulatedHousehold::personnummer).doesNotHaveDuplicates();
        assertThat(population).allSatisfy(h -> {
            assertThat(SyntheticPersonnummer.isSynthetic(new Personnummer(h.personnummer()))).isTrue();
            assertThat(h.adults()).isBetween(1, 2);
            assertThat(h.childrenAges()).allSatisfy(age -> assertThat(age).isBetween(0, 17));
            assertThat(h.firstMonth()).isBetween(0, 11);
            assertThat(h.housing()).isPositive();
        });
        // Some come in later, some have health limits, some earn more than the norm.
        assertThat(population).anyMatch(h -> h.firstMonth() > 0).anyMatch(h -> h.firstMonth() == 0)
                .anyMatch(SimulatedHousehold::healthLimits).anyMatch(h -> h.wage() >= 18000);
    }

    @Test
    void supportedEmploymentEndsInWorkOrStudiesAboutSixtyPercentOfTheTime() {
        for (var type : se.stegvis.placement.domain.PlacementType.values()) {
            double[] w = SimulatedPlacementCoach.weights(type);
            double total = java.util.Arrays.stream(w).sum();
            double workOrStudies = (w[0] + w[1]) / total;
            if (type.subsidisedEmployment()) {
                assertThat(workOrStudies).as(type.name()).isBetween(0.55, 0.65);
            } else {
                assertThat(workOrStudies).as(type.name()).isLessThan(0.61);
            }
        }
    }
}
