package se.stegvis.metrics;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.stegvis.activity.GrantedMonths;
import se.stegvis.activity.domain.ExemptionGround;

/**
 * The figures of docs/nyckeltal.md, section "Aktivitetskrav" — what IVO will ask of the national activity requirement:
 * clients covered, exempt by ground, days from coverage to an agreed plan, sanctions under the requirement and the
 * notices to Arbetsförmedlingen. Read by SQL from the activity tables ({@code activity_coverage},
 * {@code activity_exemption}, {@code af_notice}), the decisions, the plans and the sanctions.
 *
 * <p>The section's shared rule, as SQL ({@link #COVERED_IN}): a client is <em>covered in a month</em> when a coverage
 * event ({@code activity_coverage}, recorded when a grant completed three consecutive months) has
 * {@code covered_from} on or before the month, försörjningsstöd was granted for every month from {@code covered_from}
 * to the month (the run goes on), and no recorded exemption applies on the month's last day.
 */
final class ActivityRequirementFigures {

    /**
     * Coverage event {@code c} makes its client covered in the month {@code :month} (number {@code :monthNo}, last day
     * {@code :lastDay}).
     */
    static final String COVERED_IN = "c.covered_from <= :month"
            + " and (select count(distinct a.for_month) from application a join decision d on d.application_id = a.id"
            + " where a.client_id = c.client_id and a.for_month >= c.covered_from and a.for_month <= :month and "
            + GrantedMonths.GRANTED + ") = :monthNo - " + FigureScope.monthNumber("c.covered_from") + " + 1"
            + " and not exists (select 1 from activity_exemption x where x.client_id = c.client_id"
            + " and x.valid_from <= :lastDay and (x.valid_to is null or x.valid_to >= :lastDay))"
            + " and not exists (select 1 from activity_age_exemption ae where ae.client_id = c.client_id"
            + " and ae.valid_from <= :lastDay and (ae.valid_to is null or ae.valid_to >= :lastDay))";

    /**
     * Age exemption {@code e} ({@code activity_age_exemption}: a grant completed the consecutive months but the client
     * was under 18 or at the pension age) applies in the month {@code :month}: it has begun by the month's last day
     * and not ended, and försörjningsstöd was granted for every month from {@code covered_from} to the month (the run
     * that would have made the client covered goes on).
     */
    static final String AGE_EXEMPT_IN = "e.covered_from <= :month and e.valid_from <= :lastDay"
            + " and (e.valid_to is null or e.valid_to >= :lastDay)"
            + " and (select count(distinct a.for_month) from application a join decision d on d.application_id = a.id"
            + " where a.client_id = e.client_id and a.for_month >= e.covered_from and a.for_month <= :month and "
            + GrantedMonths.GRANTED + ") = :monthNo - " + FigureScope.monthNumber("e.covered_from") + " + 1";

    /** A recorded exemption {@code x} applies on the day {@code :lastDay}. */
    static final String RECORDED_EXEMPT_ON = "x.valid_from <= :lastDay and (x.valid_to is null or x.valid_to >= :lastDay)";

    /** The sanction outcomes under the requirement: the decision → category. */
    static final Map<String, String> SANCTION_OUTCOMES = Map.of(
            "UPHELD", "nedsatt_eller_vagrat",
            "DROPPED", "avstod_godtagbart_skal");

    /** The categories' labels. */
    static final Map<String, String> SANCTION_LABELS = Map.of(
            "nedsatt_eller_vagrat", "Aktivitetskrav: försörjningsstöd nedsatt eller vägrat",
            "avstod_godtagbart_skal", "Aktivitetskrav: ingen nedsättning, godtagbart skäl");

    private ActivityRequirementFigures() {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        for (YearMonth m = scope.from(); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            MapSqlParameterSource p = monthParameters(scope, m);
            Long covered = jdbc.queryForObject("select count(distinct c.client_id) from activity_coverage c"
                    + scope.clients("c.client_id") + " where " + COVERED_IN, p, Long.class);
            out.count("aktivitetskrav_omfattade", "Aktivitetskrav: klienter som omfattas", m.toString(), null, null,
                    covered == null ? 0 : covered);
            Long newlyCovered = jdbc.queryForObject("select count(distinct c.client_id) from activity_coverage c"
                    + scope.clients("c.client_id") + " where c.covered_from = :month", p, Long.class);
            out.count("aktivitetskrav_nya_omfattade", "Aktivitetskrav: klienter som omfattas från månaden",
                    m.toString(), null, null, newlyCovered == null ? 0 : newlyCovered);
        }
        plannedAgainstRequired(out, scope, jdbc);
        exemptByGround(out, scope, jdbc);
        daysToAgreedPlan(out, scope, jdbc);
        sanctions(out, scope, jdbc);
        noticesToArbetsformedlingen(out, scope, jdbc);
    }

    private static MapSqlParameterSource monthParameters(FigureScope scope, YearMonth m) {
        return scope.parameters().addValue("month", m.toString())
                .addValue("monthNo", FigureScope.monthNumber(m))
                .addValue("lastDay", m.atEndOfMonth());
    }

    /**
     * The clients covered in the period's last month, and the latest plan version of each agreed with the client before
     * the period's end that records the requirement (plans from before the aktivitetskrav record no hours): the share
     * whose planned hours reach the required hours, and the average planned and required hours per week.
     */
    private static void plannedAgainstRequired(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        String agreed = "select j.client_id, v.planned_hours_per_week as planned, v.required_hours_per_week as required,"
                + " v.agreed_with_client_at as agreed from plan_version v join individual_plan ip on ip.id = v.plan_id"
                + " join client_journey j on j.id = ip.journey_id where v.agreed_with_client_at < :end"
                + " and v.required_hours_per_week is not null";
        String sql = "with agreed as (" + agreed + ")"
                + " select count(*) as covered,"
                + " sum(case when l.required is not null then 1 else 0 end) as with_plan,"
                + " sum(case when l.required is not null and l.planned >= l.required then 1 else 0 end) as met,"
                + " sum(case when l.required is not null then l.planned else 0 end) as planned,"
                + " sum(case when l.required is not null then l.required else 0 end) as required"
                + " from (select distinct c.client_id from activity_coverage c" + scope.clients("c.client_id")
                + " where " + COVERED_IN + ") cov"
                + " left join agreed l on l.client_id = cov.client_id"
                + " and l.agreed = (select max(l2.agreed) from agreed l2 where l2.client_id = cov.client_id)";
        MapSqlParameterSource p = monthParameters(scope, scope.to());
        jdbc.query(sql, p, rs -> {
            long covered = rs.getLong("covered");
            long withPlan = rs.getLong("with_plan");
            out.share("aktivitetskrav_plan_i_krav_omfattning",
                    "Aktivitetskrav: omfattade med avtalad planering i krävd omfattning", null, null, null,
                    rs.getLong("met"), covered);
            out.statistic("aktivitetskrav_timmar_planerade_snitt",
                    "Aktivitetskrav: planerade timmar per vecka, medelvärde", null, null, null,
                    average(rs.getLong("planned"), withPlan), withPlan);
            out.statistic("aktivitetskrav_timmar_krav_snitt", "Aktivitetskrav: krävda timmar per vecka, medelvärde",
                    null, null, null, average(rs.getLong("required"), withPlan), withPlan);
        });
    }

    private static Double average(long sum, long n) {
        return n == 0 ? null : Math.round(10.0 * sum / n) / 10.0;
    }

    /**
     * Clients exempt on the period's last day, by ground: a recorded exemption that applies that day, or an age
     * exemption (under 18, pension age) that applies in the period's last month ({@link #AGE_EXEMPT_IN}); and all
     * exempt clients, each once.
     */
    private static void exemptByGround(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        MapSqlParameterSource p = monthParameters(scope, scope.to());
        Map<String, Long> byGround = new TreeMap<>();
        jdbc.query("select x.ground, count(distinct x.client_id) as clients from activity_exemption x"
                + scope.clients("x.client_id") + " where " + RECORDED_EXEMPT_ON + " group by x.ground", p,
                rs -> { byGround.merge(rs.getString("ground"), rs.getLong("clients"), Long::sum); });
        jdbc.query("select e.ground, count(distinct e.client_id) as clients from activity_age_exemption e"
                + scope.clients("e.client_id") + " where " + AGE_EXEMPT_IN + " group by e.ground", p,
                rs -> { byGround.merge(rs.getString("ground"), rs.getLong("clients"), Long::sum); });
        for (Map.Entry<String, Long> e : byGround.entrySet()) {
            out.count("aktivitetskrav_undantagna", "Aktivitetskrav: undantagna, " + groundLabel(e.getKey()), null,
                    null, e.getKey(), e.getValue());
        }
        Long all = jdbc.queryForObject("select count(distinct u.client_id) from ("
                + "select x.client_id from activity_exemption x" + scope.clients("x.client_id")
                + " where " + RECORDED_EXEMPT_ON
                + " union select e.client_id from activity_age_exemption e" + scope.clients("e.client_id")
                + " where " + AGE_EXEMPT_IN + ") u", p, Long.class);
        out.count("aktivitetskrav_undantagna", "Aktivitetskrav: undantagna klienter", null, null, null,
                all == null ? 0 : all);
    }

    /**
     * Coverage events whose first plan version agreed with the client on or after the event was agreed in the
     * period: calendar days from the event to that agreement (median, 90th percentile); and the events recorded
     * on or before the period's last day with no plan agreed after them by then.
     */
    private static void daysToAgreedPlan(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        String firstAgreed = """
                (select min(v.agreed_with_client_at) from plan_version v
                   join individual_plan ip on ip.id = v.plan_id
                   join client_journey j on j.id = ip.journey_id
                  where j.client_id = c.client_id and v.agreed_with_client_at >= c.recorded_at)""";
        TreeMap<Long, Long> days = new TreeMap<>();
        long[] n = {0};
        jdbc.query("select g.days, count(*) as events from (select "
                + scope.daysBetween(scope.localDate("f.recorded_at"), scope.localDate("f.agreed"))
                + " as days from (select c.recorded_at, " + firstAgreed + " as agreed from activity_coverage c"
                + scope.clients("c.client_id") + ") f where f.agreed >= :start and f.agreed < :end) g group by g.days",
                scope.parameters(), rs -> {
                    days.merge(rs.getLong("days"), rs.getLong("events"), Long::sum);
                    n[0] += rs.getLong("events");
                });
        out.statistic("aktivitetskrav_dagar_till_plan_median",
                "Aktivitetskrav: dagar från att klienten omfattas till avtalad planering, median", null, null, null,
                CaseHandlingFigures.percentile(days, n[0], 50), n[0]);
        out.statistic("aktivitetskrav_dagar_till_plan_p90",
                "Aktivitetskrav: dagar från att klienten omfattas till avtalad planering, 90:e percentilen", null, null,
                null, CaseHandlingFigures.percentile(days, n[0], 90), n[0]);
        Long waiting = jdbc.queryForObject("select count(*) from activity_coverage c" + scope.clients("c.client_id")
                + " where c.recorded_at < :end and not exists (select 1 from plan_version v"
                + " join individual_plan ip on ip.id = v.plan_id join client_journey j on j.id = ip.journey_id"
                + " where j.client_id = c.client_id and v.agreed_with_client_at >= c.recorded_at"
                + " and v.agreed_with_client_at < :end)", scope.parameters(), Long.class);
        out.count("aktivitetskrav_utan_avtalad_plan",
                "Aktivitetskrav: omfattade utan avtalad planering vid periodens slut", null, null, null,
                waiting == null ? 0 : waiting);
    }

    /**
     * Sanction decisions made in the period on sanctions under the requirement (marked when proposed for a client
     * covered that day), by outcome: reduced or refused, or dropped for a godtagbart skäl.
     */
    private static void sanctions(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        SANCTION_OUTCOMES.values().stream().sorted().forEach(k -> counts.put(k, 0L));
        jdbc.query("select s.decision, count(*) as decisions from sanction s join client_journey j on j.id = s.journey_id"
                + scope.clients("j.client_id") + " where s.status = 'BESLUTAD' and s.under_activity_requirement = true"
                + " and s.decided_at >= :start and s.decided_at < :end and s.decision in ('UPHELD', 'DROPPED')"
                + " group by s.decision", scope.parameters(), rs -> {
                    counts.merge(SANCTION_OUTCOMES.get(rs.getString("decision")), rs.getLong("decisions"), Long::sum);
                });
        counts.forEach((category, n) -> out.count("aktivitetskrav_sanktioner", SANCTION_LABELS.get(category), null,
                null, category, n));
    }

    private static String groundLabel(String ground) {
        try {
            return ExemptionGround.valueOf(ground).label().toLowerCase(java.util.Locale.ROOT);
        } catch (IllegalArgumentException unknown) {
            return ground;
        }
    }

    /** Notices to Arbetsförmedlingen created in the period, by where they stand now. */
    private static void noticesToArbetsformedlingen(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        byStatus.put("SKICKAD", 0L);
        byStatus.put("VANTAR", 0L);
        byStatus.put("OBESVARAD", 0L);
        jdbc.query("select n.status, count(*) as notices from af_notice n" + scope.clients("n.client_id")
                + " where n.created_at >= :start and n.created_at < :end group by n.status", scope.parameters(),
                rs -> { byStatus.merge(rs.getString("status"), rs.getLong("notices"), Long::sum); });
        byStatus.forEach((status, n) -> out.count("aktivitetskrav_af_aviseringar",
                "Aktivitetskrav: aviseringar till Arbetsförmedlingen, " + status.toLowerCase(), null, null, status, n));
    }
}
