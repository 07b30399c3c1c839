package se.stegvis.activity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.stegvis.activity.ActivityRequirementRules.Coverage;
import se.stegvis.activity.ActivityRequirementRules.ExemptionPeriod;
import se.stegvis.activity.domain.AgeExemption;
import se.stegvis.activity.domain.AgeExemptionRepository;
import se.stegvis.activity.domain.CoverageEvent;
import se.stegvis.activity.domain.CoverageEventRepository;
import se.stegvis.activity.domain.Exemption;
import se.stegvis.activity.domain.ExemptionGround;
import se.stegvis.activity.domain.ExemptionRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.config.NotFoundException;
import se.stegvis.letter.SwedishFormat;

/**
 * The aktivitetskrav per client: whether it applies and why ({@link #status}), the recorded exemptions, and the event
 * of becoming covered ({@link #recordCoverageIfNew}), which the journey turns into the coach's plan task.
 */
@Service
public class ActivityRequirementService {

    private static final Logger log = LoggerFactory.getLogger(ActivityRequirementService.class);
    static final int MAX_EVIDENCE = 500;

    private final ActivityRequirementRules rules;
    private final GrantedMonths grantedMonths;
    private final ExemptionRepository exemptions;
    private final CoverageEventRepository coverageEvents;
    private final AgeExemptionRepository ageExemptions;
    private final ClientRepository clients;
    private final AgreedPlanExtents agreedPlans;
    private final ActivityExtent extent;
    private final Clock clock;

    public ActivityRequirementService(ActivityRequirementSettings settings, GrantedMonths grantedMonths,
                                      ExemptionRepository exemptions, CoverageEventRepository coverageEvents,
                                      AgeExemptionRepository ageExemptions, ClientRepository clients,
                                      AgreedPlanExtents agreedPlans, Clock clock) {
        this.ageExemptions = ageExemptions;
        this.rules = new ActivityRequirementRules(settings);
        this.extent = new ActivityExtent(settings);
        this.agreedPlans = agreedPlans;
        this.grantedMonths = grantedMonths;
        this.exemptions = exemptions;
        this.coverageEvents = coverageEvents;
        this.clients = clients;
        this.clock = clock;
    }

    /** The client's status today. */
    @Transactional(readOnly = true)
    public ActivityRequirementStatus status(UUID clientId) {
        Client client = client(clientId);
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        Optional<Coverage> coverage = rules.coverage(grantedMonths.of(clientId), month);
        LocalDate day = dayTheExemptionsApplyOn(coverage, today);
        Optional<ActivityRequirementStatus.Exemption> exemption = exemptionOn(client, day);
        int months = rules.settings().consecutiveMonths();
        if (coverage.isEmpty()) {
            return new ActivityRequirementStatus(false, null, exemption.orElse(null), null, null, true,
                    "Har inte fått försörjningsstöd " + months + " månader i följd fram till nu.");
        }
        Coverage c = coverage.get();
        String run = "försörjningsstöd beviljat " + SwedishFormat.month(c.runStart()) + "–"
                + SwedishFormat.month(c.lastGranted());
        if (exemption.isPresent()) {
            return new ActivityRequirementStatus(false, null, exemption.get(), null, null, true,
                    "Undantagen: " + exemption.get().groundLabel().toLowerCase() + " (" + run + ").");
        }
        // The agreed plan's requirement (part-time work, other insatser, capacity) and hours; full time without one.
        Optional<AgreedPlanExtents.AgreedExtent> plan = agreedPlans.latestAgreed(clientId);
        Integer required = plan.map(AgreedPlanExtents.AgreedExtent::requiredHoursPerWeek)
                .orElse(rules.settings().fullTimeHoursPerWeek());
        Integer planned = plan.map(AgreedPlanExtents.AgreedExtent::plannedHoursPerWeek).orElse(null);
        return new ActivityRequirementStatus(true, c.coveredFrom().toString(), null, required, planned,
                planned != null && planned >= required,
                "Omfattas från " + SwedishFormat.month(c.coveredFrom()) + ": " + run + ", minst " + months
                        + " månader i följd.");
    }

    /** The computation of the required extent and the check of a plan against it. */
    public ActivityExtent extent() {
        return extent;
    }

    /** The full time in hours per week (the setting). */
    public int fullTimeHoursPerWeek() {
        return rules.settings().fullTimeHoursPerWeek();
    }

    /** One line for the caseworker's "Utred ansökan". */
    @Transactional(readOnly = true)
    public String describe(UUID clientId) {
        ActivityRequirementStatus s = status(clientId);
        StringBuilder text = new StringBuilder("Aktivitetskrav: ");
        if (s.covered()) {
            text.append("omfattas från ").append(SwedishFormat.month(YearMonth.parse(s.coveredFrom())))
                    .append(", krav ").append(s.requiredHoursPerWeek()).append(" timmar i veckan");
            text.append(s.plannedHoursPerWeek() == null ? ", planerade timmar inte registrerade"
                    : ", planerat " + s.plannedHoursPerWeek() + " timmar");
        } else if (s.exemption() != null && s.reason().startsWith("Undantagen")) {
            text.append("omfattas inte, undantagen (").append(s.exemption().groundLabel().toLowerCase())
                    .append(", från ").append(SwedishFormat.date(s.exemption().from()))
                    .append(s.exemption().to() == null ? "" : " till " + SwedishFormat.date(s.exemption().to()))
                    .append(')');
        } else {
            text.append("omfattas inte");
        }
        return text.append("\n  ").append(s.reason()).append('\n').toString();
    }

    /**
     * After a grant: when the client is covered from a month no event was recorded for, records the event (once per
     * client and month, a unique key) and returns it; empty otherwise.
     */
    @Transactional
    public Optional<CoverageEvent> recordCoverageIfNew(UUID clientId) {
        ActivityRequirementStatus status = status(clientId);
        if (!status.covered()) {
            recordAgeExemptionIfNew(clientId);
            return Optional.empty();
        }
        if (coverageEvents.findByClientIdAndCoveredFrom(clientId, status.coveredFrom()).isPresent()) {
            return Optional.empty();
        }
        CoverageEvent event = coverageEvents.save(new CoverageEvent(clientId, YearMonth.parse(status.coveredFrom()),
                clock.instant()));
        log.info("Client {} covered by the aktivitetskrav from {}", clientId, status.coveredFrom());
        return Optional.of(event);
    }

    /**
     * A client the grant would have made covered but whose age exempts them (under 18, at or above the pension age):
     * the fact is kept once per client, run and ground, for the key figures. The age comes from the personnummer,
     * which is neither copied nor logged.
     */
    private void recordAgeExemptionIfNew(UUID clientId) {
        Client client = client(clientId);
        LocalDate today = LocalDate.now(clock);
        Optional<Coverage> coverage = rules.coverage(grantedMonths.of(clientId), YearMonth.from(today));
        if (coverage.isEmpty()) {
            return;
        }
        YearMonth coveredFrom = coverage.get().coveredFrom();
        rules.ageExemption(client.getPersonnummer(), dayTheExemptionsApplyOn(coverage, today)).ifPresent(age -> {
            if (ageExemptions.findByClientIdAndCoveredFromAndGround(clientId, coveredFrom.toString(), age.ground())
                    .isPresent()) {
                return;
            }
            LocalDate from = age.from().isAfter(coveredFrom.atDay(1)) ? age.from() : coveredFrom.atDay(1);
            AgeExemption saved = ageExemptions.save(new AgeExemption(clientId, age.ground(), coveredFrom, from,
                    age.to(), clock.instant()));
            log.info("Client {} exempt from the aktivitetskrav by age ({}) from {} (age exemption {})", clientId,
                    age.ground(), coveredFrom, saved.getId());
        });
    }

    /** The age exemptions kept for the key figures, first first. */
    @Transactional(readOnly = true)
    public List<AgeExemption> ageExemptions(UUID clientId) {
        return ageExemptions.findByClientIdOrderByValidFrom(clientId);
    }

    /** Today, or the first day of the requirement when it begins next month: the day exemptions are judged on. */
    private static LocalDate dayTheExemptionsApplyOn(Optional<Coverage> coverage, LocalDate today) {
        return coverage.map(c -> c.coveredFrom().atDay(1)).filter(d -> d.isAfter(today)).orElse(today);
    }

    /** What the journey did about the plan for a coverage event. */
    @Transactional
    public void recordPlanRequest(UUID coverageEventId, CoverageEvent.PlanRequest request) {
        coverageEvents.findById(coverageEventId).orElseThrow().setPlanRequest(request);
    }

    @Transactional(readOnly = true)
    public List<CoverageEvent> coverageEvents(UUID clientId) {
        return coverageEvents.findByClientIdOrderByRecordedAt(clientId);
    }

    @Transactional(readOnly = true)
    public List<Exemption> exemptions(UUID clientId) {
        return exemptions.findByClientIdOrderByValidFrom(clientId);
    }

    /**
     * Records an exemption with its ground, days and evidence. Refused (400 naming the field): an age ground (derived
     * from the personnummer), a missing or too long evidence, an end before the start, and "18–20 år och studerar" for
     * someone who is not 18–20 when it starts.
     */
    @Transactional
    public Exemption recordExemption(UUID clientId, String ground, LocalDate from, LocalDate to, String evidence,
                                     String recordedBy) {
        Client client = client(clientId);
        ExemptionGround g = ground(ground);
        if (from == null) {
            throw new InvalidRequestException("from", "Ange från vilket datum undantaget gäller (ÅÅÅÅ-MM-DD).");
        }
        if (to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "Undantaget kan inte sluta före det börjar.");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new InvalidRequestException("evidence", "Ange underlaget för undantaget (t.ex. intyg eller beslut med datum).");
        }
        if (evidence.strip().length() > MAX_EVIDENCE) {
            throw new InvalidRequestException("evidence", "Underlaget får vara högst " + MAX_EVIDENCE + " tecken.");
        }
        if (g == ExemptionGround.STUDERAR_18_20) {
            int age = rules.age(client.getPersonnummer(), from);
            if (age < 18 || age > 20) {
                throw new InvalidRequestException("ground", "Undantaget för studier gäller bara den som är 18–20 år;"
                        + " klienten är " + age + " år " + SwedishFormat.date(from) + ".");
            }
        }
        Exemption exemption = exemptions.save(new Exemption(clientId, g, from, to, evidence.strip(), recordedBy,
                clock.instant()));
        log.info("Exemption {} ({}) recorded for client {} by {}", exemption.getId(), g, clientId, recordedBy);
        return exemption;
    }

    /** Ends an exemption on a day (its last day); not before it started. */
    @Transactional
    public Exemption endExemption(UUID clientId, UUID exemptionId, LocalDate lastDay, String by) {
        Exemption exemption = exemptions.findById(exemptionId).filter(e -> e.getClientId().equals(clientId))
                .orElseThrow(() -> new NotFoundException("Undantaget finns inte."));
        if (lastDay == null) {
            throw new InvalidRequestException("to", "Ange undantagets sista dag (ÅÅÅÅ-MM-DD).");
        }
        if (lastDay.isBefore(exemption.getValidFrom())) {
            throw new InvalidRequestException("to", "Undantaget kan inte sluta före det börjar ("
                    + SwedishFormat.date(exemption.getValidFrom()) + ").");
        }
        exemption.endOn(lastDay);
        log.info("Exemption {} of client {} ended by {}", exemptionId, clientId, by);
        return exemption;
    }

    private Optional<ActivityRequirementStatus.Exemption> exemptionOn(Client client, LocalDate day) {
        Optional<ExemptionPeriod> byAge = rules.ageExemption(client.getPersonnummer(), day);
        if (byAge.isPresent()) {
            ExemptionPeriod p = byAge.get();
            return Optional.of(new ActivityRequirementStatus.Exemption(p.ground().name(), p.ground().label(), p.from(),
                    p.to(), false));
        }
        return exemptions.findByClientIdOrderByValidFrom(client.getId()).stream().filter(e -> e.appliesOn(day))
                .reduce((first, later) -> later)
                .map(e -> new ActivityRequirementStatus.Exemption(e.getGround().name(), e.getGround().label(),
                        e.getValidFrom(), e.getValidTo().orElse(null), true));
    }

    private static ExemptionGround ground(String value) {
        String allowed = String.join(", ", java.util.Arrays.stream(ExemptionGround.values())
                .filter(g -> !g.derivedFromAge()).map(Enum::name).toList());
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException("ground", "Ange grund för undantaget: " + allowed + ".");
        }
        ExemptionGround g;
        try {
            g = ExemptionGround.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("ground", "Okänd grund \"" + value + "\". Tillåtna: " + allowed + ".");
        }
        if (g.derivedFromAge()) {
            throw new InvalidRequestException("ground", "Åldersundantag räknas fram ur personnumret och registreras"
                    + " inte. Tillåtna: " + allowed + ".");
        }
        return g;
    }

    private Client client(UUID clientId) {
        return clients.findById(clientId).orElseThrow(() -> new NotFoundException("Klienten finns inte."));
    }
}
