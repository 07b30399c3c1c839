package se.stegvis.simulation;

import static se.stegvis.application.process.EkonomisktBistandProcess.*;

import java.time.LocalDate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.payment.domain.BankingCalendar;

/**
 * Handläggare and teamledare in the monthly application (ekonomiskt-bistand): investigate (sometimes asking for a
 * komplettering, sometimes refusing or granting in part), attest, follow up a late investigation and an unconfirmed
 * payment — with the variables the forms utred-ansokan, attestera-beslut, foljupp-utredning and utred-utbetalning set.
 */
final class SimulatedCaseworker implements SimulatedRole {

    static final double SUPPLEMENT = 0.15;
    static final double PARTIAL_GRANT = 0.08;
    static final double REFUSAL = 0.03;
    static final double LATE_INVESTIGATION = 0.06;
    static final double SENT_BACK = 0.05;

    private final Staff staff;
    private final TaskService tasks;
    private final BankingCalendar calendar;
    private final SimulationCounts counts;

    SimulatedCaseworker(Staff staff, TaskService tasks, BankingCalendar calendar, SimulationCounts counts) {
        this.staff = staff;
        this.tasks = tasks;
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
            // Most within the promised ten working days; some late, which escalates to the team leader.
            case TASK_INVESTIGATE -> calendar.addWorkingDays(t.today(),
                    t.chance(LATE_INVESTIGATION) ? t.between(11, 14) : t.between(1, 7));
            case TASK_ATTEST, TASK_FOLLOW_UP_OVERDUE, TASK_INVESTIGATE_PAYMENT ->
                    calendar.addWorkingDays(t.today(), t.between(0, 2));
            default -> calendar.addWorkingDays(t.today(), 1);
        };
    }

    @Override
    public void complete(SimulatedTask t) {
        String id = t.task().getId();
        switch (t.key()) {
            case TASK_INVESTIGATE -> investigate(t);
            case TASK_ATTEST -> {
                boolean back = t.chance(SENT_BACK);
                VariableMap vars = Variables.createVariables().putValue(APPROVAL, back ? APPROVAL_SENT_BACK : APPROVAL_APPROVED);
                if (back) {
                    vars.putValue(APPROVAL_COMMENT, "Motivera bedömningen av boendekostnaden tydligare.");
                    counts.add("attest_atervisad");
                }
                staff.complete(t.task(), staff.of(StegvisGroups.TEAMLEDARE).get(0), vars);
            }
            case TASK_FOLLOW_UP_OVERDUE -> staff.complete(t.task(), staff.of(StegvisGroups.TEAMLEDARE).get(0),
                    Variables.createVariables().putValue("forseningAtgard",
                            "Ärendet prioriterat; handläggaren fattar beslut i veckan."));
            case TASK_INVESTIGATE_PAYMENT -> staff.complete(t.task(), staff.responsible(StegvisGroups.HANDLAGGARE, t.household()),
                    Variables.createVariables().putValue("utbetalningUtredning", "Banken har bekräftat per telefon."));
            default -> throw new IllegalStateException("Ingen i simuleringen gör uppgiften " + t.key() + " (" + id + ")");
        }
    }

    private void investigate(SimulatedTask t) {
        String pi = t.task().getProcessInstanceId();
        long calculated = number(tasks.getVariable(t.task().getId(), CALCULATED_AMOUNT));
        VariableMap vars = Variables.createVariables().putValue(WARNINGS_ACKNOWLEDGED, true);
        if (!t.state().supplementAsked.contains(pi) && calculated > 0 && t.chance(SUPPLEMENT)) {
            t.state().supplementAsked.add(pi);
            vars.putValue(SUPPLEMENT_NEEDED, true)
                    .putValue(SUPPLEMENT_TEXT, "Kontoutdrag för de senaste tre månaderna och hyresavi.");
            counts.add("komplettering_begard");
            if (t.chance(Simulation.SUPPLEMENT_ANSWERED)) {
                Object applicationId = tasks.getVariable(t.task().getId(), APPLICATION_ID);
                t.state().supplementAnswers.put(java.util.UUID.fromString(applicationId.toString()),
                        t.today().plusDays(t.between(1, 6)));
            }
        } else {
            vars.putValue(SUPPLEMENT_NEEDED, false);
            double x = t.random().nextDouble();
            if (calculated <= 0 || x < REFUSAL) {
                t.state().refusedLastMonth = true;
                vars.putValue(PROPOSED_DECISION, "AVSLAG").putValue(GRANTED_AMOUNT, 0L).putValue(REASONS, calculated <= 0
                        ? "Hushållets inkomster täcker norm och skäliga kostnader."
                        : "Den sökande har inte stått till arbetsmarknadens förfogande.");
            } else if (x < REFUSAL + PARTIAL_GRANT && calculated > 1000) {
                vars.putValue(PROPOSED_DECISION, "DELVIS_BIFALL")
                        .putValue(GRANTED_AMOUNT, Math.max(1, calculated - 100L * t.between(5, 20)))
                        .putValue(REASONS, "Boendekostnaden godtas bara upp till skälig nivå.");
            } else {
                vars.putValue(PROPOSED_DECISION, "BIFALL");
            }
        }
        staff.complete(t.task(), staff.responsible(StegvisGroups.HANDLAGGARE, t.household()), vars);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
