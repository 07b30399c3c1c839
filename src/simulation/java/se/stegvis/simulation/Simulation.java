package se.stegvis.simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.ApplicationService;
import se.stegvis.application.SupplementService;
import se.stegvis.application.api.SubmitApplicationMapper;
import se.stegvis.application.api.SubmitApplicationRequest;
import se.stegvis.application.domain.ApplicationKind;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.application.process.EkonomisktBistandProcess;
import se.stegvis.integration.ssbtek.IncomeCheckWorker;
import se.stegvis.journey.JourneyService;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.JourneyExitRepository;
import se.stegvis.journey.domain.JourneyRepository;
import se.stegvis.journey.domain.JourneyStatus;
import se.stegvis.journey.process.JourneyProcess;
import se.stegvis.metrics.KeyFigure;
import se.stegvis.metrics.KeyFigureService;
import se.stegvis.norm.api.TrialCalculationRequest;
import se.stegvis.norm.domain.IncomeKind;
import se.stegvis.payment.PaymentFileService;
import se.stegvis.payment.PaymentService;
import se.stegvis.payment.domain.BankingCalendar;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;
import se.stegvis.placement.SyntheticPlacementProviders;
import se.stegvis.placement.domain.PlacementRepository;
import se.stegvis.placement.process.PlacementProcess;

/**
 * Drives a synthetic population through the real processes, day by day, with the engine's clock: every month each
 * household applies through ApplicationService as the e-service does, the register worker and every due job run,
 * the simulated caseworkers and coaches complete their tasks in Tasklist's way, the bank gets its payment file and
 * confirms, households answer kompletteringar and kommuniceringar. Nothing is written to a table except by the
 * application's own services and delegates.
 *
 * <p>Deterministic: one seed gives the population (Population) and every household's own random stream; households
 * are visited in their order and each household's tasks in a fixed order, so the same seed gives the same run.
 * The job executor must be off (profile {@code simulation}, or the tests' profile): the simulation runs the jobs.
 */
public class Simulation {

    private static final Logger log = LoggerFactory.getLogger(Simulation.class);
    private static final String IBAN = "SE4550000000058398257466";
    /** The households answer a komplettering this often; the rest let the time run out. */
    static final double SUPPLEMENT_ANSWERED = 0.85;
    static final double SANCTION_RESPONSE = 0.5;
    static final double GIVES_UP_AFTER_REFUSAL = 0.6;
    static final double COMES_BACK = 0.2;

    private final ApplicationService applicationService;
    private final SubmitApplicationMapper mapper;
    private final SupplementService supplements;
    private final PaymentService paymentService;
    private final PaymentFileService paymentFiles;
    private final PaymentRepository payments;
    private final ApplicationRepository applications;
    private final ClientRepository clients;
    private final DecisionRepository decisions;
    private final JourneyRepository journeys;
    private final JourneyExitRepository exits;
    private final JourneyService journeyService;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final HistoryService history;
    private final BankingCalendar calendar;
    private final KeyFigureService keyFigures;
    private final EngineDriver engine;
    private final org.springframework.beans.factory.ObjectProvider<SyntheticPlacementProviders> providers;
    private final Map<String, SimulatedRole> roles = new HashMap<>();
    private final SimulatedPlacementCoach placementCoach;
    private final SimulationCounts counts = new SimulationCounts();
    private final StepCosts costs = new StepCosts();

    // State of one run
    private final Map<UUID, HouseholdState> byClient = new HashMap<>();
    private final Map<String, Optional<HouseholdState>> byProcessInstance = new HashMap<>();
    private final Map<String, LocalDate> plannedTasks = new HashMap<>();
    private final Map<String, String> definitionKeys = new HashMap<>();
    private final Map<String, LocalDate> sanctionResponses = new HashMap<>();
    private final Set<UUID> exitsSeen = new HashSet<>();
    private final Set<String> subscriptionsSeen = new HashSet<>();
    private final List<UUID> applicationIds = new ArrayList<>();
    private long workNanos;
    private long noticeNanos;

    public Simulation(ApplicationContext c) {
        this.applicationService = c.getBean(ApplicationService.class);
        this.mapper = c.getBean(SubmitApplicationMapper.class);
        this.supplements = c.getBean(SupplementService.class);
        this.paymentService = c.getBean(PaymentService.class);
        this.paymentFiles = c.getBean(PaymentFileService.class);
        this.payments = c.getBean(PaymentRepository.class);
        this.applications = c.getBean(ApplicationRepository.class);
        this.clients = c.getBean(ClientRepository.class);
        this.decisions = c.getBean(DecisionRepository.class);
        this.journeys = c.getBean(JourneyRepository.class);
        this.exits = c.getBean(JourneyExitRepository.class);
        this.journeyService = c.getBean(JourneyService.class);
        this.runtime = c.getBean(RuntimeService.class);
        this.tasks = c.getBean(TaskService.class);
        this.repository = c.getBean(RepositoryService.class);
        this.history = c.getBean(HistoryService.class);
        this.calendar = c.getBean(BankingCalendar.class);
        this.keyFigures = c.getBean(KeyFigureService.class);
        this.providers = c.getBeanProvider(SyntheticPlacementProviders.class);
        this.engine = new EngineDriver(c.getBean(ManagementService.class), c.getBean(IncomeCheckWorker.class), costs);
        Staff staff = new Staff(c.getBean(IdentityService.class), tasks);
        this.placementCoach = new SimulatedPlacementCoach(staff, tasks, runtime, c.getBean(PlacementRepository.class),
                calendar, counts);
        for (SimulatedRole role : List.of(new SimulatedCaseworker(staff, tasks, calendar, counts),
                new SimulatedCoach(staff, tasks, runtime, calendar, counts, journeyService,
                        c.getBean(se.stegvis.activity.ActivityRequirementService.class),
                        c.getBean(se.stegvis.activity.ActivityRequirementSettings.class)), placementCoach)) {
            roles.put(role.processKey(), role);
        }
    }

    /** Runs the whole simulation and resets the engine's clock to real time, also when it fails. */
    public SimulationReport run(SimulationSettings settings) {
        long started = System.nanoTime();
        List<SimulatedHousehold> population = Population.generate(settings.seed(), settings.households(), settings.months());
        for (SimulatedHousehold h : population) {
            if (clients.findByPersonnummer(h.personnummer()).isPresent()) {
                throw new IllegalStateException("Databasen har redan hushållen för --seed=" + settings.seed()
                        + " (en tidigare simulering?). Kör mot en ny databas eller välj ett annat --seed.");
            }
        }
        List<HouseholdState> states = population.stream().map(HouseholdState::new).toList();
        // The fictitious employers and schools of a demo installation, which are otherwise added when it is ready.
        providers.ifAvailable(SyntheticPlacementProviders::seed);
        log.info("Simulation: {} households, {} – {}, seed {}", settings.households(), settings.start(), settings.end(),
                settings.seed());
        try {
            engine.listen();
            int index = 0;
            for (YearMonth month = settings.start(); !month.isAfter(settings.end()); month = month.plusMonths(1), index++) {
                long monthStarted = System.nanoTime();
                long applicationsBefore = counts.get("ansokan");
                long t0 = System.nanoTime();
                startOfMonth(states, month, index);
                costs.add(StepCosts.OWN, "(månadens start: avslut, vem som ansöker)", System.nanoTime() - t0);
                for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                    simulateDay(states, day);
                }
                long reported = System.nanoTime();
                log.info("Simulerad månad {}: {} hushåll aktiva, {} ansökningar, {} beslut hittills, {} öppna uppgifter, {} s",
                        month, states.stream().filter(s -> s.applyOn != null).count(),
                        counts.get("ansokan") - applicationsBefore, decisionsSoFar(), tasks.createTaskQuery().active().count(),
                        Duration.ofNanos(reported - monthStarted).toSeconds());
                costs.add(StepCosts.OWN, "(månadens rad i loggen)", System.nanoTime() - reported);
                log.info("Tid per steg: jobb {}, arbete {} ms (varav uppgifter {} ms), kommunicering {} ms, simuleringens"
                        + " egen bokföring {} ms", costs.slowest(StepCosts.JOB, 8), workNanos / 1_000_000,
                        costs.totalMillis(StepCosts.TASK), noticeNanos / 1_000_000, costs.totalMillis(StepCosts.OWN));
            }
        } finally {
            engine.reset();
        }
        return report(settings, states, Duration.ofNanos(System.nanoTime() - started));
    }

    private long decisionsSoFar() {
        return history.createHistoricActivityInstanceQuery().activityId(EkonomisktBistandProcess.TASK_REGISTER_DECISION)
                .finished().count();
    }

    /** Who applies this month: households that have come in, are not away, and have not given up. */
    private void startOfMonth(List<HouseholdState> states, YearMonth month, int index) {
        for (HouseholdState s : states) {
            SimulatedHousehold h = s.household;
            noticeExit(s, month);
            if (s.refusedLastMonth) {
                s.refusedLastMonth = false;
                if (h.random().nextDouble() < GIVES_UP_AFTER_REFUSAL) {
                    s.away = true;
                    s.returnsIn = null;
                }
            }
            if (s.away && s.returnsIn != null && !month.isBefore(s.returnsIn)) {
                s.away = false;
                s.returnsIn = null;
                s.appliedAfterExit = s.exitedFromJourney;
                s.newApplication = true;
                counts.add("aterkommit");
            }
            s.applyOn = index >= h.firstMonth() && !s.away ? month.atDay(1 + h.random().nextInt(8)) : null;
        }
    }

    /** A journey that has ended: the household stops applying; some come back some months later. */
    private void noticeExit(HouseholdState s, YearMonth month) {
        if (s.clientId == null) {
            return;
        }
        List<Journey> all = journeys.findByClientIdOrderByStartedAt(s.clientId);
        if (all.isEmpty()) {
            return;
        }
        Journey last = all.get(all.size() - 1);
        if (last.getStatus() == JourneyStatus.AKTIV || !exitsSeen.add(last.getId())) {
            return;
        }
        s.exitedFromJourney = true;
        s.appliedAfterExit = false;
        // A journey may also end by itself (a placement's outcome): nothing planned for it carries over to the next.
        s.exitReasonPlanned = null;
        s.step = s.household.healthLimits() ? 1 : 2;
        s.away = true;
        String reason = exits.findByJourneyId(last.getId()).map(e -> e.getReason().name()).orElse("ANNAT");
        counts.add("avslut_" + reason);
        boolean comesBack = !"FLYTTAT".equals(reason) && s.household.random().nextDouble() < COMES_BACK;
        s.returnsIn = comesBack ? month.plusMonths(2 + s.household.random().nextInt(4)) : null;
    }

    private void simulateDay(List<HouseholdState> states, LocalDate day) {
        engine.at(day, LocalTime.of(6, 30));
        engine.settle();
        bank(day);
        engine.at(day, LocalTime.of(8, 0));
        for (HouseholdState s : states) {
            householdActs(s, day);
        }
        engine.settle();
        if (calendar.isBankingDay(day)) {
            engine.at(day, LocalTime.of(10, 0));
            long t0 = System.nanoTime();
            work(day);
            workNanos += System.nanoTime() - t0;
        }
        engine.at(day, LocalTime.of(16, 0));
        engine.settle();
        long t0 = System.nanoTime();
        noticeKommuniceringar(day);
        noticeNanos += System.nanoTime() - t0;
        costs.add(StepCosts.OWN, "(kommuniceringar: nya väntande svar)", System.nanoTime() - t0);
    }

    /** The bank: confirms what it received on an earlier day; on banking days the payment file of the day is sent. */
    private void bank(LocalDate day) {
        if (!calendar.isBankingDay(day)) {
            return;
        }
        long t0 = System.nanoTime();
        List<Payment> sent = payments.findByStatusAndPaymentDateLessThanEqualOrderById(Payment.Status.SKICKAD,
                day.minusDays(1));
        costs.add(StepCosts.OWN, "(banken: skickade utbetalningar)", System.nanoTime() - t0);
        for (Payment p : sent) {
            if (byClient.containsKey(p.getClientId())) {
                long t1 = System.nanoTime();
                paymentService.confirm(p.getId());
                costs.add(StepCosts.TASK, "(bankens bekräftelse)", System.nanoTime() - t1);
                counts.add("utbetalning_bekraftad");
            }
        }
        long t2 = System.nanoTime();
        paymentFiles.createFile(day).file().ifPresent(f -> counts.add("betalfil"));
        costs.add(StepCosts.JOB, "(betalfil)", System.nanoTime() - t2);
    }

    private void householdActs(HouseholdState s, LocalDate day) {
        if (day.equals(s.applyOn)) {
            long t0 = System.nanoTime();
            try {
                apply(s, day);
                costs.add(StepCosts.TASK, "(ansökan)", System.nanoTime() - t0);
            } catch (RuntimeException e) {
                costs.add(StepCosts.TASK, "(ansökan) (nekad)", System.nanoTime() - t0);
                counts.add("ansokan_nekad");
                log.warn("The application of household {} was refused: {}", s.household.number(), e.getMessage());
            }
        }
        // Kompletteringar and kommuniceringar are answered in the order they were asked for (ids only as keys).
        s.supplementAnswers.entrySet().stream().filter(e -> e.getValue().equals(day)).map(Map.Entry::getKey).toList()
                .forEach(id -> {
                    long t0 = System.nanoTime();
                    if (supplements.answer(id)) {
                        counts.add("komplettering_inkommen");
                    }
                    costs.add(StepCosts.TASK, "(komplettering inkommen)", System.nanoTime() - t0);
                    s.supplementAnswers.remove(id);
                });
        s.sanctionsAwaitingResponse.stream().filter(id -> day.equals(sanctionResponses.get(id))).toList().forEach(id -> {
            try {
                long t0 = System.nanoTime();
                journeyService.clientResponded(UUID.fromString(id), "Jag var sjuk men glömde att ringa.");
                costs.add(StepCosts.TASK, "(kommunicering besvarad)", System.nanoTime() - t0);
                counts.add("kommunicering_besvarad");
            } catch (RuntimeException e) {
                log.debug("Sanction {} no longer waits for a response", id);
            }
            s.sanctionsAwaitingResponse.remove(id);
        });
    }

    private void apply(HouseholdState s, LocalDate day) {
        SimulatedHousehold h = s.household;
        Map<String, Long> incomes = new TreeMap<>();
        Map<String, IncomeKind> kinds = new TreeMap<>();
        if (h.childBenefit() > 0) {
            incomes.put("Barnbidrag", h.childBenefit());
        }
        if (h.wage() > 0) {
            incomes.put("Lön", h.wage());
            kinds.put("Lön", IncomeKind.EMPLOYMENT);
        }
        if (h.otherIncome() > 0) {
            incomes.put("Bostadsbidrag", h.otherIncome());
        }
        ApplicationKind kind = s.applied && !s.newApplication ? ApplicationKind.ATERANSOKAN : ApplicationKind.NYANSOKAN;
        var request = new SubmitApplicationRequest(h.personnummer(), null, YearMonth.from(day).toString(), kind,
                h.adults(), h.childrenAges(), 0,
                new TrialCalculationRequest.Costs(h.housing(), h.electricity(), 0L, h.homeInsurance(), 0L),
                incomes, kinds, null, new SubmitApplicationRequest.PayoutAccount(h.accountHolder(), IBAN, null, null));
        mapper.validate(request);
        var submitted = applicationService.submit(mapper.toCommand(request), "etjanst",
                "sim-" + h.personnummer() + "-" + YearMonth.from(day));
        var application = submitted.application();
        s.applied = true;
        s.newApplication = false;
        if (s.clientId == null) {
            s.clientId = application.getClient().getId();
            byClient.put(s.clientId, s);
        }
        s.applications.add(application.getId());
        applicationIds.add(application.getId());
        byProcessInstance.put(application.getProcessInstanceId(), Optional.of(s));
        counts.add("ansokan");
        counts.add("ansokan_" + kind.name());
    }

    /** The staff's working day: every task due today, household by household, until nothing more is due today. */
    private void work(LocalDate day) {
        for (int pass = 0; pass < 6; pass++) {
            List<SimulatedTask> due = new ArrayList<>();
            long listed = System.nanoTime();
            List<Task> open = tasks.createTaskQuery().active().list();
            for (Task task : open) {
                Optional<HouseholdState> state = householdOf(task.getProcessInstanceId());
                String key = definitionKey(task);
                if (state.isEmpty() || !roles.containsKey(key)) {
                    continue;
                }
                SimulatedTask t = new SimulatedTask(task, key, state.get(), day);
                due.add(t);
            }
            due.sort(Comparator.comparingInt((SimulatedTask t) -> t.household().number())
                    .thenComparing(SimulatedTask::processKey)
                    .thenComparing(SimulatedTask::key)
                    .thenComparing(t -> t.task().getCreateTime())
                    .thenComparing(this::tieBreak));
            costs.add(StepCosts.OWN, "(uppgiftslistan: alla öppna uppgifter)", System.nanoTime() - listed);
            boolean completed = false;
            // A completion changes only its own household's processes (its application, journey and placements), so
            // a task can have gone since the list was read only when a task of the same household was done before it
            // in this pass: only then is it looked up again (Tasklist, too, shows the list as it was read).
            Set<HouseholdState> worked = new HashSet<>();
            for (SimulatedTask t : due) {
                String id = t.task().getId();
                LocalDate on = plannedTasks.get(id);
                if (on == null) {
                    long planned = System.nanoTime();
                    on = roles.get(t.processKey()).plan(t);
                    costs.add(StepCosts.OWN, "(planering av en ny uppgift)", System.nanoTime() - planned);
                    if (on == null) {
                        continue;
                    }
                    plannedTasks.put(id, on);
                }
                if (on.isAfter(day)) {
                    continue;
                }
                boolean stillOpen = true;
                if (!worked.add(t.state())) {
                    long checked = System.nanoTime();
                    stillOpen = tasks.createTaskQuery().taskId(id).active().count() == 1;
                    costs.add(StepCosts.OWN, "(är uppgiften fortfarande öppen?)", System.nanoTime() - checked);
                }
                if (stillOpen) {
                    long started = System.nanoTime();
                    try {
                        roles.get(t.processKey()).complete(t);
                        costs.add(StepCosts.TASK, t.key(), System.nanoTime() - started);
                        completed = true;
                        plannedTasks.remove(id);
                    } catch (SimulatedRole.NotYet e) {
                        costs.add(StepCosts.TASK, t.key() + " (väntar)", System.nanoTime() - started);
                        counts.add("uppgift_vantar");
                        plannedTasks.put(id, calendar.addWorkingDays(day, e.workingDays));
                    } catch (RuntimeException e) {
                        costs.add(StepCosts.TASK, t.key() + " (nekad)", System.nanoTime() - started);
                        // As in Tasklist: the form is refused with a message and the task stays open; tried again tomorrow.
                        counts.add("uppgift_nekad");
                        log.warn("Task {} ({}) of household {} was refused: {}", id, t.key(), t.household().number(),
                                e.getMessage());
                        plannedTasks.put(id, calendar.addWorkingDays(day, 1));
                    }
                }
            }
            engine.settle();
            if (!completed) {
                return;
            }
        }
    }

    private String tieBreak(SimulatedTask t) {
        if (PlacementProcess.PROCESS_KEY.equals(t.processKey())) {
            return String.valueOf(placementCoach.typeOf(t.task().getProcessInstanceId()));
        }
        return "";
    }

    /** Proposed reductions that wait for the client's response: the household answers, or lets the time pass. */
    private void noticeKommuniceringar(LocalDate day) {
        List<EventSubscription> waiting = runtime.createEventSubscriptionQuery().eventType("message")
                .eventName(JourneyProcess.MESSAGE_CLIENT_RESPONSE).list();
        List<String[]> found = new ArrayList<>();
        for (EventSubscription subscription : waiting) {
            if (!subscriptionsSeen.add(subscription.getId())) {
                continue;
            }
            Object sanctionId = runtime.getVariable(subscription.getExecutionId(), JourneyProcess.SANCTION_ID);
            if (sanctionId == null || sanctionResponses.containsKey(sanctionId.toString())) {
                continue;
            }
            householdOf(subscription.getProcessInstanceId())
                    .ifPresent(s -> found.add(new String[] {String.valueOf(s.household.number()), sanctionId.toString()}));
        }
        // By household; a household's own proposals by their proposed order (ids only as tie-breakers).
        found.sort(Comparator.comparing((String[] f) -> Integer.parseInt(f[0])).thenComparing(f -> f[1]));
        for (String[] f : found) {
            HouseholdState s = byNumber(Integer.parseInt(f[0]));
            boolean responds = s.household.random().nextDouble() < SANCTION_RESPONSE;
            sanctionResponses.put(f[1], responds ? day.plusDays(1 + s.household.random().nextInt(10)) : LocalDate.MAX);
            if (responds) {
                s.sanctionsAwaitingResponse.add(f[1]);
            }
            counts.add("nedsattning_foreslagen");
        }
    }

    private HouseholdState byNumber(int number) {
        return byClient.values().stream().filter(s -> s.household.number() == number).findFirst().orElseThrow();
    }

    /** The household whose case a process instance is (application, journey or placement), or empty for others. */
    private Optional<HouseholdState> householdOf(String processInstanceId) {
        Optional<HouseholdState> known = byProcessInstance.get(processInstanceId);
        if (known != null) {
            return known;
        }
        Optional<HouseholdState> found = Optional.empty();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (pi != null && pi.getBusinessKey() != null) {
            String key = definitionKeyOf(pi.getProcessDefinitionId());
            try {
                UUID id = UUID.fromString(pi.getBusinessKey());
                if (EkonomisktBistandProcess.PROCESS_KEY.equals(key)) {
                    found = applications.findById(id).map(a -> byClient.get(a.getClient().getId()));
                } else if (JourneyProcess.PROCESS_KEY.equals(key) || PlacementProcess.PROCESS_KEY.equals(key)) {
                    found = journeys.findById(id).map(j -> byClient.get(j.getClientId()));
                }
            } catch (IllegalArgumentException notAnId) {
                found = Optional.empty();
            }
        }
        byProcessInstance.put(processInstanceId, found);
        return found;
    }

    private String definitionKey(Task task) {
        return definitionKeyOf(task.getProcessDefinitionId());
    }

    private String definitionKeyOf(String processDefinitionId) {
        if (processDefinitionId == null) {
            return "";
        }
        return definitionKeys.computeIfAbsent(processDefinitionId,
                id -> repository.getProcessDefinition(id).getKey());
    }

    private SimulationReport report(SimulationSettings settings, List<HouseholdState> states, Duration elapsed) {
        Map<String, Long> summary = new TreeMap<>(counts.asMap());
        Set<UUID> ours = new HashSet<>(applicationIds);
        Set<UUID> ourDecisions = new HashSet<>();
        for (var d : decisions.findAll()) {
            if (ours.contains(d.getApplicationId())) {
                summary.merge("beslut_" + d.getKind().name(), 1L, Long::sum);
                ourDecisions.add(d.getId());
            }
        }
        long paid = payments.findAll().stream()
                .filter(p -> ourDecisions.contains(p.getDecisionId()) && p.getStatus() == Payment.Status.BEKRAFTAD)
                .mapToLong(Payment::getAmount).sum();
        summary.put("utbetalt_kr", paid);
        summary.put("hushall_som_ansokt", states.stream().filter(s -> s.applied).count());
        summary.put("klientresor", states.stream().filter(s -> s.clientId != null)
                .mapToLong(s -> journeys.findByClientIdOrderByStartedAt(s.clientId).size()).sum());
        summary.put("jobb_korda", engine.jobsExecuted());
        summary.put("jobb_misslyckade", engine.jobFailures());
        List<KeyFigure> figures = keyFigures.compute(settings.start(), settings.end());
        return new SimulationReport(settings, summary, figures, tasks.createTaskQuery().active().count(), elapsed,
                costs.all());
    }
}
