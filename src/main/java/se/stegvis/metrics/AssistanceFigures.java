package se.stegvis.metrics;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Section "Bistånd" of docs/nyckeltal.md: households and persons with assistance per month, the share of the
 * population, inflow and outflow, long-term recipients per calendar year, and the amounts paid. Read from the facts
 * counted per month and unit ({@code figure_household_month}, {@code figure_payment_month}, {@link ClientMonths}):
 * two queries over at most 12 rows per year and unit, whatever the number of households.
 */
final class AssistanceFigures {

    private AssistanceFigures() {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc, Map<Integer, Long> population) {
        String unit = scope.perUnit() ? " and f.unit = :unit " : " ";
        // Per month: households, persons, inflow, outflow, and in December the year's long-term households. Every
        // month of the period's years, for the long-term households of a year the period covers only in part.
        Map<Integer, long[]> households = new HashMap<>();
        jdbc.query("""
                select f.for_month, sum(f.households) as households, sum(f.persons) as persons,
                       sum(f.inflow) as inflow, sum(f.outflow) as outflow, sum(f.long_term) as long_term
                from figure_household_month f
                where f.for_month >= :firstOfYears and f.for_month <= :lastOfYears""" + unit + """
                group by f.for_month
                """, scope.parameters().addValue("firstOfYears", scope.from().getYear() * 12 + 1)
                        .addValue("lastOfYears", scope.to().getYear() * 12 + 12), rs -> {
            households.put(rs.getInt("for_month"), new long[] {rs.getLong("households"), rs.getLong("persons"),
                    rs.getLong("inflow"), rs.getLong("outflow"), rs.getLong("long_term")});
        });
        // Confirmed payments (BEKRAFTAD) by the month of the payment date: kronor, and the households paid.
        Map<Integer, long[]> paid = new HashMap<>();
        jdbc.query("""
                select f.for_month, sum(f.amount) as amount, sum(f.households) as households
                from figure_payment_month f
                where f.for_month >= :fromMonthNumber and f.for_month <= :toMonthNumber""" + unit + """
                group by f.for_month
                """, scope.parameters().addValue("fromMonthNumber", FigureScope.monthNumber(scope.from()))
                        .addValue("toMonthNumber", FigureScope.monthNumber(scope.to())), rs -> {
            paid.put(rs.getInt("for_month"), new long[] {rs.getLong("amount"), rs.getLong("households")});
        });

        for (YearMonth m = scope.from(); !m.isAfter(scope.to()); m = m.plusMonths(1)) {
            long[] y = households.getOrDefault(FigureScope.monthNumber(m), new long[5]);
            long persons = y[1];
            String month = m.toString();
            out.count("hushall_per_manad", "Hushåll med bistånd", month, null, null, y[0]);
            out.count("personer_per_manad", "Personer i hushåll med bistånd", month, null, null, persons, y[0]);
            // Per unit the numerator is the unit's persons, the denominator stays the municipality's population.
            out.share("andel_av_befolkningen", "Andel av befolkningen med bistånd", month, null, null, persons,
                    population.get(m.getYear()), y[0]);
            out.count("inflode", "Inflöde (hushåll)", month, null, null, y[2]);
            out.count("utflode", "Utflöde (hushåll)", month, null, null, y[3]);
            long[] paidTo = paid.getOrDefault(FigureScope.monthNumber(m), new long[2]);
            out.count("utbetalt_per_manad", "Utbetalt (kr)", month, null, null, paidTo[0], paidTo[1]);
        }
        for (int year = scope.from().getYear(); year <= scope.to().getYear(); year++) {
            out.count("langvarigt", "Hushåll med bistånd minst 10 månader under året", null, year, null,
                    households.getOrDefault(year * 12 + 12, new long[5])[4]);
        }
    }
}
