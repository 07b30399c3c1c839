package se.stegvis.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import se.stegvis.appeal.domain.AppealStatus;
import se.stegvis.appeal.domain.CourtOutcome;

/** {@code overklaganden} of docs/nyckeltal.md: appeals received in the period, by where they ended up. */
final class AppealFigures {

    /** The outcome categories, in the order an appeal can go. */
    static final Map<String, String> OUTCOMES = outcomes();

    private AppealFigures() {}

    private static Map<String, String> outcomes() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("under_omprovning", "Under omprövning");
        m.put("andrat_vid_omprovning", "Ändrat vid omprövning");
        m.put("overlamnat", "Överlämnat till förvaltningsrätten, dom inte registrerad");
        m.put("dom_bifall", "Förvaltningsrätten: bifall");
        m.put("dom_avslag", "Förvaltningsrätten: avslag");
        m.put("dom_avvisat", "Förvaltningsrätten: avvisat");
        m.put("avvisat_for_sent", "Avvisat som för sent");
        return java.util.Collections.unmodifiableMap(m);
    }

    static String outcome(AppealStatus status, CourtOutcome ruling) {
        return switch (status) {
            case REGISTRERAT -> "under_omprovning";
            case BESLUT_ANDRAT -> "andrat_vid_omprovning";
            case OVERLAMNAT -> "overlamnat";
            case DOM_REGISTRERAD -> switch (ruling) {
                case BIFALL -> "dom_bifall";
                case AVSLAG -> "dom_avslag";
                case AVVISAT -> "dom_avvisat";
            };
            case AVVISAT_FOR_SENT -> "avvisat_for_sent";
        };
    }

    /** Appeals received in the period ({@code received_date}) of decisions on the scope's clients' applications. */
    static void addTo(Figures out, FigureScope scope, NamedParameterJdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        OUTCOMES.keySet().forEach(k -> counts.put(k, 0L));
        jdbc.query("""
                select ap.status, ap.outcome, count(*) as appeals
                from appeal ap
                where ap.received_date >= :first and ap.received_date <= :last""" + unitOfClient(scope) + """
                group by ap.status, ap.outcome
                """, scope.parameters(), rs -> {
            String ruling = rs.getString("outcome");
            counts.merge(outcome(AppealStatus.valueOf(rs.getString("status")),
                    ruling == null ? null : CourtOutcome.valueOf(ruling)), rs.getLong("appeals"), Long::sum);
        });
        counts.forEach((outcome, n) -> out.count("overklaganden", "Överklaganden: " + OUTCOMES.get(outcome), null, null,
                outcome, n));
    }

    /**
     * Per unit, the unit of the appeal's client, looked up appeal by appeal through the primary keys of decision,
     * application and client (a scalar subquery, which the planner does not turn into a join): as joins, PostgreSQL
     * read the whole decision table for a year's appeals (294 ms per unit at 232 000 decisions, issue #14). For the
     * whole municipality nothing: every appeal has its decision and every decision its application (not null,
     * foreign keys).
     */
    private static String unitOfClient(FigureScope scope) {
        return scope.perUnit()
                ? " and (select uc.unit from decision d join application a on a.id = d.application_id"
                        + " join client uc on uc.id = a.client_id where d.id = ap.decision_id) = :unit "
                : " ";
    }
}
