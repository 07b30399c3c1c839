package se.stegvis.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.placement.domain.PlacementType;

/**
 * The figures of docs/nyckeltal.md, section "Avslut och resultat": exits by reason, work or studies after a
 * placement (the municipality's 60 % figure for supported employment), still in work or studies six months after
 * the exit, and return to assistance within 12 months — one query each, aggregated by the database.
 */
final class ExitFigures {

    /** An exit to work or studies this many days after a placement's end still counts as its result. */
    static final int DAYS_TO_EXIT_AFTER_PLACEMENT = 30;
    static final int RETURN_MONTHS = 12;

    private ExitFigures() {}

    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        exitsByReason(out, scope, jdbc);
        workOrStudiesAfterPlacement(out, scope, jdbc);
        stillInWorkOrStudies(out, scope, jdbc);
        returnedToAssistance(out, scope, jdbc);
    }

    private static void exitsByReason(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<ExitReason, Long> counts = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            counts.put(reason, 0L);
        }
        jdbc.query("""
                select x.reason, count(*) as exits
                from journey_exit x
                join client_journey j on j.id = x.journey_id
                """ + scope.clients("j.client_id") + """
                where x.exit_date >= :first and x.exit_date <= :last
                group by x.reason
                """, scope.parameters(), rs -> {
            counts.put(ExitReason.valueOf(rs.getString("reason")), rs.getLong("exits"));
        });
        counts.forEach((reason, n) -> out.count("avslut_per_orsak", "Avslut: " + reason.label(), null, null,
                reason.name(), n));
    }

    /**
     * Placements ended in the period ({@code end_date}), by type at the end, and those of them followed by work or
     * studies: the outcome is work or studies, or the client exited to work or studies on the end day or within 30 days.
     */
    private static void workOrStudiesAfterPlacement(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<PlacementType, long[]> counts = JourneyFigures.perType(null);
        counts.replaceAll((type, none) -> new long[2]);
        jdbc.query("""
                select p.type, count(*) as ended,
                       coalesce(sum(case when p.outcome in ('ARBETE', 'STUDIER') or exists (
                           select 1 from journey_exit e join client_journey ej on ej.id = e.journey_id
                           where ej.client_id = j.client_id and e.reason in ('ARBETE', 'STUDIER')
                             and e.exit_date >= p.end_date and e.exit_date <= p.end_date + %d) then 1 else 0 end), 0)
                         as followed
                from placement p
                join client_journey j on j.id = p.journey_id
                %s
                where p.end_date >= :first and p.end_date <= :last
                group by p.type
                """.formatted(DAYS_TO_EXIT_AFTER_PLACEMENT, scope.clients("j.client_id")), scope.parameters(), rs -> {
            counts.put(PlacementType.valueOf(rs.getString("type")),
                    new long[] {rs.getLong("followed"), rs.getLong("ended")});
        });
        long supportedEnded = 0;
        long supportedFollowed = 0;
        for (PlacementType type : PlacementType.values()) {
            if (type.subsidisedEmployment()) {
                supportedFollowed += counts.get(type)[0];
                supportedEnded += counts.get(type)[1];
            }
        }
        out.share("andel_arbete_studier_efter_anstallning_med_stod",
                "Andel avslutade anställningar med stöd som följts av arbete eller studier", null, null, null,
                supportedFollowed, supportedEnded);
        for (PlacementType type : PlacementType.values()) {
            out.share("andel_arbete_studier_efter_insats", "Andel avslutade insatser som följts av arbete eller studier: "
                    + type.label(), null, null, type.name(), counts.get(type)[0], counts.get(type)[1]);
        }
    }

    private static void stillInWorkOrStudies(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        jdbc.query("""
                select count(*) as recorded, coalesce(sum(case when f.in_work_or_studies then 1 else 0 end), 0) as still
                from exit_follow_up f
                join journey_exit x on x.id = f.exit_id
                join client_journey j on j.id = x.journey_id
                """ + scope.clients("j.client_id") + """
                where f.followed_up_on >= :first and f.followed_up_on <= :last
                """, scope.parameters(), rs -> {
            out.share("andel_kvar_efter_sex_manader", "Andel i arbete eller studier sex månader efter avslut", null,
                    null, null, rs.getLong("still"), rs.getLong("recorded"));
        });
    }

    /**
     * Exits from the day after the period's last day 24 months earlier through the same day 12 months earlier, so
     * that each exit's 12 months have passed; returned when the household had assistance in any of the 12 months
     * after the exit's month: in the exit's year after its month, or in the next year up to its month (the
     * households' years, {@code figure_household_year}).
     */
    private static void returnedToAssistance(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        LocalDate last = scope.last();
        StringBuilder returned = new StringBuilder("case x.exit_month");
        for (int em = 1; em <= 12; em++) {
            List<String> months = new ArrayList<>();
            for (int t = em + 1; t <= em + RETURN_MONTHS; t++) {
                months.add(t <= 12 ? "coalesce(c.p%02d, 0) > 0".formatted(t) : "coalesce(n.p%02d, 0) > 0".formatted(t - 12));
            }
            returned.append(" when ").append(em).append(" then ").append(String.join(" or ", months));
        }
        returned.append(" end");
        jdbc.query("""
                select count(*) as ended, coalesce(sum(case when %s then 1 else 0 end), 0) as returned
                from (select journey_id, cast(extract(year from exit_date) as integer) as exit_year,
                             cast(extract(month from exit_date) as integer) as exit_month
                      from journey_exit where exit_date > :earliest and exit_date <= :latest) x
                join client_journey j on j.id = x.journey_id
                %s
                left join figure_household_year c on c.client_id = j.client_id and c.for_year = x.exit_year
                left join figure_household_year n on n.client_id = j.client_id and n.for_year = x.exit_year + 1
                """.formatted(returned, scope.clients("j.client_id")),
                scope.parameters().addValue("earliest", last.minusMonths(24)).addValue("latest",
                        last.minusMonths(RETURN_MONTHS)), rs -> {
            out.share("andel_ater_inom_12_manader", "Andel som återkommit till bistånd inom 12 månader efter avslut",
                    null, null, null, rs.getLong("returned"), rs.getLong("ended"));
        });
    }
}
