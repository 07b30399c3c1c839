package se.stegvis.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.application.domain.ApplicationStatus;
import se.stegvis.client.process.ClientTaskRouting;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.payment.domain.Payment;
import se.stegvis.payment.domain.PaymentRepository;

/**
 * Operational figures for Prometheus ({@code /actuator/prometheus}, administrators only): open tasks per group and per
 * task type, overdue tasks, incidents, the job backlog, applications per status and payments not yet confirmed.
 * They are counted every {@code stegvis.metrics.refresh} (default 30 s), not on every scrape, so that a scrape never
 * loads the database.
 */
@Component
public class OperationalMetrics {

    private static final Logger log = LoggerFactory.getLogger(OperationalMetrics.class);

    /**
     * The roles of {@code stegvis.tasks.open}: per role, the open tasks (assigned or not) whose candidate group is the
     * role or the role within any configured unit ({@code handlaggare-hageby}, {@link ClientTaskRouting#roleWithinUnits})
     * — the tasks of the role in the whole municipality, as a task query for {@code candidateGroup=handlaggare} counts
     * them without authorization checks ({@code UnitCandidateGroupQueries}).
     */
    static final List<String> ROLES = List.of(StegvisGroups.HANDLAGGARE, StegvisGroups.COACH, StegvisGroups.TEAMLEDARE,
            StegvisGroups.PROCESSAGARE, StegvisGroups.SKYDDAD_IDENTITET);

    private final TaskService taskService;
    private final OpenTaskCounts openTasks;
    private final ClientTaskRouting routing;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final RepositoryService repositoryService;
    private final ApplicationRepository applications;
    private final PaymentRepository payments;
    private final Clock clock;
    private final TaskScheduler scheduler;

    private final MultiGauge tasksByGroup;
    private final MultiGauge tasksByType;
    private final MultiGauge incidentsByType;
    private final MultiGauge applicationsByStatus;
    private final MultiGauge paymentsByStatus;
    private final AtomicLong overdueTasks = new AtomicLong();
    private final AtomicLong dueJobs = new AtomicLong();
    private final AtomicLong failedJobs = new AtomicLong();

    public OperationalMetrics(MeterRegistry registry, TaskService taskService, OpenTaskCounts openTasks,
                              ClientTaskRouting routing, RuntimeService runtimeService,
                              ManagementService managementService, RepositoryService repositoryService,
                              ApplicationRepository applications, PaymentRepository payments, Clock clock,
                              TaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.taskService = taskService;
        this.openTasks = openTasks;
        this.routing = routing;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.repositoryService = repositoryService;
        this.applications = applications;
        this.payments = payments;
        this.clock = clock;
        tasksByGroup = MultiGauge.builder("stegvis.tasks.open").description("Open tasks per candidate group")
                .register(registry);
        tasksByType = MultiGauge.builder("stegvis.tasks.open.by.type").description("Open tasks per task type")
                .register(registry);
        incidentsByType = MultiGauge.builder("stegvis.incidents").description("Open incidents per type")
                .register(registry);
        applicationsByStatus = MultiGauge.builder("stegvis.applications").description("Applications per status")
                .register(registry);
        paymentsByStatus = MultiGauge.builder("stegvis.payments").description("Payments per status")
                .register(registry);
        Gauge.builder("stegvis.tasks.overdue", overdueTasks, AtomicLong::get)
                .description("Open tasks past their due date").register(registry);
        Gauge.builder("stegvis.jobs.due", dueJobs, AtomicLong::get)
                .description("Jobs due and waiting for the job executor").register(registry);
        Gauge.builder("stegvis.jobs.failed", failedJobs, AtomicLong::get)
                .description("Jobs without retries left").register(registry);
    }

    /**
     * The first count, on the scheduler's thread: it counts every open task, job, application and payment (work that
     * grows with the data), and on the main thread it held up the other ApplicationReady listeners, the engine's job
     * executor among them (BENCHMARKS.md, "Start-up"). Until it is done the counts are 0 and the series per group,
     * type and status are not there yet.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        // On Spring's scheduler, as the later rounds: stopped with the application context, never left running.
        scheduler.schedule(this::scheduledRefresh, scheduler.getClock().instant());
    }

    @Scheduled(fixedDelayString = "${stegvis.metrics.refresh:30s}", initialDelayString = "${stegvis.metrics.refresh:30s}")
    public void scheduledRefresh() {
        try {
            long t0 = System.nanoTime();
            refresh();
            log.debug("Operational metrics counted in {} ms", (System.nanoTime() - t0) / 1_000_000);
        } catch (RuntimeException e) {
            // The figures keep their last values; the next round tries again.
            log.warn("Operational metrics could not be counted: {}", e.getMessage());
        }
    }

    /** Counts everything once; public so that tests need not wait for the schedule. */
    public void refresh() {
        Map<String, List<String>> groupsByRole = new LinkedHashMap<>();
        for (String role : ROLES) {
            groupsByRole.put(role, routing.roleWithinUnits(role, null));
        }
        List<MultiGauge.Row<?>> groupRows = new ArrayList<>();
        openTasks.perCandidateGroups(groupsByRole).forEach((role, open) ->
                groupRows.add(MultiGauge.Row.of(Tags.of("group", role), open)));
        tasksByGroup.register(groupRows, true);

        Map<OpenTaskCounts.TaskType, Long> openByType = openTasks.perTaskType();
        List<MultiGauge.Row<?>> typeRows = new ArrayList<>();
        for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
            var model = repositoryService.getBpmnModelInstance(definition.getId());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                long open = openByType.getOrDefault(new OpenTaskCounts.TaskType(definition.getKey(), task.getId()), 0L);
                typeRows.add(MultiGauge.Row.of(Tags.of("process", definition.getKey(), "task", task.getId(),
                        "name", task.getName() == null ? task.getId() : task.getName()), open));
            }
        }
        tasksByType.register(typeRows, true);

        overdueTasks.set(taskService.createTaskQuery().dueBefore(Date.from(clock.instant())).count());

        List<MultiGauge.Row<?>> incidentRows = new ArrayList<>();
        for (String type : List.of("failedJob", "failedExternalTask")) {
            incidentRows.add(MultiGauge.Row.of(Tags.of("type", type),
                    runtimeService.createIncidentQuery().incidentType(type).count()));
        }
        incidentsByType.register(incidentRows, true);

        dueJobs.set(managementService.createJobQuery().executable().count());
        failedJobs.set(managementService.createJobQuery().noRetriesLeft().count());

        applicationsByStatus.register(perStatus(ApplicationStatus.values(), applications.countByStatus()), true);
        paymentsByStatus.register(perStatus(Payment.Status.values(), payments.countPerStatus()), true);
    }

    /**
     * A row per status from a {@code select status, count(...) group by status}: every status, with 0 where there is
     * none, so that a dashboard never loses a series.
     */
    static List<MultiGauge.Row<?>> perStatus(Enum<?>[] statuses, List<Object[]> counted) {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (Enum<?> status : statuses) {
            byStatus.put(status.name(), 0L);
        }
        for (Object[] row : counted) {
            byStatus.put(row[0].toString(), ((Number) row[1]).longValue());
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        byStatus.forEach((status, count) -> rows.add(MultiGauge.Row.of(Tags.of("status", status), count)));
        return rows;
    }
}
