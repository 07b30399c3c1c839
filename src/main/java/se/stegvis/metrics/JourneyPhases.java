package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import se.stegvis.config.TimeConfig;

/**
 * The journeys' phases (docs/nyckeltal.md, "klienter_per_fas") as facts: each journey's phases are intervals of days
 * — kartläggning from its start to the first mapping, planering to the first plan version agreed with the client,
 * after the plan to the exit, and i insats where that is covered by its placements (merged where they overlap) — and
 * a month's end lies in {@code [a, b)} exactly when the month of {@code a} ≤ the month < the month of {@code b}.
 * The same for each placement that started, whatever its journey's phase ("insatser_aktiva"): it runs from its start
 * to its end, under the phase {@link #RUNNING} and its type on the day (SFI before a switch to flex-SFI). So a
 * journey adds +1 at an interval's first month and -1 at its last ({@code figure_journey_phase}, per journey: what
 * to take out when it changes), and {@code figure_phase_month} sums them per month, unit and phase: a month's count
 * in a phase is the sum of the changes up to it ({@link JourneyFigures}). Kept up to date by {@link FigureFacts#refresh}
 * for the journeys a transaction touched (a journey, its mapping, plan version, placement or exit written), rebuilt by
 * {@link FigureFacts#rebuild}. Per journey: its id, the unit of its client and months; no personal data.
 */
final class JourneyPhases {

    private static final ZoneId ZONE = TimeConfig.SWEDEN;

    /** The phase under which the placements running are counted per type: this and the type ({@code INSATS_SFI}). */
    static final String RUNNING = "INSATS_";

    /** The far day that stands for an open end. */
    static final String OPEN = "9999-12-31";

    private JourneyPhases() {}

    static Totals totals() {
        return new Totals("figure_phase_month", List.of("for_month", "unit", "phase"), List.of("delta"), true);
    }

    /** Recomputes the facts of these journeys, adding the differences to {@code totals}. */
    static void refresh(Connection c, SqlDialect dialect, Totals totals, Collection<?> journeys) throws SQLException {
        if (journeys.isEmpty()) {
            return;
        }
        String in = String.join(", ", Collections.nCopies(journeys.size(), "?"));
        List<Object> ids = new ArrayList<>(journeys);
        add(c, totals, -1, "f.journey_id in (" + in + ")", ids);
        FigureFacts.update(c, "delete from figure_journey_phase where journey_id in (" + in + ")", ids);
        List<Object> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.addAll(ids);
        }
        FigureFacts.update(c, insert(dialect, " in (" + in + ")"), five);
        add(c, totals, 1, "f.journey_id in (" + in + ")", ids);
    }

    /** Moves the facts of these clients' journeys to their units of now. */
    static void move(Connection c, Totals totals, String in, List<Object> clients) throws SQLException {
        String journeys = "f.journey_id in (select j.id from client_journey j where j.client_id in (" + in + "))";
        add(c, totals, -1, journeys, clients);
        FigureFacts.update(c, "update figure_journey_phase set unit = coalesce((select u.unit from client_journey j"
                + " join client u on u.id = j.client_id where j.id = figure_journey_phase.journey_id), '')"
                + " where journey_id in (select j.id from client_journey j where j.client_id in (" + in + "))", clients);
        add(c, totals, 1, journeys, clients);
    }

    static void rebuild(Connection c, SqlDialect dialect) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("delete from figure_journey_phase");
            s.executeUpdate(insert(dialect, null));
            s.executeUpdate("delete from figure_phase_month");
            s.executeUpdate("insert into figure_phase_month (for_month, unit, phase, delta)"
                    + " select f.for_month, f.unit, f.phase, sum(f.delta) from figure_journey_phase f"
                    + " group by f.for_month, f.unit, f.phase having sum(f.delta) <> 0");
        }
    }

    private static void add(Connection c, Totals totals, int sign, String where, List<Object> parameters)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select f.for_month, f.unit, f.phase, sum(f.delta)"
                + " from figure_journey_phase f where " + where + " group by f.for_month, f.unit, f.phase")) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.add(List.of(rs.getInt(1), rs.getString(2), rs.getString(3)), sign, rs.getLong(4));
                }
            }
        }
    }

    /**
     * Inserts the phase changes of the journeys whose id is {@code journeys} (a condition such as {@code in (?, ?)},
     * its parameters bound five times), or of all journeys when null.
     */
    private static String insert(SqlDialect dialect, String journeys) {
        String only = journeys == null ? "" : " and %s" + journeys;
        String open = "date '" + OPEN + "'";
        String monthOf = "cast(extract(year from %1$s) * 12 + extract(month from %1$s) as integer)";
        return """
                insert into figure_journey_phase (journey_id, phase, for_month, delta, unit)
                with fm as (select journey_id, min(mapped_at) as t from journey_mapping where 1 = 1 %2$s
                            group by journey_id),
                     fa as (select pl.journey_id, min(v.agreed_with_client_at) as t
                            from plan_version v join individual_plan pl on pl.id = v.plan_id
                            where v.agreed_with_client_at is not null %3$s group by pl.journey_id),
                     jd as (
                       select j.id, coalesce(u.unit, '') as unit, %4$s as s,
                              coalesce(case when x.id is not null then x.exit_date
                                            when j.status = 'AVSLUTAD' and j.ended_at is not null then %5$s end, %1$s) as e,
                              coalesce(%6$s, %1$s) as mp, coalesce(%7$s, %1$s) as ag
                       from client_journey j
                       join client u on u.id = j.client_id
                       left join journey_exit x on x.journey_id = j.id
                       left join fm on fm.journey_id = j.id
                       left join fa on fa.journey_id = j.id
                       where 1 = 1 %8$s),
                     jf as (select id, unit, s, e, least(mp, e) as k_end, greatest(s, mp) as p_start, least(ag, e) as p_end,
                                   greatest(s, mp, ag) as post_start
                            from jd),
                     pl as (select p.journey_id, p.id, p.start_date as a, coalesce(p.end_date, %1$s) as b,
                                   max(coalesce(p.end_date, %1$s)) over (partition by p.journey_id
                                       order by p.start_date, coalesce(p.end_date, %1$s), p.id
                                       rows between unbounded preceding and 1 preceding) as before_end
                            from placement p
                            where p.start_date is not null %9$s),
                     isl as (select journey_id, a, b,
                                    sum(case when before_end is null or a > before_end then 1 else 0 end)
                                        over (partition by journey_id order by a, b, id rows unbounded preceding)
                                        as island
                             from pl),
                     islands as (select journey_id, min(a) as a, max(b) as b from isl group by journey_id, island),
                     insats as (select jf.id, jf.unit, greatest(i.a, jf.post_start) as a, least(i.b, jf.e) as b
                                from islands i join jf on jf.id = i.journey_id),
                     pm as (select p.journey_id as id, coalesce(u.unit, '') as unit, p.type as ptype, %18$s as a,
                                   %19$s as b, coalesce(%20$s, %18$s) as sw
                            from placement p
                            join client_journey j on j.id = p.journey_id
                            join client u on u.id = j.client_id
                            where p.start_date is not null %21$s)
                select id, phase, idx, sum(delta), unit from (
                  select id, unit, 'KARTLAGGNING' as phase, %10$s as idx, 1 as delta from jf where s < k_end
                  union all select id, unit, 'KARTLAGGNING', %11$s, -1 from jf where s < k_end
                  union all select id, unit, 'PLANERING', %12$s, 1 from jf where p_start < p_end
                  union all select id, unit, 'PLANERING', %13$s, -1 from jf where p_start < p_end
                  union all select id, unit, 'EFTER_PLAN', %14$s, 1 from jf where post_start < e
                  union all select id, unit, 'EFTER_PLAN', %15$s, -1 from jf where post_start < e
                  union all select id, unit, 'I_INSATS', %16$s, 1 from insats where a < b
                  union all select id, unit, 'I_INSATS', %17$s, -1 from insats where a < b
                  union all select id, unit, '%22$sSFI', a, 1 from pm where a < least(b, sw)
                  union all select id, unit, '%22$sSFI', least(b, sw), -1 from pm where a < least(b, sw)
                  union all select id, unit, '%22$s' || ptype, greatest(a, sw), 1 from pm where greatest(a, sw) < b
                  union all select id, unit, '%22$s' || ptype, b, -1 from pm where greatest(a, sw) < b
                ) ev group by id, phase, idx, unit having sum(delta) <> 0
                """.formatted(open, only.formatted("journey_id"), only.formatted("pl.journey_id"),
                dialect.localDate("j.started_at", ZONE), dialect.localDate("j.ended_at", ZONE),
                dialect.localDate("fm.t", ZONE), dialect.localDate("fa.t", ZONE), only.formatted("j.id"),
                only.formatted("p.journey_id"),
                monthOf.formatted("s"), monthOf.formatted("k_end"), monthOf.formatted("p_start"),
                monthOf.formatted("p_end"), monthOf.formatted("post_start"), monthOf.formatted("e"),
                monthOf.formatted("a"), monthOf.formatted("b"), monthOf.formatted("p.start_date"),
                monthOf.formatted("coalesce(p.end_date, " + open + ")"), monthOf.formatted("p.switched_to_flex_sfi_on"),
                only.formatted("p.journey_id"), RUNNING);
    }
}
