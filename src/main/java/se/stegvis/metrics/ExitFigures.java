package se.stegvis.metrics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import se.stegvis.journey.domain.ExitFollowUp;
import se.stegvis.journey.domain.ExitReason;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementType;

/**
 * The figures of docs/nyckeltal.md, section "Avslut och resultat": exits by reason, work or studies after a
 * placement (the municipality's 60 % figure for supported employment), still in work or studies six months after
 * the exit, and return to assistance within 12 months. Plain computation over {@link JourneyData}.
 */
final class ExitFigures {

    /** An exit to work or studies this many days after a placement's end still counts as its result. */
    static final int DAYS_TO_EXIT_AFTER_PLACEMENT = 30;
    static final int RETURN_MONTHS = 12;

    private final JourneyData data;
    private final UnitScope scope;
    private final Map<UUID, Journey> journeys = new HashMap<>();
    private final Map<UUID, List<JourneyExit>> exitsByClient = new HashMap<>();

    ExitFigures(JourneyData data, UnitScope scope) {
        this.data = data;
        this.scope = scope;
        data.journeys().forEach(j -> journeys.put(j.getId(), j));
        for (JourneyExit exit : data.exits()) {
            Journey journey = journeys.get(exit.getJourneyId());
            if (journey != null) {
                exitsByClient.computeIfAbsent(journey.getClientId(), k -> new ArrayList<>()).add(exit);
            }
        }
    }

    void addTo(Figures out, YearMonth from, YearMonth to) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atEndOfMonth();
        exitsByReason(out, first, last);
        workOrStudiesAfterPlacement(out, first, last);
        stillInWorkOrStudies(out, first, last);
        returnedToAssistance(out, last);
    }

    private void exitsByReason(Figures out, LocalDate first, LocalDate last) {
        Map<ExitReason, Long> counts = new EnumMap<>(ExitReason.class);
        for (ExitReason reason : ExitReason.values()) {
            counts.put(reason, 0L);
        }
        for (JourneyExit exit : data.exits()) {
            if (inScope(exit) && JourneyFigures.within(exit.getExitDate(), first, last)) {
                counts.merge(exit.getReason(), 1L, Long::sum);
            }
        }
        counts.forEach((reason, n) -> out.count("avslut_per_orsak", "Avslut: " + reason.label(), null, null,
                reason.name(), n));
    }

    private void workOrStudiesAfterPlacement(Figures out, LocalDate first, LocalDate last) {
        Map<PlacementType, Long> ended = JourneyFigures.perType(0L);
        Map<PlacementType, Long> followed = JourneyFigures.perType(0L);
        for (Placement p : data.placements()) {
            Journey journey = journeys.get(p.getJourneyId());
            if (journey == null || !scope.includes(journey.getClientId()) || p.getEndDate().isEmpty()
                    || !JourneyFigures.within(p.getEndDate().get(), first, last)) {
                continue;
            }
            ended.merge(p.getType(), 1L, Long::sum);
            if (followedByWorkOrStudies(p, journey.getClientId())) {
                followed.merge(p.getType(), 1L, Long::sum);
            }
        }
        long supportedEnded = 0;
        long supportedFollowed = 0;
        for (PlacementType type : PlacementType.values()) {
            if (type.subsidisedEmployment()) {
                supportedEnded += ended.get(type);
                supportedFollowed += followed.get(type);
            }
        }
        out.share("andel_arbete_studier_efter_anstallning_med_stod",
                "Andel avslutade anställningar med stöd som följts av arbete eller studier", null, null, null,
                supportedFollowed, supportedEnded);
        for (PlacementType type : PlacementType.values()) {
            out.share("andel_arbete_studier_efter_insats", "Andel avslutade insatser som följts av arbete eller studier: "
                    + type.label(), null, null, type.name(), followed.get(type), ended.get(type));
        }
    }

    /** The outcome is work or studies, or the client exited to work or studies on the end day or within 30 days. */
    boolean followedByWorkOrStudies(Placement p, UUID clientId) {
        if (p.getOutcome().map(o -> o.workOrStudies()).orElse(false)) {
            return true;
        }
        LocalDate end = p.getEndDate().orElseThrow();
        return exitsByClient.getOrDefault(clientId, List.of()).stream().anyMatch(exit -> exit.toWorkOrStudies()
                && JourneyFigures.within(exit.getExitDate(), end, end.plusDays(DAYS_TO_EXIT_AFTER_PLACEMENT)));
    }

    private void stillInWorkOrStudies(Figures out, LocalDate first, LocalDate last) {
        long recorded = 0;
        long still = 0;
        Map<UUID, JourneyExit> exits = new HashMap<>();
        data.exits().forEach(e -> exits.put(e.getId(), e));
        for (ExitFollowUp f : data.exitFollowUps()) {
            JourneyExit exit = exits.get(f.getExitId());
            if (exit != null && inScope(exit) && JourneyFigures.within(f.getFollowedUpOn(), first, last)) {
                recorded++;
                still += f.isInWorkOrStudies() ? 1 : 0;
            }
        }
        out.share("andel_kvar_efter_sex_manader", "Andel i arbete eller studier sex månader efter avslut", null, null,
                null, still, recorded);
    }

    /**
     * Exits from the day after the period's last day 24 months earlier through the same day 12 months earlier, so
     * that each exit's 12 months have passed; returned when the household had assistance in any of the 12 months
     * after the exit's month.
     */
    private void returnedToAssistance(Figures out, LocalDate last) {
        LocalDate earliest = last.minusMonths(24);
        LocalDate latest = last.minusMonths(RETURN_MONTHS);
        long ended = 0;
        long returned = 0;
        for (JourneyExit exit : data.exits()) {
            LocalDate day = exit.getExitDate();
            if (!inScope(exit) || !day.isAfter(earliest) || day.isAfter(latest)) {
                continue;
            }
            ended++;
            UUID client = journeys.get(exit.getJourneyId()).getClientId();
            YearMonth exitMonth = YearMonth.from(day);
            for (int m = 1; m <= RETURN_MONTHS; m++) {
                if (data.assisted().getOrDefault(exitMonth.plusMonths(m), Set.of()).contains(client)) {
                    returned++;
                    break;
                }
            }
        }
        out.share("andel_ater_inom_12_manader", "Andel som återkommit till bistånd inom 12 månader efter avslut", null,
                null, null, returned, ended);
    }

    private boolean inScope(JourneyExit exit) {
        Journey journey = journeys.get(exit.getJourneyId());
        return journey != null && scope.includes(journey.getClientId());
    }
}
