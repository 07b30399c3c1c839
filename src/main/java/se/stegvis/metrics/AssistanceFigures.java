package se.stegvis.metrics;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Section "Bistånd" of docs/nyckeltal.md: households and persons with assistance per month, the share of the
 * population, inflow and outflow, long-term recipients per calendar year, and the amounts paid. Read from the
 * households' years ({@code figure_household_year}, {@link FigureFacts}: per client and year the persons of the
 * household in each month with assistance): one row per household and calendar year of the period; and the
 * payments likewise ({@code figure_payment_year}).
 */
final class AssistanceFigures {

    private AssistanceFigures() {}

    /** Per month of one year: households, persons, inflow, outflow; and the year's long-term households. */
    private record Year(long[] households, long[] persons, long[] inflow, long[] outflow, long longTerm) {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc, Map<Integer, Long> population) {
        Map<Integer, Year> years = new HashMap<>();
        for (int year = scope.from().getYear(); year <= scope.to().getYear(); year++) {
            years.put(year, year(scope, jdbc, year));
        }

        Map<YearMonth, long[]> paid = new HashMap<>();
        for (int year = scope.from().getYear(); year <= scope.to().getYear(); year++) {
            paid.putAll(payments(scope, jdbc, year));
        }

        for (YearMonth m = scope.from(); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            Year y = years.get(m.getYear());
            int i = m.getMonthValue() - 1;
            long households = y.households()[i];
            long persons = y.persons()[i];
            String month = m.toString();
            out.count("hushall_per_manad", "Hushåll med bistånd", month, null, null, households);
            out.count("personer_per_manad", "Personer i hushåll med bistånd", month, null, null, persons, households);
            // Per unit the numerator is the unit's persons, the denominator stays the municipality's population.
            out.share("andel_av_befolkningen", "Andel av befolkningen med bistånd", month, null, null, persons,
                    population.get(m.getYear()), households);
            out.count("inflode", "Inflöde (hushåll)", month, null, null, y.inflow()[i]);
            out.count("utflode", "Utflöde (hushåll)", month, null, null, y.outflow()[i]);
            long[] paidTo = paid.getOrDefault(m, new long[2]);
            out.count("utbetalt_per_manad", "Utbetalt (kr)", month, null, null, paidTo[0], paidTo[1]);
        }
        for (int year = scope.from().getYear(); year <= scope.to().getYear(); year++) {
            out.count("langvarigt", "Hushåll med bistånd minst 10 månader under året", null, year, null,
                    years.get(year).longTerm());
        }
    }

    /**
     * Confirmed payments (BEKRAFTAD) by the month of the payment date: kronor, and the households paid — one pass over
     * the year's clients with payments ({@code figure_payment_year}; every payment is a positive amount).
     */
    private static Map<YearMonth, long[]> payments(FigureScope scope, NamedParameterJdbcTemplate jdbc, int year) {
        StringBuilder select = new StringBuilder("select count(f.client_id) as clients_paid");
        for (int m = 1; m <= 12; m++) {
            select.append(", sum(f.a%1$02d) as u%1$02d, sum(case when f.a%1$02d > 0 then 1 else 0 end) as n%1$02d"
                    .formatted(m));
        }
        Map<YearMonth, long[]> paid = new HashMap<>();
        jdbc.query(select + " from figure_payment_year f " + scope.clients("f.client_id") + " where f.for_year = :year",
                scope.parameters().addValue("year", year), rs -> {
            for (int m = 1; m <= 12; m++) {
                paid.put(YearMonth.of(year, m), new long[] {rs.getLong("u%02d".formatted(m)),
                        rs.getLong("n%02d".formatted(m))});
            }
        });
        return paid;
    }

    /**
     * One calendar year in one pass over its households, with December of the year before for January's inflow. A
     * household in the month and none in the month before is inflow; one in the month before and none in the month
     * is outflow (January's outflow: the households of the December before that have none in January).
     */
    private static Year year(FigureScope scope, NamedParameterJdbcTemplate jdbc, int year) {
        StringBuilder select = new StringBuilder("select count(c.client_id) as households_of_year");
        StringBuilder months = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            String now = "coalesce(c.p%02d, 0)".formatted(m);
            String before = m == 1 ? "coalesce(p.p12, 0)" : "coalesce(c.p%02d, 0)".formatted(m - 1);
            select.append(", sum(case when %1$s > 0 then 1 else 0 end) as h%2$02d, sum(%1$s) as s%2$02d".formatted(now, m))
                    .append(", sum(case when %1$s > 0 and %3$s = 0 then 1 else 0 end) as i%2$02d".formatted(now, m, before))
                    .append(", sum(case when %1$s = 0 and %3$s > 0 then 1 else 0 end) as o%2$02d".formatted(now, m, before));
            months.append(m == 1 ? "" : " + ").append("case when coalesce(c.p%02d, 0) > 0 then 1 else 0 end".formatted(m));
        }
        select.append(", sum(case when ").append(months).append(" >= 10 then 1 else 0 end) as long_term");
        String sql = select + """
                 from figure_household_year c
                left join figure_household_year p on p.client_id = c.client_id and p.for_year = c.for_year - 1
                """ + scope.clients("c.client_id") + """
                where c.for_year = :year
                """;
        long[][] v = new long[4][12];
        long[] longTerm = new long[1];
        jdbc.query(sql, scope.parameters().addValue("year", year), rs -> {
            for (int m = 1; m <= 12; m++) {
                v[0][m - 1] = rs.getLong("h%02d".formatted(m));
                v[1][m - 1] = rs.getLong("s%02d".formatted(m));
                v[2][m - 1] = rs.getLong("i%02d".formatted(m));
                v[3][m - 1] = rs.getLong("o%02d".formatted(m));
            }
            longTerm[0] = rs.getLong("long_term");
        });
        // Households of the December before with none in January have no row of this year, or one without January.
        Long leftInJanuary = jdbc.queryForObject("""
                select count(*) from figure_household_year p
                """ + scope.clients("p.client_id") + """
                where p.for_year = :before and p.p12 > 0
                  and not exists (select 1 from figure_household_year c where c.client_id = p.client_id
                                  and c.for_year = :year)
                """, scope.parameters().addValue("year", year).addValue("before", year - 1), Long.class);
        v[3][0] += leftInJanuary == null ? 0 : leftInJanuary;
        return new Year(v[0], v[1], v[2], v[3], longTerm[0]);
    }
}
