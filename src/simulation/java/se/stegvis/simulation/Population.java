package se.stegvis.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import se.stegvis.client.domain.SyntheticPersonnummer;
import se.stegvis.journey.domain.EducationLevel;
import se.stegvis.journey.domain.SwedishLevel;

/**
 * The synthetic population, drawn from the seed alone: the same seed and size always give the same households in
 * the same order. The shares are rough pictures of a Swedish municipality's försörjningsstöd clients (many single
 * adults, a third with children, most born abroad with SFI needs, a sixth with health limits), not statistics.
 */
public final class Population {

    private static final String[] FIRST_NAMES = {"Testperson", "Exempel", "Prov", "Demo", "Fiktiv"};
    private static final String[] LAST_NAMES = {"Simulerad", "Påhittad", "Syntetisk", "Testsson", "Exempelsson"};

    private Population() {}

    /** {@code size} households for a simulation of {@code months} months from {@code seed}. */
    public static List<SimulatedHousehold> generate(long seed, int size, int months) {
        Random master = new Random(seed);
        SyntheticPersonnummer personnummer = new SyntheticPersonnummer(new Random(master.nextLong()));
        List<SimulatedHousehold> households = new ArrayList<>(size);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int number = 1; number <= size; number++) {
            long householdSeed = master.nextLong();
            Random r = new Random(householdSeed);
            String pnr;
            do {
                pnr = personnummer.next().value();
            } while (!used.add(pnr));
            int adults = r.nextDouble() < 0.25 ? 2 : 1;
            int children = r.nextDouble() < 0.35 ? 1 + r.nextInt(3) : 0;
            List<Integer> ages = new ArrayList<>();
            for (int c = 0; c < children; c++) {
                ages.add(r.nextInt(18));
            }
            long housing = 3800 + 100L * r.nextInt(30 + 15 * (adults + children));
            long electricity = 250 + 10L * r.nextInt(40);
            long insurance = r.nextDouble() < 0.6 ? 120 + 10L * r.nextInt(15) : 0;
            // Most have no wage; some a small part-time wage; a few earn more than the norm (their applications are refused).
            double w = r.nextDouble();
            long wage = w < 0.72 ? 0 : w < 0.94 ? 1000 + 500L * r.nextInt(10) : 18000 + 1000L * r.nextInt(10);
            long other = r.nextDouble() < 0.2 ? 500 + 100L * r.nextInt(30) : 0;
            // Half the population is there from the first month; the rest come in over the period.
            int firstMonth = months == 1 || r.nextDouble() < 0.55 ? 0 : 1 + r.nextInt(months - 1);
            EducationLevel education = EducationLevel.values()[weighted(r, 0.25, 0.3, 0.3, 0.15)];
            SwedishLevel swedish = SwedishLevel.values()[weighted(r, 0.1, 0.15, 0.2, 0.15, 0.15, 0.25)];
            boolean health = r.nextDouble() < 0.17;
            boolean parentalLeave = children > 0 && ages.stream().anyMatch(a -> a < 2) && r.nextDouble() < 0.5;
            boolean licence = r.nextDouble() < 0.4;
            Integer monthsSinceJob = r.nextDouble() < 0.2 ? null : 1 + r.nextInt(60);
            String goal = r.nextDouble() < 0.8 ? "ARBETE" : "STUDIER";
            boolean ready = !health && r.nextDouble() < 0.6;
            String holder = FIRST_NAMES[r.nextInt(FIRST_NAMES.length)] + " " + LAST_NAMES[r.nextInt(LAST_NAMES.length)];
            households.add(new SimulatedHousehold(number, pnr, holder, adults, List.copyOf(ages), housing, electricity,
                    insurance, wage, other, firstMonth, education, swedish, health, parentalLeave, licence,
                    monthsSinceJob, goal, ready, householdSeed, r));
        }
        return households;
    }

    /** An index drawn with the given weights (they need not sum to 1). */
    static int weighted(Random r, double... weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = r.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
