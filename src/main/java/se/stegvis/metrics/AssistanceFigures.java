package se.stegvis.metrics;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Section "Bistånd" of docs/nyckeltal.md: households and persons with assistance per month, the share of the
 * population, inflow and outflow, long-term recipients per calendar year, and the amounts paid. Two queries: the
 * households per month (with their neighbouring months, for inflow, outflow and the year's count), and the payments.
 */
final class AssistanceFigures {

    /**
     * The households with assistance (docs/nyckeltal.md, terms): per client and month, the non-supplementary
     * applications whose latest decision grants an amount, with the household's persons (adults + children; the
     * largest if a client had two such applications for one month). Parameters {@code :lo}, {@code :hi} (months).
     */
    static String householdMonths(FigureScope scope) {
        return """
                select a.client_id, a.for_month, max(a.adults + case when a.children_ages = '' then 0
                         else char_length(a.children_ages) - char_length(replace(a.children_ages, ',', '')) + 1 end)
                         as persons
                from application a
                join decision d on d.application_id = a.id
                """ + scope.clients("a.client_id") + """
                where a.kind <> 'TILLAGGSANSOKAN' and a.for_month >= :lo and a.for_month <= :hi and d.amount > 0
                  and not exists (select 1 from decision l where l.application_id = a.id and l.decided_at > d.decided_at)
                group by a.client_id, a.for_month
                """;
    }

    private record Month(long households, long persons, long entered, long leavingAfter, long longTermInYear) {}

    private AssistanceFigures() {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc, Map<Integer, Long> population) {
        YearMonth from = scope.from();
        YearMonth to = scope.to();
        // The month before the period (inflow, outflow) and the whole calendar years of the period (long-term).
        YearMonth lo = from.minusMonths(1).isBefore(YearMonth.of(from.getYear(), 1)) ? from.minusMonths(1)
                : YearMonth.of(from.getYear(), 1);
        YearMonth hi = YearMonth.of(to.getYear(), 12);
        String sql = "with hm as (" + householdMonths(scope) + """
                ), w as (
                  select for_month, persons, mi,
                         lag(mi) over (partition by client_id order by mi) as prev_mi,
                         lead(mi) over (partition by client_id order by mi) as next_mi,
                         count(*) over (partition by client_id, yr) as months_in_year,
                         row_number() over (partition by client_id, yr order by mi) as nth_in_year
                  from (select client_id, for_month, persons, substring(for_month, 1, 4) as yr,
                               """ + FigureScope.monthNumber("for_month") + """
                                as mi from hm) x
                )
                select for_month, count(*) as households, sum(persons) as persons,
                       sum(case when prev_mi is null or prev_mi <> mi - 1 then 1 else 0 end) as entered,
                       sum(case when next_mi is null or next_mi <> mi + 1 then 1 else 0 end) as leaving_after,
                       sum(case when nth_in_year = 1 and months_in_year >= 10 then 1 else 0 end) as long_term
                from w group by for_month
                """;
        Map<YearMonth, Month> months = new HashMap<>();
        jdbc.query(sql, scope.parameters().addValue("lo", lo.toString()).addValue("hi", hi.toString()), rs -> {
            months.put(YearMonth.parse(rs.getString("for_month")), new Month(rs.getLong("households"),
                    rs.getLong("persons"), rs.getLong("entered"), rs.getLong("leaving_after"), rs.getLong("long_term")));
        });

        Map<YearMonth, long[]> paid = new HashMap<>();
        jdbc.query("""
                select extract(year from p.payment_date) as y, extract(month from p.payment_date) as m,
                       sum(p.amount) as amount, count(distinct p.client_id) as households
                from payment p
                """ + scope.clients("p.client_id") + """
                where p.status = 'BEKRAFTAD' and p.payment_date >= :first and p.payment_date <= :last
                group by extract(year from p.payment_date), extract(month from p.payment_date)
                """, scope.parameters(), rs -> {
            paid.put(YearMonth.of(rs.getInt("y"), rs.getInt("m")),
                    new long[] {rs.getLong("amount"), rs.getLong("households")});
        });

        Month none = new Month(0, 0, 0, 0, 0);
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Month now = months.getOrDefault(m, none);
            String month = m.toString();
            out.count("hushall_per_manad", "Hushåll med bistånd", month, null, null, now.households());
            out.count("personer_per_manad", "Personer i hushåll med bistånd", month, null, null, now.persons(),
                    now.households());
            // Per unit the numerator is the unit's persons, the denominator stays the municipality's population.
            out.share("andel_av_befolkningen", "Andel av befolkningen med bistånd", month, null, null, now.persons(),
                    population.get(m.getYear()), now.households());
            out.count("inflode", "Inflöde (hushåll)", month, null, null, now.entered());
            out.count("utflode", "Utflöde (hushåll)", month, null, null,
                    months.getOrDefault(m.minusMonths(1), none).leavingAfter());
            long[] paidTo = paid.getOrDefault(m, new long[2]);
            out.count("utbetalt_per_manad", "Utbetalt (kr)", month, null, null, paidTo[0], paidTo[1]);
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            long longTerm = 0;
            for (int month = 1; month <= 12; month++) {
                longTerm += months.getOrDefault(YearMonth.of(year, month), none).longTermInYear();
            }
            out.count("langvarigt", "Hushåll med bistånd minst 10 månader under året", null, year, null, longTerm);
        }
    }
}
