package se.stegvis.metrics;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.stegvis.appeal.domain.Appeal;

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

    static String outcome(Appeal appeal) {
        return switch (appeal.getStatus()) {
            case REGISTRERAT -> "under_omprovning";
            case BESLUT_ANDRAT -> "andrat_vid_omprovning";
            case OVERLAMNAT -> "overlamnat";
            case DOM_REGISTRERAD -> switch (appeal.getOutcome()) {
                case BIFALL -> "dom_bifall";
                case AVSLAG -> "dom_avslag";
                case AVVISAT -> "dom_avvisat";
            };
            case AVVISAT_FOR_SENT -> "avvisat_for_sent";
        };
    }

    /** Appeals received from {@code first} to {@code last}; {@code clientOfDecision} says whose decision it was. */
    static void addTo(Figures out, LocalDate first, LocalDate last, List<Appeal> appeals,
                      Map<UUID, UUID> clientOfDecision, UnitScope scope) {
        Map<String, Long> counts = new LinkedHashMap<>();
        OUTCOMES.keySet().forEach(k -> counts.put(k, 0L));
        for (Appeal appeal : appeals) {
            UUID client = clientOfDecision.get(appeal.getDecisionId());
            if (client != null && scope.includes(client)
                    && JourneyFigures.within(appeal.getReceivedDate(), first, last)) {
                counts.merge(outcome(appeal), 1L, Long::sum);
            }
        }
        counts.forEach((outcome, n) -> out.count("overklaganden", "Överklaganden: " + OUTCOMES.get(outcome), null, null,
                outcome, n));
    }
}
