package se.stegvis.support;

import static org.assertj.core.api.Assertions.assertThat;
import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationContext;
import se.stegvis.application.domain.ApplicationRepository;
import se.stegvis.client.domain.Client;
import se.stegvis.client.process.JourneyStartMessage;
import se.stegvis.client.domain.ClientRepository;
import se.stegvis.application.domain.DecisionRepository;
import se.stegvis.journey.JourneyService;
import se.stegvis.journey.domain.Journey;
import se.stegvis.journey.domain.Mapping;
import se.stegvis.letter.DecisionKind;

/**
 * A client journey carried through the real engine on the shared test context: a household that has been granted
 * money, its journey started, the Kartläggning and the individual plan completed as coach1, the recording jobs run.
 * The form values are those the Tasklist forms send (see JourneyProcessTest).
 */
public final class JourneyScenario {

    private final ApplicationContext context;

    public JourneyScenario(ApplicationContext context) {
        this.context = context;
    }

    /** A household granted 5 000 kr for October 2025: participation may be required of it. */
    private final java.util.List<UUID> clients = new java.util.ArrayList<>();

    /** The clients this scenario created, for {@link #deleteJourneyProcesses}. */
    public java.util.List<UUID> clients() {
        return clients;
    }

    public Client grantedClient() {
        DecisionFixture fixture = new DecisionFixture(context.getBean(ClientRepository.class),
                context.getBean(ApplicationRepository.class), context.getBean(DecisionRepository.class));
        Client client = fixture.clientWithAccount();
        fixture.decision(fixture.application(client, YearMonth.of(2025, 10)), DecisionKind.BIFALL, 5_000, Instant.now());
        clients.add(client.getId());
        return client;
    }

    /**
     * A household granted {@code amount} kr for every month from {@code first} to {@code last}: from the fourth month
     * in a row it is covered by the aktivitetskrav.
     */
    public Client grantedFor(YearMonth first, YearMonth last, int amount) {
        DecisionFixture fixture = new DecisionFixture(context.getBean(ClientRepository.class),
                context.getBean(ApplicationRepository.class), context.getBean(DecisionRepository.class));
        Client client = fixture.clientWithAccount();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            fixture.decision(fixture.application(client, month), DecisionKind.BIFALL, amount, Instant.now());
        }
        clients.add(client.getId());
        return client;
    }

    /** A household that has applied but never been granted anything. */
    public Client neverGrantedClient() {
        DecisionFixture fixture = new DecisionFixture(context.getBean(ClientRepository.class),
                context.getBean(ApplicationRepository.class), context.getBean(DecisionRepository.class));
        Client client = fixture.clientWithAccount();
        fixture.application(client, YearMonth.of(2025, 10));
        clients.add(client.getId());
        return client;
    }

    public Journey started(UUID clientId) {
        return context.getBean(JourneyService.class).startJourney(clientId, "coach1");
    }

    /**
     * A grant for the client, as "Starta klientresan" in ekonomiskt-bistand sends it: the message to the client
     * journey, then the journey's steps it started (the running journey's "Pröva aktivitetskravet", or a new journey's
     * "Pröva aktivitetskravet" after "Registrera klientresan", which runs with the message).
     */
    public void granted(UUID clientId) {
        JourneyStartMessage.send(context.getBean(RuntimeService.class), clientId);
        runGrantSteps(context, clientId);
    }

    /** The steps a grant's message starts in the client's journeys, run until none waits (the job executor is off). */
    public static void runGrantSteps(ApplicationContext context, UUID clientId) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        ManagementService management = context.getBean(ManagementService.class);
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = new ArrayList<>();
            for (var instance : runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                    .variableValueEquals(CLIENT_ID, clientId.toString()).list()) {
                for (String step : List.of(TASK_CHECK_ACTIVITY_REQUIREMENT,
                        TASK_CHECK_ACTIVITY_REQUIREMENT_ON_GRANT)) {
                    jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).activityId(step).list());
                }
            }
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("the grant's steps in the journey did not come to rest");
    }

    /** Kartläggning as coach1 (work history, SFI C, ready for a workplace, goal work) and its recording. */
    public void mapped(Journey journey) {
        complete(journey, TASK_MAPPING, Variables.createVariables()
                .putValue(Mapping.IN_EDUCATION_LEVEL, "GYMNASIAL").putValue(WORK_HISTORY, "Lagerarbete, 4 år")
                .putValue(Mapping.IN_MONTHS_SINCE_LAST_JOB, 18L).putValue(Mapping.IN_SWEDISH_LEVEL, "SFI_C")
                .putValue(Mapping.IN_HEALTH_LIMITS, false).putValue(CHILDCARE_NEED, false)
                .putValue(Mapping.IN_PARENTAL_LEAVE, false).putValue(DRIVING_LICENCE, true)
                .putValue(Mapping.IN_OWN_GOAL, "ARBETE").putValue(GOAL_OCCUPATION, "Undersköterska")
                .putValue(Mapping.IN_READY_FOR_COMPANY_PLACEMENT, true));
        executeJob(journey, TASK_RECORD_MAPPING);
    }

    /**
     * The plan, agreed with the client: goal work as undersköterska, one praktik of 35 hours a week and 5 hours of job
     * search (full time under the aktivitetskrav at the default setting); then its recording.
     */
    public void planned(Journey journey) {
        complete(journey, TASK_PLAN, Variables.createVariables().putValue(PLAN_GOAL, "ARBETE")
                .putValue(PLAN_OCCUPATION, "Undersköterska")
                .putValue(PLAN_STEPS, "2025-12-01 Börja praktik på äldreboendet")
                .putValue(CHOSEN_INTERVENTIONS, "[\"PRAKTIK\"]")
                .putValue("timmarPraktik", 35L).putValue(JOB_SEARCH_HOURS, 5L)
                .putValue(PLACEMENT_ORDER, ORDER_IN_SEQUENCE).putValue(AGREED_WITH_CLIENT, true));
        executeJob(journey, TASK_RECORD_PLAN);
    }

    public void complete(Journey journey, String taskKey, Map<String, Object> vars) {
        TaskService tasks = context.getBean(TaskService.class);
        Task task = tasks.createTaskQuery().processInstanceId(journey.getProcessInstanceId()).taskDefinitionKey(taskKey)
                .singleResult();
        assertThat(task).as("task " + taskKey).isNotNull();
        IdentityService identity = context.getBean(IdentityService.class);
        // As Tasklist does it: the user with the groups, whose authorizations let a coach work on the task.
        identity.setAuthentication("coach1", identity.createGroupQuery().groupMember("coach1").list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList());
        try {
            tasks.complete(task.getId(), vars);
        } finally {
            identity.clearAuthentication();
        }
    }

    /**
     * Deletes the running journey processes of these clients (and with them their placements), so that their open
     * tasks do not show up in other tests' Tasklist views on the shared context.
     */
    public void deleteJourneyProcesses(java.util.Collection<UUID> clientIds) {
        var runtime = context.getBean(org.camunda.bpm.engine.RuntimeService.class);
        var journeys = context.getBean(se.stegvis.journey.domain.JourneyRepository.class);
        for (UUID clientId : clientIds) {
            for (Journey journey : journeys.findByClientIdOrderByStartedAt(clientId)) {
                runtime.createProcessInstanceQuery().processInstanceBusinessKey(journey.getId().toString())
                        .processDefinitionKey(PROCESS_KEY).list()
                        .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test finished", true, true));
            }
        }
    }

    /** Executes the one job at that activity in the journey's instance or in one of its placements. */
    public void executeJob(Journey journey, String activityId) {
        ManagementService management = context.getBean(ManagementService.class);
        var job = management.createJobQuery().processInstanceId(journey.getProcessInstanceId()).activityId(activityId)
                .singleResult();
        assertThat(job).as("job at " + activityId).isNotNull();
        management.executeJob(job.getId());
    }
}
