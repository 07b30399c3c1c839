package se.stegvis.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.appeal.domain.AppealRepository;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.SupplementRequestRepository;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;

/**
 * The key figures for a period of whole months, exactly as docs/nyckeltal.md defines them: "Bistånd" and
 * "Handläggning" here, "Klientresan" in {@link JourneyFigures} and "Avslut och resultat" in {@link ExitFigures}.
 * Optionally restricted to the clients of one unit (enhet).
 */
@Service
public class KeyFigureService {

    private final ApplicationRepository applications;
    private final DecisionRepository decisions;
    private final SupplementRequestRepository supplements;
    private final PaymentRepository payments;
    private final AppealRepository appeals;
    private final JourneyDataLoader journeyData;
    private final EntityManager entityManager;
    private final KeyFigureSettings settings;
    private final Clock clock;

    public KeyFigureService(ApplicationRepository applications, DecisionRepository decisions,
                            SupplementRequestRepository supplements, PaymentRepository payments,
                            AppealRepository appeals, JourneyDataLoader journeyData, EntityManager entityManager,
                            KeyFigureSettings settings, Clock clock) {
        this.applications = applications;
        this.decisions = decisions;
        this.supplements = supplements;
        this.payments = payments;
        this.appeals = appeals;
        this.journeyData = journeyData;
        this.entityManager = entityManager;
        this.settings = settings;
        this.clock = clock;
    }

    /** Every figure for the whole municipality. */
    public List<KeyFigure> compute(YearMonth from, YearMonth to) {
        return compute(from, to, null);
    }

    /**
     * Every figure, restricted to the clients of {@code unit} unless it is null (the caller checks that the unit is
     * configured). Per unit, a figure resting on 1–4 cases is suppressed ({@link Figures}).
     */
    @Transactional(readOnly = true)
    public List<KeyFigure> compute(YearMonth from, YearMonth to, String unit) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        UnitScope scope = unit == null ? UnitScope.ALL : new UnitScope(unit, Set.copyOf(entityManager
                .createQuery("select c.id from Client c where c.unit = :unit", UUID.class)
                .setParameter("unit", unit).getResultList()));
        Figures out = new Figures(scope.perUnit());
        Map<UUID, List<Decision>> decisionsByApplication = new HashMap<>();
        for (Decision d : decisions.findAll()) {
            decisionsByApplication.computeIfAbsent(d.getApplicationId(), k -> new ArrayList<>()).add(d);
        }
        decisionsByApplication.values().forEach(l -> l.sort(Comparator.comparing(Decision::getDecidedAt)));

        // Households with assistance per month: client → persons, by the latest monthly application with money.
        List<Application> every = applications.findAll();
        Map<YearMonth, Map<UUID, Integer>> granted = new HashMap<>();
        Map<YearMonth, Set<UUID>> assisted = new HashMap<>();
        for (Application a : every) {
            if (a.getKind() == ApplicationKind.TILLAGGSANSOKAN) {
                continue;
            }
            List<Decision> made = decisionsByApplication.getOrDefault(a.getId(), List.of());
            if (!made.isEmpty() && made.get(made.size() - 1).getAmount() > 0) {
                int persons = a.household().adults() + a.household().childrenAges().size();
                assisted.computeIfAbsent(a.getMonth(), m -> new HashSet<>()).add(a.getClient().getId());
                if (scope.includes(a.getClient().getId())) {
                    granted.computeIfAbsent(a.getMonth(), m -> new HashMap<>()).put(a.getClient().getId(), persons);
                }
            }
        }
        List<Application> all = every.stream().filter(a -> scope.includes(a.getClient().getId())).toList();

        assistance(out, from, to, granted, paidPerMonth(scope));
        caseHandling(out, from, to, all, decisionsByApplication);

        Map<UUID, UUID> clientOfApplication = new HashMap<>();
        every.forEach(a -> clientOfApplication.put(a.getId(), a.getClient().getId()));
        Map<UUID, UUID> clientOfDecision = new HashMap<>();
        decisionsByApplication.forEach((application, made) -> made.forEach(d ->
                clientOfDecision.put(d.getId(), clientOfApplication.get(application))));
        AppealFigures.addTo(out, from.atDay(1), to.atEndOfMonth(), appeals.findAll(), clientOfDecision, scope);

        JourneyData journeys = journeyData.load(assisted);
        new JourneyFigures(journeys, scope, clock.getZone(), clock.instant()).addTo(out, from, to);
        new ExitFigures(journeys, scope).addTo(out, from, to);
        return out.list();
    }

    /**
     * Section "Bistånd": {@code granted} is month → household (client) → persons, {@code paid} is month → client →
     * kronor.
     */
    private void assistance(Figures out, YearMonth from, YearMonth to, Map<YearMonth, Map<UUID, Integer>> granted,
                            Map<YearMonth, Map<UUID, Long>> paid) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<UUID, Integer> now = granted.getOrDefault(m, Map.of());
            Map<UUID, Integer> before = granted.getOrDefault(m.minusMonths(1), Map.of());
            long persons = now.values().stream().mapToLong(Integer::longValue).sum();
            String month = m.toString();
            out.count("hushall_per_manad", "Hushåll med bistånd", month, null, null, now.size());
            out.count("personer_per_manad", "Personer i hushåll med bistånd", month, null, null, persons, now.size());
            // Per unit the numerator is the unit's persons, the denominator stays the municipality's population.
            out.share("andel_av_befolkningen", "Andel av befolkningen med bistånd", month, null, null, persons,
                    settings.population().get(m.getYear()), now.size());
            out.count("inflode", "Inflöde (hushåll)", month, null, null,
                    now.keySet().stream().filter(c -> !before.containsKey(c)).count());
            out.count("utflode", "Utflöde (hushåll)", month, null, null,
                    before.keySet().stream().filter(c -> !now.containsKey(c)).count());
            Map<UUID, Long> paidTo = paid.getOrDefault(m, Map.of());
            out.count("utbetalt_per_manad", "Utbetalt (kr)", month, null, null,
                    paidTo.values().stream().mapToLong(Long::longValue).sum(), paidTo.size());
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            Map<UUID, Integer> months = new HashMap<>();
            for (int month = 1; month <= 12; month++) {
                for (UUID client : granted.getOrDefault(YearMonth.of(year, month), Map.of()).keySet()) {
                    months.merge(client, 1, Integer::sum);
                }
            }
            out.count("langvarigt", "Hushåll med bistånd minst 10 månader under året", null, year, null,
                    months.values().stream().filter(n -> n >= 10).count());
        }
    }

    private void caseHandling(Figures out, YearMonth from, YearMonth to, List<Application> all,
                              Map<UUID, List<Decision>> byApplication) {
        LocalDate first = from.atDay(1);
        LocalDate last = to.atEndOfMonth();
        List<Long> days = new ArrayList<>();
        long inTime = 0;
        long withSupplement = 0;
        for (Application a : all) {
            List<Decision> made = byApplication.getOrDefault(a.getId(), List.of());
            if (made.isEmpty()) {
                continue;
            }
            Decision firstDecision = made.get(0);
            LocalDate decided = LocalDate.ofInstant(firstDecision.getDecidedAt(), clock.getZone());
            if (decided.isBefore(first) || decided.isAfter(last)) {
                continue;
            }
            LocalDate complete = LocalDate.ofInstant(a.getCompleteAt() != null ? a.getCompleteAt() : a.getSubmittedAt(),
                    clock.getZone());
            days.add(ChronoUnit.DAYS.between(complete, decided));
            if (a.getInvestigationDue() != null && !decided.isAfter(a.getInvestigationDue())) {
                inTime++;
            }
            if (!supplements.findByApplicationIdOrderById(a.getId()).isEmpty()) {
                withSupplement++;
            }
        }
        long approved = 0;
        long decisionsInPeriod = 0;
        for (Application a : all) {
            for (Decision d : byApplication.getOrDefault(a.getId(), List.of())) {
                LocalDate decided = LocalDate.ofInstant(d.getDecidedAt(), clock.getZone());
                if (!decided.isBefore(first) && !decided.isAfter(last)) {
                    decisionsInPeriod++;
                    if (d.getApprover() != null) {
                        approved++;
                    }
                }
            }
        }
        days.sort(Long::compare);
        out.statistic("tid_till_beslut_median", "Dagar från komplett ansökan till beslut, median", null, null, null,
                percentile(days, 50), days.size());
        out.statistic("tid_till_beslut_p90", "Dagar från komplett ansökan till beslut, 90:e percentilen", null, null,
                null, percentile(days, 90), days.size());
        out.share("andel_beslut_i_tid", "Andel beslut inom utlovad tid", null, null, null, inTime, days.size());
        out.share("kompletteringsgrad", "Andel ansökningar med komplettering", null, null, null, withSupplement,
                days.size());
        out.share("andel_attest", "Andel beslut som attesterats", null, null, null, approved, decisionsInPeriod);
    }

    /** Nearest-rank percentile of sorted values; null without values. */
    static Double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return (double) sorted.get(Math.max(1, rank) - 1);
    }

    /** Confirmed payments per month and household. */
    private Map<YearMonth, Map<UUID, Long>> paidPerMonth(UnitScope scope) {
        Map<YearMonth, Map<UUID, Long>> paid = new HashMap<>();
        for (Payment p : payments.findAll()) {
            if (p.getStatus() == Payment.Status.BEKRAFTAD && scope.includes(p.getClientId())) {
                paid.computeIfAbsent(YearMonth.from(p.getPaymentDate()), m -> new HashMap<>())
                        .merge(p.getClientId(), p.getAmount(), Long::sum);
            }
        }
        return paid;
    }
}
