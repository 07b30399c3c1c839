package se.stegvis.metrics;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Section "Handläggning" of docs/nyckeltal.md, except the appeals ({@link AppealFigures}): time from a complete
 * application to its first decision (median, 90th percentile), the share decided in time, the komplettering rate and
 * the share attested. Two queries: the first decisions made in the period, and every decision made in it.
 */
final class CaseHandlingFigures {

    private CaseHandlingFigures() {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        String decided = scope.localDate("d.decided_at");
        String complete = scope.localDate("coalesce(a.complete_at, a.submitted_at)");
        // Nearest-rank percentiles: percentile_disc(p) is the first value whose rank reaches p × n.
        String firstDecisions = """
                select percentile_disc(0.5) within group (order by days) as median,
                       percentile_disc(0.9) within group (order by days) as p90,
                       count(*) as decisions, coalesce(sum(in_time), 0) as in_time,
                       coalesce(sum(with_supplement), 0) as with_supplement
                from (
                  select %s as days,
                         case when a.investigation_due is not null and %s <= a.investigation_due then 1 else 0 end
                           as in_time,
                         case when exists (select 1 from supplement_request s where s.application_id = a.id)
                           then 1 else 0 end as with_supplement
                  from decision d
                  join application a on a.id = d.application_id
                  %s
                  where d.decided_at >= :start and d.decided_at < :end
                    and not exists (select 1 from decision e
                                    where e.application_id = d.application_id and e.decided_at < d.decided_at)
                ) x
                """.formatted(scope.daysBetween(complete, decided), decided, scope.clients("a.client_id"));
        jdbc.query(firstDecisions, scope.parameters(), rs -> {
            long n = rs.getLong("decisions");
            out.statistic("tid_till_beslut_median", "Dagar från komplett ansökan till beslut, median", null, null, null,
                    number(rs.getObject("median")), n);
            out.statistic("tid_till_beslut_p90", "Dagar från komplett ansökan till beslut, 90:e percentilen", null, null,
                    null, number(rs.getObject("p90")), n);
            out.share("andel_beslut_i_tid", "Andel beslut inom utlovad tid", null, null, null, rs.getLong("in_time"), n);
            out.share("kompletteringsgrad", "Andel ansökningar med komplettering", null, null, null,
                    rs.getLong("with_supplement"), n);
        });
        jdbc.query("""
                select count(*) as decisions, count(d.approver) as attested
                from decision d
                join application a on a.id = d.application_id
                """ + scope.clients("a.client_id") + """
                where d.decided_at >= :start and d.decided_at < :end
                """, scope.parameters(), rs -> {
            out.share("andel_attest", "Andel beslut som attesterats", null, null, null, rs.getLong("attested"),
                    rs.getLong("decisions"));
        });
    }

    static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
