package se.stegvis.simulation;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import se.stegvis.activity.ActivityRequirementRules;
import se.stegvis.activity.ActivityRequirementService;
import se.stegvis.activity.ActivityRequirementSettings;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.journey.JourneyService;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.payment.domain.BankingCalendar;

/**
 * The people of the client journey (klientresa): the coach maps, plans, holds the follow-up conversations (now and
 * then too late, which escalates to the team leader), revises the plan, closes the case and follows up six months
 * after the exit; a handläggare decides on proposed reductions. Variables as the forms kartlaggning,
 * individuell-planering, uppfoljningssamtal, missat-uppfoljningssamtal, besluta-nedsattning, avsluta-arende and
 * uppfoljning-efter-avslut set them.
 */
final class SimulatedCoach implements SimulatedRole {

    static final double LATE_FOLLOW_UP = 0.12;
    static final double TWO_INTERVENTIONS = 0.3;
    static final double SIDE_BY_SIDE = 0.15;
    static final double REVISE_WITHOUT_PLACEMENT = 0.3;
    static final double SANCTION_UPHELD = 0.55;
    /** At a follow-up, the coach reports absence from an activity outside the placements (a missed meeting). */
    static final double COACH_REPORTS_ABSENCE = 0.05;
    /** Per working day, the chance that a client leaves for another reason than a placement's outcome (≈ 7 % a month). */
    static final double OTHER_EXIT_PER_DAY = 0.0035;
    /** The aktivitetskrav's full time (the default of stegvis.aktivitetskrav.full-time-hours-per-week) and job search. */
    static final int FULL_TIME_HOURS = 40;
    static final int JOB_SEARCH = 5;
    /** Of those with health limits, the share whose plan says half capacity for illness (with a läkarintyg). */
    static final double HALF_CAPACITY_WITH_HEALTH_LIMITS = 0.5;
    /** Of the others, the share who work part time beside the plan. */
    static final double PART_TIME_WORK = 0.1;
    /**
     * Exemptions from the aktivitetskrav the coach finds in the kartläggning and records with evidence, as through
     * POST /api/klienter/{id}/aktivitetskrav/undantag: of those with health limits, sjukpenning or sjukersättning; of
     * the others, a full-time programme at Arbetsförmedlingen; of those with a wage, full-time work; of those 18–20 who
     * want to study, studies (the synthetic population is of working age, so that last ground is rare).
     */
    static final double SICKNESS_BENEFIT_WITH_HEALTH_LIMITS = 0.3;
    static final double AF_PROGRAMME = 0.06;
    static final double FULL_TIME_WORK_WITH_WAGE = 0.15;
    static final double STUDIES_18_TO_20 = 0.7;
    static final String[] OTHER_EXIT_REASONS = {"ARBETE", "STUDIER", "FLYTTAT", "ANNAN_ERSATTNING", "EGEN_BEGARAN", "ANNAT"};
    static final double[] OTHER_EXIT_WEIGHTS = {0.3, 0.1, 0.25, 0.15, 0.1, 0.1};

    private final Staff staff;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final BankingCalendar calendar;
    private final SimulationCounts counts;
    private final JourneyService journeys;
    private final ActivityRequirementService activityRequirement;
    private final ActivityRequirementRules ageRules;

    SimulatedCoach(Staff staff, TaskService tasks, RuntimeService runtime, BankingCalendar calendar, SimulationCounts counts,
                   JourneyService journeys, ActivityRequirementService activityRequirement,
                   ActivityRequirementSettings activitySettings) {
        this.journeys = journeys;
        this.activityRequirement = activityRequirement;
        this.ageRules = new ActivityRequirementRules(activitySettings);
        this.staff = staff;
        this.tasks = tasks;
        this.runtime = runtime;
        this.calendar = calendar;
        this.counts = counts;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public LocalDate plan(SimulatedTask t) {
        return switch (t.key()) {
            case TASK_MAPPING -> workingDays(t, 2, 8);
            case TASK_PLAN, TASK_REVISE_PLAN, TASK_ACTIVITY_REQUIREMENT_PLAN -> workingDays(t, 1, 6);
            // The follow-up's grace is a week: late ones escalate to the team leader.
            case TASK_FOLLOW_UP -> t.chance(LATE_FOLLOW_UP) ? workingDays(t, 6, 9) : workingDays(t, 0, 4);
            case TASK_MISSED_FOLLOW_UP -> workingDays(t, 0, 1);
            case TASK_DECIDE_SANCTION -> workingDays(t, 1, 4);
            case TASK_EXIT_FOLLOW_UP -> workingDays(t, 1, 8);
            case TASK_CLOSE_CASE -> planExit(t);
            default -> workingDays(t, 1, 3);
        };
    }

    private LocalDate planExit(SimulatedTask t) {
        if (t.state().exitReasonPlanned == null) {
            if (!t.chance(OTHER_EXIT_PER_DAY)) {
                return null;
            }
            t.state().exitReasonPlanned = OTHER_EXIT_REASONS[Population.weighted(t.random(), OTHER_EXIT_WEIGHTS)];
        }
        return workingDays(t, 1, 3);
    }

    private LocalDate workingDays(SimulatedTask t, int lowest, int highest) {
        return calendar.addWorkingDays(t.today(), t.between(lowest, highest));
    }

    @Override
    public void complete(SimulatedTask t) {
        SimulatedHousehold h = t.household();
        String coach = staff.responsible(StegvisGroups.COACH, h);
        switch (t.key()) {
            case TASK_MAPPING -> {
                staff.complete(t.task(), coach, Variables.createVariables()
                    .putValue(Mapping.IN_EDUCATION_LEVEL, h.education().name())
                    .putValue(WORK_HISTORY, h.monthsSinceLastJob() == null ? "Har inte arbetat" : "Lager och städ, några år")
                    .putValue(Mapping.IN_MONTHS_SINCE_LAST_JOB, h.monthsSinceLastJob() == null ? null : h.monthsSinceLastJob().longValue())
                    .putValue(Mapping.IN_SWEDISH_LEVEL, h.swedish().name())
                    .putValue(Mapping.IN_HEALTH_LIMITS, h.healthLimits())
                    .putValue(HEALTH_LIMITS_DESCRIPTION, h.healthLimits() ? "Ryggbesvär, klarar halvtid" : null)
                    .putValue(CHILDCARE_NEED, !h.childrenAges().isEmpty())
                    .putValue(Mapping.IN_PARENTAL_LEAVE, h.parentalLeave())
                    .putValue(DRIVING_LICENCE, h.drivingLicence())
                    .putValue(Mapping.IN_OWN_GOAL, h.ownGoal())
                    .putValue(GOAL_OCCUPATION, "ARBETE".equals(h.ownGoal()) ? "Undersköterska" : "Komvux")
                    .putValue(Mapping.IN_READY_FOR_COMPANY_PLACEMENT, h.readyForCompanyPlacement()));
                recordExemption(t, coach);
            }
            case TASK_PLAN -> staff.complete(t.task(), coach, plan(t, false));
            case TASK_REVISE_PLAN -> {
                staff.complete(t.task(), coach, plan(t, true));
                counts.add("plan_reviderad");
            }
            case TASK_ACTIVITY_REQUIREMENT_PLAN -> {
                staff.complete(t.task(), coach, plan(t, true));
                counts.add("plan_enligt_aktivitetskravet");
            }
            case TASK_FOLLOW_UP -> followUp(t, coach);
            case TASK_MISSED_FOLLOW_UP -> {
                staff.complete(t.task(), staff.of(StegvisGroups.TEAMLEDARE).get(0), Variables.createVariables()
                        .putValue(MISSED_ACTION, "Påmint coachen; samtalet är bokat."));
                counts.add("missat_uppfoljningssamtal");
            }
            case TASK_DECIDE_SANCTION -> decideSanction(t);
            case TASK_CLOSE_CASE -> {
                String reason = t.state().exitReasonPlanned == null ? "ANNAT" : t.state().exitReasonPlanned;
                staff.complete(t.task(), coach, Variables.createVariables().putValue(EXIT_REASON, reason)
                        .putValue(EXIT_DATE, t.today().toString()).putValue(EXIT_NOTE, "Avslut efter samtal."));
                t.state().exitReasonPlanned = null;
            }
            case TASK_EXIT_FOLLOW_UP -> {
                String reason = String.valueOf(tasks.getVariable(t.task().getId(), EXIT_REASON));
                boolean toWorkOrStudies = "ARBETE".equals(reason) || "STUDIER".equals(reason);
                boolean still = t.chance(toWorkOrStudies ? 0.75 : 0.15);
                // Whether the household came back to assistance is derived from its applications, not typed in.
                staff.complete(t.task(), coach, Variables.createVariables().putValue(IN_WORK_OR_STUDIES, still)
                        .putValue(EXIT_FOLLOW_UP_NOTE, still ? "Arbetar eller studerar fortfarande." : "Inte i arbete eller studier."));
            }
            default -> throw new IllegalStateException("Ingen i simuleringen gör uppgiften " + t.key());
        }
    }

    /**
     * An exemption the kartläggning brings to light, recorded by the coach with its ground, days and evidence through the
     * service the API uses (which checks the ground, the dates, the evidence and the age for studies).
     */
    private void recordExemption(SimulatedTask t, String coach) {
        SimulatedHousehold h = t.household();
        if (t.state().clientId == null) {
            return;
        }
        LocalDate today = t.today();
        String ground = null;
        LocalDate from = null;
        LocalDate to = null;
        String evidence = null;
        int age = ageRules.age(new Personnummer(h.personnummer()), today);
        if (age >= 18 && age <= 20 && "STUDIER".equals(h.ownGoal()) && t.chance(STUDIES_18_TO_20)) {
            ground = "STUDERAR_18_20";
            from = today.withDayOfMonth(1);
            to = today.plusMonths(t.between(4, 10)).withDayOfMonth(1).minusDays(1);
            evidence = "Intyg om studier på heltid i gymnasieskolan, utfärdat " + today.minusDays(t.between(1, 20));
        } else if (h.healthLimits() && t.chance(SICKNESS_BENEFIT_WITH_HEALTH_LIMITS)) {
            ground = "SJUKPENNING_ELLER_LIKNANDE";
            boolean sjukersattning = t.chance(0.4);
            LocalDate decided = today.minusDays(t.between(5, 60));
            from = decided;
            to = sjukersattning ? null : today.plusMonths(t.between(2, 6));
            evidence = (sjukersattning ? "Beslut om sjukersättning" : "Beslut om sjukpenning")
                    + " från Försäkringskassan, daterat " + decided;
        } else if (h.wage() > 0 && t.chance(FULL_TIME_WORK_WITH_WAGE)) {
            ground = "HELTIDSSYSSELSATT";
            from = today.minusDays(t.between(1, 30));
            to = from.plusMonths(t.between(3, 12));
            evidence = "Anställningsavtal på heltid (visstid), daterat " + from.minusDays(t.between(3, 14));
        } else if (t.chance(AF_PROGRAMME)) {
            ground = "AF_PROGRAM_HELTID";
            from = today.minusDays(t.between(1, 20));
            to = from.plusMonths(t.between(3, 9));
            evidence = "Anvisning till program på heltid hos Arbetsförmedlingen, beslut daterat " + from;
        }
        if (ground == null) {
            return;
        }
        activityRequirement.recordExemption(t.state().clientId, ground, from, to, evidence, coach);
        counts.add("undantag_aktivitetskrav_" + ground);
    }

    private VariableMap plan(SimulatedTask t, boolean revision) {
        Object proposed = tasks.getVariable(t.task().getId(), PROPOSED_TYPES);
        List<String> types = new ArrayList<>(proposed == null ? List.of()
                : Arrays.stream(proposed.toString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
        if (types.isEmpty()) {
            types.add(t.household().healthLimits() ? "HALSA_REHAB" : "PRAKTIK");
        }
        int from = revision ? Math.min(types.size() - 1, 1 + t.random().nextInt(Math.max(1, types.size()))) : 0;
        int count = t.chance(TWO_INTERVENTIONS) && from + 1 < types.size() ? 2 : 1;
        List<String> chosen = types.subList(from, from + count);
        VariableMap vars = Variables.createVariables()
                .putValue(PLAN_GOAL, t.household().ownGoal())
                .putValue(PLAN_OCCUPATION, "ARBETE".equals(t.household().ownGoal()) ? "Undersköterska" : "Vård- och omsorgsprogrammet")
                .putValue(PLAN_STEPS, t.today().plusWeeks(2) + " Starta första insatsen\n" + t.today().plusMonths(3) + " Avstämning")
                .putValue(CHOSEN_INTERVENTIONS, chosen.stream().map(c -> "\"" + c + "\"").toList().toString().replace(" ", ""))
                .putValue(PLACEMENT_ORDER, count == 2 && t.chance(SIDE_BY_SIDE) ? ORDER_SIDE_BY_SIDE : ORDER_IN_SEQUENCE)
                .putValue(AGREED_WITH_CLIENT, true);
        if (revision) {
            vars.putValue(PLAN_CHANGE_REASON, "Ny insats efter uppföljningssamtalet.");
        }
        // The aktivitetskrav, full time at the default setting (40 hours): 5 hours of job search and the rest over the
        // interventions. Some with health limits can work half time (illness, with a läkarintyg); some work part time.
        int required = FULL_TIME_HOURS;
        boolean reduced = false;
        if (t.household().healthLimits() && t.chance(HALF_CAPACITY_WITH_HEALTH_LIMITS)) {
            vars.putValue(CAPACITY_PERCENT, 50).putValue(CAPACITY_REASON, "SJUKDOM")
                    .putValue(MEDICAL_CERTIFICATE_DATE, t.today().minusDays(t.between(3, 40)).toString());
            required = FULL_TIME_HOURS / 2;
            reduced = true;
            counts.add("plan_nedsatt_formaga");
        } else if (t.chance(PART_TIME_WORK)) {
            int partTime = 5 * t.between(2, 4);
            vars.putValue(PART_TIME_WORK_HOURS, partTime);
            required -= partTime;
            counts.add("plan_deltidsarbete");
        }
        if (revision && !reduced) {
            // The form shows the current plan's reduced capacity, but not its reason (personal data, never a variable):
            // the coach, who finds the client able to work full time now, says so instead of leaving it half filled.
            Object prefilled = tasks.getVariable(t.task().getId(), CAPACITY_PERCENT);
            if (prefilled instanceof Number capacity && capacity.intValue() < 100) {
                vars.putValue(CAPACITY_PERCENT, 100);
            }
        }
        int activities = required - JOB_SEARCH;
        for (int i = 0; i < chosen.size(); i++) {
            vars.putValue(se.stegvis.journey.process.PlanActivityForm.hoursField(
                    se.stegvis.placement.domain.PlacementType.valueOf(chosen.get(i))),
                    activities / chosen.size() + (i == 0 ? activities % chosen.size() : 0));
        }
        vars.putValue(JOB_SEARCH_HOURS, JOB_SEARCH);
        return vars;
    }

    private void followUp(SimulatedTask t, String coach) {
        HouseholdState s = t.state();
        int step = s.step;
        if (step > 1 && t.chance(0.1)) {
            step--;
        }
        String pi = t.task().getProcessInstanceId();
        boolean placementsRunning = runtime.createProcessInstanceQuery().superProcessInstanceId(pi).count() > 0;
        boolean revise = !placementsRunning && s.exitReasonPlanned == null && t.chance(REVISE_WITHOUT_PLACEMENT);
        staff.complete(t.task(), coach, Variables.createVariables()
                .putValue(STEP, String.valueOf(step))
                .putValue(STEP_REASON, placementsRunning ? "Insatsen pågår enligt planen." : "Väntar på nästa steg i planeringen.")
                .putValue(REVISE_PLAN, revise));
        counts.add("uppfoljningssamtal");
        if (t.chance(COACH_REPORTS_ABSENCE)) {
            Object journeyId = runtime.getVariable(pi, JOURNEY_ID);
            journeys.reportAbsence(java.util.UUID.fromString(journeyId.toString()), null,
                    "Uteblev från två bokade möten på Jobbtorget utan att höra av sig.", 100L * t.between(5, 15), coach);
            counts.add("franvaro_rapporterad_av_coach");
        }
    }

    private void decideSanction(SimulatedTask t) {
        Object proposed = tasks.getVariable(t.task().getId(), PROPOSED_AMOUNT);
        long amount = proposed instanceof Number n ? n.longValue() : 500;
        boolean upheld = t.chance(SANCTION_UPHELD) && amount > 0;
        VariableMap vars = Variables.createVariables()
                .putValue(SANCTION_DECISION, upheld ? "UPHELD" : "DROPPED")
                .putValue(SANCTION_REASONS, upheld ? "Frånvaro utan godtagbart skäl; inget godtagbart skäl har angetts."
                        : "Godtagbart skäl har visats.");
        if (upheld) {
            vars.putValue(SANCTION_AMOUNT, amount);
        } else if (Boolean.TRUE.equals(tasks.getVariable(t.task().getId(), UNDER_ACTIVITY_REQUIREMENT))) {
            // Under the aktivitetskrav the reduction may be dropped only for a recorded godtagbart skäl.
            vars.putValue(ACCEPTABLE_REASON, "ARBETE_ELLER_INTERVJU")
                    .putValue(ACCEPTABLE_REASON_TEXT, "Var på anställningsintervju samma dag; kallelsen är visad.");
            counts.add("nedsattning_avskriven_godtagbart_skal");
        }
        staff.complete(t.task(), staff.responsible(StegvisGroups.HANDLAGGARE, t.household()), vars);
        counts.add(upheld ? "nedsattning_beslutad" : "nedsattning_avskriven");
    }
}
