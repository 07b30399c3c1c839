package se.stegvis.simulation;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** What the simulation remembers about one household while it runs (never stored). */
final class HouseholdState {

    final SimulatedHousehold household;
    UUID clientId;
    boolean applied;
    /** The household applies no more (exit, or gave up after a refusal) until {@link #returnsIn}. */
    boolean away;
    YearMonth returnsIn;
    boolean exitedFromJourney;
    boolean appliedAfterExit;
    /** The day of the current month the household applies, or null when it does not apply this month. */
    LocalDate applyOn;
    /** Applications (process instance ids) where a komplettering has been asked for: asked once only. */
    final Set<String> supplementAsked = new HashSet<>();
    /** The coach's view of the step on the scale 1–6 (journey/domain/Step). */
    int step;
    /** The household's applications in the order it made them. */
    final java.util.List<UUID> applications = new java.util.ArrayList<>();
    /** When the household sends the komplettering asked for, per application. */
    final java.util.Map<UUID, LocalDate> supplementAnswers = new java.util.LinkedHashMap<>();
    /** Proposed reductions (sanction ids) the household will respond to. */
    final java.util.List<String> sanctionsAwaitingResponse = new java.util.ArrayList<>();
    /** This month's application was refused (avslag). */
    boolean refusedLastMonth;
    /** The next application is a new one (nyansökan): the household comes back after an exit. */
    boolean newApplication;
    /** The latest placement ended in work or studies: the coach closes the case. */
    String exitReasonPlanned;

    /** The person's first admission to SFI, once a coach has recorded it (see {@link #sfiFirstAdmission}). */
    private LocalDate sfiFirstAdmission;

    /**
     * The day the person was first admitted to SFI, as the study plan says: fixed the first time a coach matches a
     * placement with SFI ({@code today}), some months earlier by the Swedish level the household was drawn with (SFI
     * course A: 1–6 months, B: 4–12, C: 8–18, D: 12–24, further on: 18–30), never in the future, so the three-year
     * right covers a start on that day. Drawn from the household's seed, not its random stream, so no other draw of
     * the household changes.
     */
    LocalDate sfiFirstAdmission(LocalDate today) {
        if (sfiFirstAdmission == null) {
            int[] range = switch (household.swedish()) {
                case SFI_A -> new int[] {1, 6};
                case SFI_B -> new int[] {4, 12};
                case SFI_C -> new int[] {8, 18};
                case SFI_D -> new int[] {12, 24};
                default -> new int[] {18, 30};
            };
            java.util.Random own = new java.util.Random(household.randomSeed() ^ 0x5F15F15FL);
            int months = range[0] + own.nextInt(range[1] - range[0] + 1);
            sfiFirstAdmission = today.minusMonths(months).minusDays(own.nextInt(28));
        }
        return sfiFirstAdmission;
    }

    HouseholdState(SimulatedHousehold household) {
        this.household = household;
        this.step = household.healthLimits() ? 1 : 2;
    }
}
