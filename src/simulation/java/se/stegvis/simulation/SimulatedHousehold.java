package se.stegvis.simulation;

import java.util.List;
import java.util.Random;
import se.stegvis.journey.domain.EducationLevel;
import se.stegvis.journey.domain.SwedishLevel;

/**
 * One synthetic household of the simulation: its composition, costs and incomes as it declares them, the traits a
 * coach finds in the kartläggning, and its own random stream. Nothing here is a real person: the personnummer is a
 * synthetic samordningsnummer (application/domain/SyntheticPersonnummer) and the account holder a made-up name.
 *
 * <p>Every draw about this household comes from {@link #random()}, seeded from the simulation's seed and the
 * household's number, so the outcome of a draw never depends on the order in which the database returns other
 * households' tasks, or on any database id.
 */
public record SimulatedHousehold(
        int number,
        String personnummer,
        String accountHolder,
        int adults,
        List<Integer> childrenAges,
        long housing,
        long electricity,
        long homeInsurance,
        long wage,
        long otherIncome,
        int firstMonth,
        EducationLevel education,
        SwedishLevel swedish,
        boolean healthLimits,
        boolean parentalLeave,
        boolean drivingLicence,
        Integer monthsSinceLastJob,
        String ownGoal,
        boolean readyForCompanyPlacement,
        long randomSeed,
        Random random) {

    /** Child benefit (barnbidrag) per child and month. */
    public static final long CHILD_BENEFIT = 1250;

    public long childBenefit() {
        return CHILD_BENEFIT * childrenAges.size();
    }

    /** Compared by what was drawn, not by the state of the random stream. */
    public Object[] drawn() {
        return new Object[] {number, personnummer, accountHolder, adults, childrenAges, housing, electricity,
                homeInsurance, wage, otherIncome, firstMonth, education, swedish, healthLimits, parentalLeave,
                drivingLicence, monthsSinceLastJob, ownGoal, readyForCompanyPlacement, randomSeed};
    }
}
