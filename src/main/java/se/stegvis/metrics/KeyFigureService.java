package se.stegvis.metrics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.application.domain.Application;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.Decision;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.domain.SupplementRequestRepository;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;

/**
 * The key figures of the monthly application for a period of whole months, exactly as docs/nyckeltal.md defines
 * them (sections "Bistånd" and "Handläggning"). The client journey's figures follow with the journey (issue 5).
 */
@Service
public class KeyFigureService {

    private final ApplicationRepository applications;
    private final DecisionRepository decisions;
    private final SupplementRequestRepository supplements;
    private final PaymentRepository payments;
    private final KeyFigureSettings settings;
    private final Clock clock;

    public KeyFigureService(ApplicationRepository applications, DecisionRepository decisions,
                            SupplementRequestRepository supplements, PaymentRepository payments,
                            KeyFigureSettings settings, Clock clock) {
        this.applications = applications;
        this.decisions = decisions;
        this.supplements = supplements;
        this.payments = payments;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<KeyFigure> compute(YearMonth from, YearMonth to) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to before from");
        }
        Map<UUID, List<Decision>> decisionsByApplication = new HashMap<>();
        for (Decision d : decisions.findAll()) {
            decisionsByApplication.computeIfAbsent(d.getApplicationId(), k -> new ArrayList<>()).add(d);
        }
        decisionsByApplication.values().forEach(l -> l.sort(Comparator.comparing(Decision::getDecidedAt)));

        // Households with assistance per month: client → persons, by the latest monthly application with money.
        List<Application> all = applications.findAll();
        Map<YearMonth, Map<UUID, Integer>> granted = new HashMap<>();
        for (Application a : all) {
            if (a.getKind() == ApplicationKind.TILLAGGSANSOKAN) {
                continue;
            }
            List<Decision> made = decisionsByApplication.getOrDefault(a.getId(), List.of());
            if (!made.isEmpty() && made.get(made.size() - 1).getAmount() > 0) {
                int persons = a.household().adults() + a.household().childrenAges().size();
                granted.computeIfAbsent(a.getMonth(), m -> new HashMap<>()).put(a.getClient().getId(), persons);
            }
        }

        List<KeyFigure> figures = new ArrayList<>();
        Map<YearMonth, Long> paid = paidPerMonth();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            Map<UUID, Integer> now = granted.getOrDefault(m, Map.of());
            Map<UUID, Integer> before = granted.getOrDefault(m.minusMonths(1), Map.of());
            long persons = now.values().stream().mapToLong(Integer::longValue).sum();
            String month = m.toString();
            figures.add(KeyFigure.count("hushall_per_manad", "Hushåll med bistånd", month, null, now.size()));
            figures.add(KeyFigure.count("personer_per_manad", "Personer i hushåll med bistånd", month, null, persons));
            figures.add(KeyFigure.share("andel_av_befolkningen", "Andel av befolkningen med bistånd", month, null,
                    persons, settings.population().get(m.getYear())));
            figures.add(KeyFigure.count("inflode", "Inflöde (hushåll)", month, null,
                    now.keySet().stream().filter(c -> !before.containsKey(c)).count()));
            figures.add(KeyFigure.count("utflode", "Utflöde (hushåll)", month, null,
                    before.keySet().stream().filter(c -> !now.containsKey(c)).count()));
            figures.add(KeyFigure.count("utbetalt_per_manad", "Utbetalt (kr)", month, null, paid.getOrDefault(m, 0L)));
        }
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            Map<UUID, Integer> months = new HashMap<>();
            for (int month = 1; month <= 12; month++) {
                for (UUID client : granted.getOrDefault(YearMonth.of(year, month), Map.of()).keySet()) {
                    months.merge(client, 1, Integer::sum);
                }
            }
            figures.add(KeyFigure.count("langvarigt", "Hushåll med bistånd minst 10 månader under året", null, year,
                    months.values().stream().filter(n -> n >= 10).count()));
        }
        figures.addAll(caseHandling(from, to, all, decisionsByApplication));
        return figures;
    }

    private List<KeyFigure> caseHandling(YearMonth from, YearMonth to, List<Application> all,
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
        for (List<Decision> made : byApplication.values()) {
            for (Decision d : made) {
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
        List<KeyFigure> figures = new ArrayList<>();
        figures.add(new KeyFigure("tid_till_beslut_median", "Dagar från komplett ansökan till beslut, median", null, null,
                percentile(days, 50), null, (long) days.size()));
        figures.add(new KeyFigure("tid_till_beslut_p90", "Dagar från komplett ansökan till beslut, 90:e percentilen",
                null, null, percentile(days, 90), null, (long) days.size()));
        figures.add(KeyFigure.share("andel_beslut_i_tid", "Andel beslut inom utlovad tid", null, null, inTime,
                (long) days.size()));
        figures.add(KeyFigure.share("kompletteringsgrad", "Andel ansökningar med komplettering", null, null,
                withSupplement, (long) days.size()));
        figures.add(KeyFigure.share("andel_attest", "Andel beslut som attesterats", null, null, approved, decisionsInPeriod));
        return figures;
    }

    /** Nearest-rank percentile of sorted values; null without values. */
    static Double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return (double) sorted.get(Math.max(1, rank) - 1);
    }

    private Map<YearMonth, Long> paidPerMonth() {
        Map<YearMonth, Long> paid = new HashMap<>();
        for (Payment p : payments.findAll()) {
            if (p.getStatus() == Payment.Status.BEKRAFTAD) {
                paid.merge(YearMonth.from(p.getPaymentDate()), p.getAmount(), Long::sum);
            }
        }
        return paid;
    }
}
