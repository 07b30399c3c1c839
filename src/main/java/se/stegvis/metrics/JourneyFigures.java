package se.stegvis.metrics;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.stegvis.placement.domain.PlacementType;

/**
 * The figures of docs/nyckeltal.md, section "Klientresan": clients per phase, active placements, waiting time to
 * start, step movements and timely follow-ups — one query each, aggregated by the database.
 *
 * <p>The section's shared rules, as SQL: a journey is <em>active on a day</em> from the day it started until its exit
 * date ({@code journey_exit}; the day it was ended when there is none), the exit day no longer active. A placement is
 * <em>running on a day</em> from {@code start_date} until {@code end_date} (its first day off). Its <em>type on a
 * day</em> is SFI before a switch to flex-SFI ({@link #TYPE_ON}).
 */
final class JourneyFigures {

    /** The phases of an active journey at a day, in the order a journey goes through them. */
    enum Phase {
        KARTLAGGNING("kartlaggning", "Kartläggning"),
        PLANERING("planering", "Planering"),
        I_INSATS("i_insats", "I insats"),
        UPPFOLJNING("uppfoljning", "Uppföljning");

        final String category;
        final String label;

        Phase(String category, String label) {
            this.category = category;
            this.label = label;
        }
    }

    /** A placement {@code p}'s type on the day {@code %s}: an SFI placement switched to flex-SFI was SFI before. */
    static final String TYPE_ON = "case when p.switched_to_flex_sfi_on > %1$s then 'SFI' else p.type end";

    /** Placement {@code p} is running on the day {@code %s}. */
    static final String RUNNING_ON = "p.start_date <= %1$s and (p.end_date is null or p.end_date > %1$s)";

    private JourneyFigures() {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<String, Map<Integer, Long>> changes = phaseChanges(scope, jdbc);
        Map<YearMonth, Map<Phase, Long>> phases = clientsPerPhase(scope, changes);
        Map<YearMonth, Map<PlacementType, Long>> active = activePlacements(scope, changes);
        for (YearMonth m = scope.from(); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            String month = m.toString();
            phases.getOrDefault(m, zeroPerPhase()).forEach((phase, n) -> out.count("klienter_per_fas",
                    "Klienter i fas: " + phase.label, month, null, phase.category, n));
            active.getOrDefault(m, perType(0L)).forEach((type, n) -> out.count("insatser_aktiva",
                    "Aktiva insatser: " + type.label(), month, null, type.name(), n));
        }
        waitingTime(out, scope, jdbc);
        stepMovement(out, scope, jdbc);
        timelyFollowUps(out, scope, jdbc);
    }

    /**
     * The changes kept per month, unit and phase ({@code figure_phase_month}, {@link JourneyPhases}) up to the period's
     * end, summed per phase and month: the journeys' phases, and the placements running per type ({@code INSATS_}
     * and the type). A month's count in a phase is the sum of the changes up to it.
     */
    private static Map<String, Map<Integer, Long>> phaseChanges(FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<String, Map<Integer, Long>> changes = new HashMap<>();
        jdbc.query("""
                select f.phase, f.for_month, sum(f.delta) as delta
                from figure_phase_month f
                where f.for_month <= :toMonthNumber""" + (scope.perUnit() ? " and f.unit = :unit " : " ") + """
                group by f.phase, f.for_month
                """, scope.parameters().addValue("toMonthNumber", FigureScope.monthNumber(scope.to())), rs -> {
            changes.computeIfAbsent(rs.getString("phase"), k -> new HashMap<>())
                    .merge(rs.getInt("for_month"), rs.getLong("delta"), Long::sum);
        });
        return changes;
    }

    /**
     * Active journeys at each month's end by phase: kartläggning until the first mapping's day, planering until a
     * version of the plan was first agreed with the client, then i insats while a placement runs, else uppföljning.
     *
     * <p>Counted as intervals, not journey by month ({@link JourneyPhases}): each journey's phases add 1 from an
     * interval's first month and take it away from its last, kept per month, unit and phase in
     * {@code figure_phase_month}; a month's count is the sum of these changes up to it — a few rows per month and
     * unit, whatever the number of journeys. I insats is the part of after-the-plan covered by a placement;
     * uppföljning the rest.
     */
    private static Map<YearMonth, Map<Phase, Long>> clientsPerPhase(FigureScope scope,
                                                                   Map<String, Map<Integer, Long>> changes) {
        Map<YearMonth, Map<Phase, Long>> counts = new HashMap<>();
        for (YearMonth m = scope.from(); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            int idx = FigureScope.monthNumber(m);
            long afterPlan = upTo(changes.get("EFTER_PLAN"), idx);
            long inPlacement = upTo(changes.get("I_INSATS"), idx);
            Map<Phase, Long> phases = zeroPerPhase();
            phases.put(Phase.KARTLAGGNING, upTo(changes.get("KARTLAGGNING"), idx));
            phases.put(Phase.PLANERING, upTo(changes.get("PLANERING"), idx));
            phases.put(Phase.I_INSATS, inPlacement);
            phases.put(Phase.UPPFOLJNING, afterPlan - inPlacement);
            counts.put(m, phases);
        }
        return counts;
    }

    /** The sum of the changes at months up to {@code idx}. */
    private static long upTo(Map<Integer, Long> changes, int idx) {
        if (changes == null) {
            return 0;
        }
        return changes.entrySet().stream().filter(e -> e.getKey() <= idx).mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Placements running on each month's last day, by their type that day: counted as intervals of months
     * ({@link JourneyPhases}, phase {@code INSATS_} and the type): a placement runs at the end of the months from
     * its start's to the one before its end's, as SFI before the month of a switch to flex-SFI and as its type from it.
     */
    private static Map<YearMonth, Map<PlacementType, Long>> activePlacements(FigureScope scope,
                                                                            Map<String, Map<Integer, Long>> changes) {
        Map<YearMonth, Map<PlacementType, Long>> counts = new HashMap<>();
        for (YearMonth m = scope.from(); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            int idx = FigureScope.monthNumber(m);
            Map<PlacementType, Long> running = perType(0L);
            for (PlacementType type : PlacementType.values()) {
                running.put(type, upTo(changes.get(JourneyPhases.RUNNING + type.name()), idx));
            }
            counts.put(m, running);
        }
        return counts;
    }

    /** Placements started in the period: days from request to start, median per type at the start. */
    private static void waitingTime(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<PlacementType, Object[]> median = new EnumMap<>(PlacementType.class);
        jdbc.query("""
                select t, percentile_disc(0.5) within group (order by days) as median, count(*) as placements from (
                  select %s as t, %s as days
                  from placement p
                  join client_journey j on j.id = p.journey_id
                  %s
                  where p.start_date >= :first and p.start_date <= :last
                ) y group by t
                """.formatted(TYPE_ON.formatted("p.start_date"), scope.daysBetween("p.requested_on", "p.start_date"),
                scope.clients("j.client_id")), scope.parameters(), rs -> {
            median.put(PlacementType.valueOf(rs.getString("t")),
                    new Object[] {CaseHandlingFigures.number(rs.getObject("median")), rs.getLong("placements")});
        });
        for (PlacementType type : PlacementType.values()) {
            Object[] m = median.getOrDefault(type, new Object[] {null, 0L});
            out.statistic("vantetid_till_start", "Dagar från begäran till start, median: " + type.label(), null, null,
                    type.name(), (Double) m[0], (Long) m[1]);
        }
    }

    /**
     * Clients assessed in the period, and those of them with an assessment higher than their baseline: the last
     * assessment before the period, or else the first in it. A client's assessments of all journeys count together,
     * in the order of the day assessed and then of recording. Per type: the clients assessed while a placement of that
     * type ran, and those of them moved up by an assessment made while one ran. By aggregates over the period's
     * assessments only ({@link StepFacts}, {@code figure_step}): a client moved up when the highest step in the period
     * is above the baseline, and the baseline is carried by the client's one assessment in the period whose
     * predecessor is before the period (its step) or missing (its own step).
     */
    private static void stepMovement(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        String sql = """
                with during as (
                  select f.client_id, f.journey_id, f.assessed_on, f.step,
                         case when f.prev_on is null or f.prev_on < :first then coalesce(f.prev_step, f.step) end
                             as base
                  from figure_step f
                  where f.assessed_on >= :first and f.assessed_on <= :last%1$s
                ),
                baseline as (select client_id, max(base) as step, max(step) as top from during group by client_id)
                select cast(null as varchar(40)) as t, count(*) as assessed,
                       sum(case when b.top > b.step then 1 else 0 end) as moved
                from baseline b
                union all
                select y.t, count(*), sum(case when y.top > b.step then 1 else 0 end) from (
                  select %2$s as t, d.client_id, max(d.step) as top
                  from during d join placement p on p.journey_id = d.journey_id and %3$s
                  group by %2$s, d.client_id
                ) y join baseline b on b.client_id = y.client_id
                group by y.t
                """.formatted(scope.perUnit() ? " and f.unit = :unit" : "", TYPE_ON.formatted("d.assessed_on"),
                RUNNING_ON.formatted("d.assessed_on"));
        long[] overall = new long[2];
        Map<PlacementType, long[]> byType = new EnumMap<>(PlacementType.class);
        jdbc.query(sql, scope.parameters(), rs -> {
            long[] counts = {rs.getLong("moved"), rs.getLong("assessed")};
            String type = rs.getString("t");
            if (type == null) {
                System.arraycopy(counts, 0, overall, 0, 2);
            } else {
                byType.put(PlacementType.valueOf(type), counts);
            }
        });
        out.share("stegforflyttning", "Andel klienter som flyttat minst ett steg uppåt", null, null, null, overall[0],
                overall[1]);
        for (PlacementType type : PlacementType.values()) {
            long[] counts = byType.getOrDefault(type, new long[2]);
            out.share("stegforflyttning", "Andel klienter som flyttat minst ett steg uppåt: " + type.label(), null, null,
                    type.name(), counts[0], counts[1]);
        }
    }

    /**
     * The follow-up conversations due in the period ({@link FollowUpFacts}, {@code figure_follow_up}: Stegvis' record
     * {@code follow_up_conversation} with its client and the client's unit): held in time when completed by the due
     * time; missed when completed later, still open after it, or cancelled after it; not counted when open and not yet
     * due, or cancelled before it. Clients all of whose counted ones were held in time, of the clients with one
     * counted.
     */
    private static void timelyFollowUps(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        jdbc.query("""
                select count(*) as clients, coalesce(sum(all_in_time), 0) as in_time from (
                  select c.client_id, min(c.held) as all_in_time
                  from (select f.client_id,
                               case when f.completed then case when f.ended_at <= f.due_at then 1 else 0 end
                                    when f.ended_at is null then case when :now > f.due_at then 0 end
                                    else case when f.ended_at > f.due_at then 0 end end as held
                        from figure_follow_up f
                        where f.due_at >= :start and f.due_at < :end%s) c
                  where c.held is not null
                  group by c.client_id
                ) y
                """.formatted(scope.perUnit() ? " and f.unit = :unit" : ""), scope.parameters(), rs -> {
            out.share("uppfoljning_i_tid", "Andel klienter med uppföljningssamtal i tid", null, null, null,
                    rs.getLong("in_time"), rs.getLong("clients"));
        });
    }

    private static Map<Phase, Long> zeroPerPhase() {
        Map<Phase, Long> counts = new LinkedHashMap<>();
        for (Phase phase : Phase.values()) {
            counts.put(phase, 0L);
        }
        return counts;
    }

    static <V> Map<PlacementType, V> perType(V initial) {
        Map<PlacementType, V> map = new EnumMap<>(PlacementType.class);
        for (PlacementType type : PlacementType.values()) {
            map.put(type, initial);
        }
        return map;
    }
}
