package se.stegvis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExit;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.domain.StepAssessment;
import se.stegvis.metrics.JourneyData.FollowUpConversation;
import se.stegvis.placement.domain.Placement;
import se.stegvis.placement.domain.PlacementType;

/**
 * The figures of docs/nyckeltal.md, section "Klientresan": clients per phase, active placements, waiting time to
 * start, step movements and timely follow-ups. Plain computation over {@link JourneyData}; no database.
 */
final class JourneyFigures {

    /** The phases of an active journey at a day, in the order a journey goes through them. */
    enum Phase {
        KARTLAGGNING("kartlaggning", "Kartläggning"),
        PLANERING("planering", "Planering"),
        I_INSATS("i_insats", "I insats"),
        UPPFOLJNING("uppfoljning", "Uppföljning");

        final String category;
        final String label;

        Phase(String category, String label) {
            this.category = category;
            this.label = label;
        }
    }

    private final JourneyData data;
    private final UnitScope scope;
    private final ZoneId zone;
    private final Instant now;
    private final Map<UUID, Journey> journeys = new HashMap<>();
    private final Map<UUID, JourneyExit> exits = new HashMap<>();
    private final Map<UUID, List<Placement>> placementsByJourney = new HashMap<>();

    JourneyFigures(JourneyData data, UnitScope scope, ZoneId zone, Instant now) {
        this.data = data;
        this.scope = scope;
        this.zone = zone;
        this.now = now;
        data.journeys().forEach(j -> journeys.put(j.getId(), j));
        data.exits().forEach(e -> exits.put(e.getJourneyId(), e));
        data.placements().forEach(p -> placementsByJourney.computeIfAbsent(p.getJourneyId(), k -> new ArrayList<>()).add(p));
    }

    void addTo(Figures out, YearMonth from, YearMonth to) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            clientsPerPhase(out, m);
            activePlacements(out, m);
        }
        waitingTime(out, from.atDay(1), to.atEndOfMonth());
        stepMovement(out, from.atDay(1), to.atEndOfMonth());
        timelyFollowUps(out, from.atDay(1), to.atEndOfMonth());
    }

    private void clientsPerPhase(Figures out, YearMonth month) {
        LocalDate day = month.atEndOfMonth();
        Map<Phase, Long> counts = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            counts.put(phase, 0L);
        }
        for (Journey journey : journeys.values()) {
            if (inScope(journey) && activeOn(journey, day)) {
                counts.merge(phaseOn(journey, day), 1L, Long::sum);
            }
        }
        counts.forEach((phase, n) -> out.count("klienter_per_fas", "Klienter i fas: " + phase.label, month.toString(),
                null, phase.category, n));
    }

    /** Kartläggning until mapped, planering until a plan is agreed, then i insats while a placement runs, else uppföljning. */
    Phase phaseOn(Journey journey, LocalDate day) {
        LocalDate mapped = data.mapped().get(journey.getId());
        if (mapped == null || mapped.isAfter(day)) {
            return Phase.KARTLAGGNING;
        }
        LocalDate agreed = data.planAgreed().get(journey.getId());
        if (agreed == null || agreed.isAfter(day)) {
            return Phase.PLANERING;
        }
        boolean inPlacement = placementsByJourney.getOrDefault(journey.getId(), List.of()).stream()
                .anyMatch(p -> runningOn(p, day));
        return inPlacement ? Phase.I_INSATS : Phase.UPPFOLJNING;
    }

    private void activePlacements(Figures out, YearMonth month) {
        LocalDate day = month.atEndOfMonth();
        Map<PlacementType, Long> counts = perType(0L);
        for (Placement p : data.placements()) {
            if (inScope(p) && runningOn(p, day)) {
                counts.merge(typeOn(p, day), 1L, Long::sum);
            }
        }
        counts.forEach((type, n) -> out.count("insatser_aktiva", "Aktiva insatser: " + type.label(), month.toString(),
                null, type.name(), n));
    }

    private void waitingTime(Figures out, LocalDate first, LocalDate last) {
        Map<PlacementType, List<Long>> days = new EnumMap<>(PlacementType.class);
        for (PlacementType type : PlacementType.values()) {
            days.put(type, new ArrayList<>());
        }
        for (Placement p : data.placements()) {
            Optional<LocalDate> start = p.getStartDate();
            if (inScope(p) && start.isPresent() && within(start.get(), first, last)) {
                days.get(typeOn(p, start.get())).add(ChronoUnit.DAYS.between(p.getRequestedOn(), start.get()));
            }
        }
        days.forEach((type, values) -> {
            values.sort(Long::compare);
            out.statistic("vantetid_till_start", "Dagar från begäran till start, median: " + type.label(), null, null,
                    type.name(), KeyFigureService.percentile(values, 50), values.size());
        });
    }

    private void stepMovement(Figures out, LocalDate first, LocalDate last) {
        Map<UUID, List<StepAssessment>> byClient = new LinkedHashMap<>();
        for (StepAssessment a : data.assessments()) {
            Journey journey = journeys.get(a.getJourneyId());
            if (journey != null && scope.includes(journey.getClientId()) && !a.getAssessedOn().isAfter(last)) {
                byClient.computeIfAbsent(journey.getClientId(), k -> new ArrayList<>()).add(a);
            }
        }
        long assessed = 0;
        long movedUp = 0;
        Map<PlacementType, Long> assessedIn = perType(0L);
        Map<PlacementType, Long> movedUpIn = perType(0L);
        for (List<StepAssessment> assessments : byClient.values()) {
            List<StepAssessment> before = assessments.stream().filter(a -> a.getAssessedOn().isBefore(first)).toList();
            List<StepAssessment> during = assessments.stream().filter(a -> !a.getAssessedOn().isBefore(first)).toList();
            if (during.isEmpty()) {
                continue;
            }
            var baseline = before.isEmpty() ? during.get(0).getStep() : before.get(before.size() - 1).getStep();
            Set<PlacementType> typesAssessed = EnumSet.noneOf(PlacementType.class);
            Set<PlacementType> typesMovedUp = EnumSet.noneOf(PlacementType.class);
            boolean up = false;
            for (StepAssessment a : during) {
                Set<PlacementType> running = typesRunningFor(a);
                typesAssessed.addAll(running);
                if (a.getStep().isStepUpFrom(baseline)) {
                    up = true;
                    typesMovedUp.addAll(running);
                }
            }
            assessed++;
            movedUp += up ? 1 : 0;
            typesAssessed.forEach(t -> assessedIn.merge(t, 1L, Long::sum));
            typesMovedUp.forEach(t -> movedUpIn.merge(t, 1L, Long::sum));
        }
        out.share("stegforflyttning", "Andel klienter som flyttat minst ett steg uppåt", null, null, null, movedUp,
                assessed);
        for (PlacementType type : PlacementType.values()) {
            out.share("stegforflyttning", "Andel klienter som flyttat minst ett steg uppåt: " + type.label(), null, null,
                    type.name(), movedUpIn.get(type), assessedIn.get(type));
        }
    }

    /** The types of the placements of the client's journey running on the day of the assessment. */
    private Set<PlacementType> typesRunningFor(StepAssessment a) {
        Set<PlacementType> types = EnumSet.noneOf(PlacementType.class);
        for (Placement p : placementsByJourney.getOrDefault(a.getJourneyId(), List.of())) {
            if (runningOn(p, a.getAssessedOn())) {
                types.add(typeOn(p, a.getAssessedOn()));
            }
        }
        return types;
    }

    private void timelyFollowUps(Figures out, LocalDate first, LocalDate last) {
        Map<UUID, Boolean> allInTime = new HashMap<>();
        for (FollowUpConversation f : data.followUps()) {
            Journey journey = journeys.get(f.journeyId());
            if (journey == null || !scope.includes(journey.getClientId())
                    || !within(LocalDate.ofInstant(f.due(), zone), first, last)) {
                continue;
            }
            Boolean held = heldInTime(f);
            if (held != null) {
                allInTime.merge(journey.getClientId(), held, Boolean::logicalAnd);
            }
        }
        out.share("uppfoljning_i_tid", "Andel klienter med uppföljningssamtal i tid", null, null, null,
                allInTime.values().stream().filter(b -> b).count(), allInTime.size());
    }

    /**
     * Held by its due time (true), missed (false), or not to be counted (null): still open and not yet due, or
     * cancelled before it was due because the journey ended.
     */
    Boolean heldInTime(FollowUpConversation f) {
        if (f.completed()) {
            return !f.ended().isAfter(f.due());
        }
        if (f.ended() == null) {
            return now.isAfter(f.due()) ? false : null;
        }
        return f.ended().isAfter(f.due()) ? false : null;
    }

    // --- shared rules

    /** A journey is active on a day from the day it started until its exit date (the exit day is its last day). */
    boolean activeOn(Journey journey, LocalDate day) {
        if (LocalDate.ofInstant(journey.getStartedAt(), zone).isAfter(day)) {
            return false;
        }
        LocalDate ended = endDate(journey);
        return ended == null || ended.isAfter(day);
    }

    /** The exit date, or the day the journey was ended when no exit was recorded; null while active. */
    LocalDate endDate(Journey journey) {
        JourneyExit exit = exits.get(journey.getId());
        if (exit != null) {
            return exit.getExitDate();
        }
        if (journey.getStatus() == JourneyStatus.AVSLUTAD) {
            return journey.getEndedAt().map(at -> LocalDate.ofInstant(at, zone)).orElse(null);
        }
        return null;
    }

    /** Running on a day: started on or before it and not ended by it (a placement's end date is its first day off). */
    static boolean runningOn(Placement p, LocalDate day) {
        return p.getStartDate().map(start -> !start.isAfter(day)).orElse(false)
                && p.getEndDate().map(end -> end.isAfter(day)).orElse(true);
    }

    /** The type on a day: an SFI placement switched to flex-SFI was SFI before the switch. */
    static PlacementType typeOn(Placement p, LocalDate day) {
        return p.getSwitchedToFlexSfiOn().filter(switched -> switched.isAfter(day)).map(s -> PlacementType.SFI)
                .orElse(p.getType());
    }

    static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    static <V> Map<PlacementType, V> perType(V initial) {
        Map<PlacementType, V> map = new EnumMap<>(PlacementType.class);
        for (PlacementType type : PlacementType.values()) {
            map.put(type, initial);
        }
        return map;
    }

    private boolean inScope(Journey journey) {
        return scope.includes(journey.getClientId());
    }

    private boolean inScope(Placement p) {
        Journey journey = journeys.get(p.getJourneyId());
        return journey != null && scope.includes(journey.getClientId());
    }
}
