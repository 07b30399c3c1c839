package se.stegvis.simulation;

import static se.stegvis.placement.process.PlacementProcess.*;

import java.time.LocalDate;
import java.time.YearMonth;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import se.stegvis.config.TimeConfig;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.placement.domain.InterruptionGround;
import se.stegvis.placement.domain.PlacementOutcome;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.domain.PlacementType;

/**
 * The coach's work in one placement (arbetsforberedande-insats): matching with an employer or school after a
 * waiting time, the monthly attendance report (now and then with absence without acceptable reason, which the
 * placement reports to the journey), the mid-review, and the end with an outcome drawn by the placement's type —
 * supported employment ends in work or studies about 60 % of the time. Parental leave during SFI is reported as the
 * message the placement listens for. Variables as the forms matcha-insats, rapportera-narvaro, halvtidsuppfoljning
 * and avsluta-insats set them.
 */
final class SimulatedPlacementCoach implements SimulatedRole {

    static final double UNEXCUSED_ABSENCE = 0.08;
    static final double PARENTAL_LEAVE_IN_SFI = 0.15;
    /** Hours of a placement day in the attendance report (35 hours a week: full time less the job search). */
    static final long HOURS_PER_DAY = 7;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PlacementOutcome[] OUTCOMES = {PlacementOutcome.ARBETE, PlacementOutcome.STUDIER,
            PlacementOutcome.FORTSATT_INSATS, PlacementOutcome.NASTA_STEG, PlacementOutcome.AVBRUTEN};

    private final Staff staff;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final PlacementRepository placements;
    private final BankingCalendar calendar;
    private final SimulationCounts counts;
    /** Per placement process: its type, planned end and drawn outcome, from the matching on. */
    private final Map<String, Plan> plans = new HashMap<>();

    private record Plan(PlacementType type, LocalDate plannedEnd, PlacementOutcome outcome, LocalDate endOn) {}

    SimulatedPlacementCoach(Staff staff, TaskService tasks, RuntimeService runtime, PlacementRepository placements,
                            BankingCalendar calendar, SimulationCounts counts) {
        this.staff = staff;
        this.tasks = tasks;
        this.runtime = runtime;
        this.placements = placements;
        this.calendar = calendar;
        this.counts = counts;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    /** The placement's type, for ordering a household's tasks of several placements deterministically. */
    PlacementType typeOf(String processInstanceId) {
        return types.computeIfAbsent(processInstanceId, this::loadType);
    }

    private final Map<String, PlacementType> types = new HashMap<>();

    private PlacementType loadType(String processInstanceId) {
        Object id = runtime.getVariable(processInstanceId, PLACEMENT_ID);
        return id == null ? null : placements.findById(UUID.fromString(id.toString())).map(p -> p.getType()).orElse(null);
    }

    @Override
    public LocalDate plan(SimulatedTask t) {
        String pi = t.task().getProcessInstanceId();
        return switch (t.key()) {
            // The waiting time to a placement: one to four weeks.
            case TASK_MATCH -> calendar.addWorkingDays(t.today(), t.between(4, 20));
            case TASK_REPORT_ATTENDANCE -> calendar.addWorkingDays(t.today(), t.between(1, 6));
            case TASK_MID_REVIEW -> {
                LocalDate due = t.task().getDueDate() == null ? t.today().plusMonths(2)
                        : LocalDate.ofInstant(t.task().getDueDate().toInstant(), TimeConfig.SWEDEN);
                LocalDate on = due.plusDays(t.between(-3, 3));
                yield calendar.nextBankingDayOnOrAfter(on.isAfter(t.today()) ? on : t.today().plusDays(1));
            }
            case TASK_END -> {
                Plan plan = plans.computeIfAbsent(pi, k -> drawPlan(t, typeOf(pi), t.today().plusMonths(4)));
                yield calendar.nextBankingDayOnOrAfter(plan.endOn().isAfter(t.today()) ? plan.endOn() : t.today().plusDays(1));
            }
            default -> calendar.addWorkingDays(t.today(), 1);
        };
    }

    @Override
    public void complete(SimulatedTask t) {
        String coach = staff.responsible(StegvisGroups.COACH, t.household());
        String pi = t.task().getProcessInstanceId();
        switch (t.key()) {
            case TASK_MATCH -> {
                // The form offers the providers of the right kind with a free place (local to the task); the coach
                // takes the task afresh, which brings the list up to date (and then holds it).
                staff.reclaim(t.task(), coach);
                List<String> offered = offered(t.task().getId());
                if (offered.isEmpty()) {
                    throw new NotYet("Ingen anordnare har en ledig plats", t.between(3, 8));
                }
                PlacementType type = typeOf(pi);
                LocalDate plannedEnd = t.today().plusMonths(t.between(3, 6));
                var vars = Variables.createVariables()
                        .putValue(PROVIDER_ID, offered.get(t.random().nextInt(offered.size())))
                        .putValue(MATCHED_ON, t.today().toString())
                        .putValue(START_DATE, t.today().toString())
                        .putValue(PLANNED_END, plannedEnd.toString());
                if (type != null && type.includesSfi()) {
                    // The form asks for the first SFI admission as the study plan gives it (pre-filled once known);
                    // the right lasts three years from it, so it covers a start today.
                    vars.putValue(SFI_FIRST_ADMISSION, t.state().sfiFirstAdmission(t.today()).toString());
                }
                staff.completeClaimed(t.task(), coach, vars);
                counts.add("insats_matchad_" + type);
                plans.put(pi, drawPlan(t, type, plannedEnd));
                t.state().step = stepOf(type);
            }
            case TASK_REPORT_ATTENDANCE -> attendance(t, coach, pi);
            case TASK_MID_REVIEW -> staff.complete(t.task(), coach, Variables.createVariables()
                    .putValue(MID_REVIEW_NOTE, "Halvtidsuppföljning med handledaren: insatsen fortsätter."));
            case TASK_END -> {
                Plan plan = plans.computeIfAbsent(pi, k -> drawPlan(t, typeOf(pi), t.today()));
                var vars = Variables.createVariables().putValue(OUTCOME, plan.outcome().name())
                        .putValue(END_DATE, t.today().toString());
                if (plan.outcome() == PlacementOutcome.AVBRUTEN) {
                    // Why: half with godtagbart skäl (moved, ill), the rest declined or broken off without one, which
                    // for a client covered by the aktivitetskrav proposes a reduction by itself.
                    double draw = t.random().nextDouble();
                    InterruptionGround ground = draw < 0.5 ? InterruptionGround.GODTAGBART_SKAL
                            : draw < 0.8 ? InterruptionGround.UTAN_GODTAGBART_SKAL : InterruptionGround.AVBOJD;
                    vars.putValue(INTERRUPTION_GROUND, ground.name());
                    vars.putValue(INTERRUPTION_REASON, ground == InterruptionGround.GODTAGBART_SKAL
                            ? "Flyttar eller är sjuk; ny planering behövs." : "Slutade komma; ny planering behövs.");
                    counts.add("insats_avbruten_" + ground.name());
                }
                staff.complete(t.task(), coach, vars);
                plans.remove(pi);
                counts.add("insats_avslutad_" + plan.outcome().name());
                if (plan.outcome().workOrStudies()) {
                    // The placement process ends the journey with this exit by itself.
                    t.state().step = 6;
                }
            }
            default -> throw new IllegalStateException("Ingen i simuleringen gör uppgiften " + t.key());
        }
    }

    private void attendance(SimulatedTask t, String coach, String pi) {
        YearMonth month = YearMonth.from(LocalDate.ofInstant(t.task().getCreateTime().toInstant(), TimeConfig.SWEDEN))
                .minusMonths(1);
        long planned = t.between(12, 20);
        long absent = t.chance(UNEXCUSED_ABSENCE) ? t.between(1, 4) : 0;
        long excused = t.between(0, 2);
        // The form asks for the month in days and in hours (the aktivitetskrav counts hours): a placement day is
        // HOURS_PER_DAY hours, so the hours follow the days without a draw of their own.
        staff.complete(t.task(), coach, Variables.createVariables()
                .putValue(ATTENDANCE_MONTH, month.toString())
                .putValue(DAYS_PLANNED, planned)
                .putValue(DAYS_PRESENT, planned - absent - excused)
                .putValue(DAYS_ABSENT_UNEXCUSED, absent)
                .putValue(HOURS_PLANNED, planned * HOURS_PER_DAY)
                .putValue(HOURS_PRESENT, (planned - absent - excused) * HOURS_PER_DAY)
                .putValue(HOURS_ABSENT_UNEXCUSED, absent * HOURS_PER_DAY));
        counts.add("narvaro_rapporterad");
        if (absent > 0) {
            counts.add("franvaro_utan_skal");
        }
        PlacementType type = typeOf(pi);
        if (type == PlacementType.SFI && t.household().parentalLeave() && t.chance(PARENTAL_LEAVE_IN_SFI)) {
            runtime.createMessageCorrelation(MESSAGE_PARENTAL_LEAVE)
                    .processInstanceVariableEquals(PLACEMENT_ID, String.valueOf(runtime.getVariable(pi, PLACEMENT_ID)))
                    .correlateAll();
            counts.add("foraldraledighet_flex_sfi");
        }
    }

    /** The outcome by type, and when it comes: at the planned end, or earlier when the placement is interrupted. */
    private Plan drawPlan(SimulatedTask t, PlacementType type, LocalDate plannedEnd) {
        double[] weights = weights(type);
        PlacementOutcome outcome = OUTCOMES[Population.weighted(t.random(), weights)];
        LocalDate endOn = plannedEnd;
        if (outcome == PlacementOutcome.AVBRUTEN) {
            long days = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(t.today(), plannedEnd));
            endOn = t.today().plusDays(Math.max(1, days * t.between(20, 70) / 100));
        }
        return new Plan(type, plannedEnd, outcome, endOn);
    }

    /** Weights of ARBETE, STUDIER, FORTSATT_INSATS, NASTA_STEG, AVBRUTEN by type. */
    static double[] weights(PlacementType type) {
        if (type == null) {
            return new double[] {0.2, 0.05, 0.15, 0.45, 0.15};
        }
        if (type.subsidisedEmployment()) {
            return new double[] {0.5, 0.1, 0.15, 0.15, 0.1};
        }
        return switch (type) {
            case PRAKTIK, ARBETSTRANING -> new double[] {0.25, 0.05, 0.1, 0.45, 0.15};
            case SFI, SVA, FLEX_SFI, KOMBINATIONSUTBILDNING -> new double[] {0.1, 0.15, 0.1, 0.55, 0.1};
            case STUDIER -> new double[] {0.1, 0.5, 0.1, 0.15, 0.15};
            default -> new double[] {0.05, 0.0, 0.2, 0.6, 0.15};
        };
    }

    static int stepOf(PlacementType type) {
        if (type == null) {
            return 3;
        }
        if (type.subsidisedEmployment()) {
            return 5;
        }
        return switch (type) {
            case PRAKTIK, ARBETSTRANING -> 3;
            case KOMBINATIONSUTBILDNING, STUDIER -> 4;
            default -> 2;
        };
    }

    /** The provider ids the matching form offers, in the form's order. */
    private List<String> offered(String taskId) {
        Object value = tasks.getVariableLocal(taskId, AVAILABLE_PROVIDERS);
        if (value == null) {
            return List.of();
        }
        try {
            List<Map<String, String>> options = JSON.readValue(value.toString(), new TypeReference<>() {});
            return options.stream().map(o -> o.get("value")).filter(java.util.Objects::nonNull).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Anordnarlistan kan inte läsas", e);
        }
    }
}
