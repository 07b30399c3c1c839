package se.stegvis.metrics;

import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Section "Handläggning" of docs/nyckeltal.md, except the appeals ({@link AppealFigures}): time from a complete
 * application to its first decision (median, 90th percentile), the share decided in time, the komplettering rate and
 * the share attested. One pass over the period's months of the decisions counted per month, unit and days to the
 * decision ({@code figure_decision_month}, {@link DecisionMonths}; a few hundred rows a year at any volume): the
 * percentiles come from that distribution, exactly as from the list.
 */
final class CaseHandlingFigures {

    private CaseHandlingFigures() {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        TreeMap<Long, Long> daysToFirst = new TreeMap<>();
        long[] firsts = new long[3];   // decisions, in time, with komplettering
        long[] all = new long[2];      // decisions, attested
        jdbc.query("""
                select f.first_decision, f.days_to_decision, sum(f.decisions) as decisions,
                       sum(f.in_time) as in_time, sum(f.with_supplement) as with_supplement,
                       sum(f.attested) as attested
                from figure_decision_month f
                where f.for_month >= :fromMonthNumber and f.for_month <= :toMonthNumber
                """ + (scope.perUnit() ? " and f.unit = :unit " : "") + """
                group by f.first_decision, f.days_to_decision
                """, scope.parameters().addValue("fromMonthNumber", FigureScope.monthNumber(scope.from()))
                        .addValue("toMonthNumber", FigureScope.monthNumber(scope.to())), rs -> {
            long n = rs.getLong("decisions");
            all[0] += n;
            all[1] += rs.getLong("attested");
            if (rs.getBoolean("first_decision")) {
                daysToFirst.merge(rs.getLong("days_to_decision"), n, Long::sum);
                firsts[0] += n;
                firsts[1] += rs.getLong("in_time");
                firsts[2] += rs.getLong("with_supplement");
            }
        });
        long n = firsts[0];
        out.statistic("tid_till_beslut_median", "Dagar från komplett ansökan till beslut, median", null, null, null,
                percentile(daysToFirst, n, 50), n);
        out.statistic("tid_till_beslut_p90", "Dagar från komplett ansökan till beslut, 90:e percentilen", null, null,
                null, percentile(daysToFirst, n, 90), n);
        out.share("andel_beslut_i_tid", "Andel beslut inom utlovad tid", null, null, null, firsts[1], n);
        out.share("kompletteringsgrad", "Andel ansökningar med komplettering", null, null, null, firsts[2], n);
        out.share("andel_attest", "Andel beslut som attesterats", null, null, null, all[1], all[0]);
    }

    /** Nearest-rank percentile of {@code n} values given as value → how many; null without values. */
    static Double percentile(TreeMap<Long, Long> counts, long n, int p) {
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (var e : counts.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                return (double) e.getKey();
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + n + " values");
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
