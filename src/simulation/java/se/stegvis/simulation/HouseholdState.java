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

    HouseholdState(SimulatedHousehold household) {
        this.household = household;
        this.step = household.healthLimits() ? 1 : 2;
    }
}
