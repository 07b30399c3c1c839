package se.stegvis.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.stegvis.client.process.ClientTaskRouting;
import se.stegvis.identity.StegvisGroups;
import se.stegvis.support.StegvisSpringTest;

/**
 * {@link OpenTaskCounts}' grouped statements give what the engine's task queries they replaced gave — per role
 * {@code taskCandidateGroup(role).includeAssignedTasks().count()} on a thread without authorization checks (widened to
 * the role within every unit by {@code UnitCandidateGroupQueries}), per pair
 * {@code processDefinitionKey(key).taskDefinitionKey(task).count()} — on tasks made to differ where a grouped count can
 * go wrong: two versions and two processes sharing a task key, a task in two groups of one role and in groups of two
 * roles, a group of a unit that is not configured, a candidate user, a group linked as something other than a
 * candidate, assigned and suspended tasks, and tasks outside every process.
 */
@StegvisSpringTest
class OpenTaskCountsTest {

    private static final String PROCESS_A = "Process_MetricsCountA";
    private static final String PROCESS_B = "Process_MetricsCountB";

    @Autowired OpenTaskCounts counts;
    @Autowired OperationalMetrics metrics;
    @Autowired MeterRegistry registry;
    @Autowired ClientTaskRouting routing;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;

    private final List<String> deployments = new ArrayList<>();
    private final List<String> standaloneTasks = new ArrayList<>();

    @AfterEach
    void removeTheTestsTasks() {
        standaloneTasks.forEach(id -> taskService.deleteTask(id, true));
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void groupedCountsEqualTheEnginesTaskQueries() {
        deploy(Bpmn.createExecutableProcess(PROCESS_A).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_A").parallelGateway("Gateway_Fork")
                .userTask("UserTask_One").camundaCandidateGroups(StegvisGroups.HANDLAGGARE).endEvent("EndEvent_One")
                .moveToNode("Gateway_Fork")
                .userTask("UserTask_Two").camundaCandidateGroups("coach,teamledare").endEvent("EndEvent_Two")
                .done());
        List<Task> a1 = tasksOf(start(PROCESS_A), start(PROCESS_A));
        // A second version with a third task: the tasks of both versions count under the process's key.
        deploy(Bpmn.createExecutableProcess(PROCESS_A).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_A").parallelGateway("Gateway_Fork")
                .userTask("UserTask_One").camundaCandidateGroups(StegvisGroups.HANDLAGGARE).endEvent("EndEvent_One")
                .moveToNode("Gateway_Fork")
                .userTask("UserTask_Three").camundaCandidateGroups("skyddad").endEvent("EndEvent_Three")
                .done());
        List<Task> a2 = tasksOf(start(PROCESS_A), start(PROCESS_A), start(PROCESS_A));
        // Another process with a task of the same key.
        deploy(Bpmn.createExecutableProcess(PROCESS_B).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_B").userTask("UserTask_One").camundaCandidateGroups("processagare")
                .endEvent("EndEvent_B").done());
        ProcessInstance suspended = start(PROCESS_B);
        List<Task> b = tasksOf(suspended, start(PROCESS_B));

        Task one = withKey(a1, "UserTask_One").get(0);
        taskService.addCandidateGroup(one.getId(), "handlaggare-centrum"); // the role twice on one task
        Task moved = withKey(a1, "UserTask_One").get(1);
        taskService.deleteCandidateGroup(moved.getId(), StegvisGroups.HANDLAGGARE);
        taskService.addCandidateGroup(moved.getId(), "handlaggare-hageby");
        taskService.addCandidateGroup(moved.getId(), "handlaggare-navestad");
        taskService.addCandidateGroup(moved.getId(), "skyddad-navestad"); // and a second role
        Task elsewhere = withKey(a2, "UserTask_One").get(0);
        taskService.deleteCandidateGroup(elsewhere.getId(), StegvisGroups.HANDLAGGARE);
        taskService.addCandidateGroup(elsewhere.getId(), "handlaggare-ingenstans"); // no such unit: in no role
        Task person = withKey(a2, "UserTask_Three").get(0);
        taskService.addCandidateUser(person.getId(), "handlaggare"); // a user of that name, not the group
        taskService.addGroupIdentityLink(withKey(a2, "UserTask_One").get(1).getId(), StegvisGroups.COACH,
                "follower"); // a group, but not as a candidate
        taskService.setAssignee(withKey(a2, "UserTask_One").get(2).getId(), "handlaggare1");
        taskService.setAssignee(withKey(a1, "UserTask_Two").get(0).getId(), "coach1");
        runtimeService.suspendProcessInstanceById(suspended.getId());
        standaloneTasks.add(standalone("teamledare-centrum", null));
        standaloneTasks.add(standalone(StegvisGroups.HANDLAGGARE, "handlaggare2"));
        standaloneTasks.add(standalone(null, null));
        assertThat(b).hasSize(2);

        Map<String, List<String>> groupsByRole = new LinkedHashMap<>();
        for (String role : OperationalMetrics.ROLES) {
            groupsByRole.put(role, routing.roleWithinUnits(role, null));
        }
        Map<String, Long> perRole = counts.perCandidateGroups(groupsByRole);
        assertThat(perRole.keySet()).containsExactlyElementsOf(OperationalMetrics.ROLES);
        Map<OpenTaskCounts.TaskType, Long> perType = counts.perTaskType();
        metrics.refresh();
        for (String role : OperationalMetrics.ROLES) {
            long engine = taskService.createTaskQuery().taskCandidateGroup(role).includeAssignedTasks().count();
            assertThat(perRole.get(role)).as("open tasks of %s", role).isEqualTo(engine)
                    .isEqualTo(taskService.createTaskQuery().taskCandidateGroupIn(groupsByRole.get(role))
                            .includeAssignedTasks().count());
            assertThat(registry.get("stegvis.tasks.open").tag("group", role).gauge().value()).isEqualTo(engine);
        }
        // The figures of the tasks made here, as the engine counts them (so the comparison is not between zeros).
        assertThat(perRole.get(StegvisGroups.HANDLAGGARE)).isGreaterThanOrEqualTo(5);
        assertThat(perRole.get(StegvisGroups.SKYDDAD_IDENTITET)).isGreaterThanOrEqualTo(4);

        List<OpenTaskCounts.TaskType> pairs = new ArrayList<>(perType.keySet());
        pairs.add(new OpenTaskCounts.TaskType(PROCESS_B, "UserTask_Two")); // none: absent from the map
        for (OpenTaskCounts.TaskType pair : pairs) {
            long engine = taskService.createTaskQuery().processDefinitionKey(pair.processKey())
                    .taskDefinitionKey(pair.taskKey()).count();
            assertThat(perType.getOrDefault(pair, 0L)).as("open tasks of %s", pair).isEqualTo(engine);
        }
        assertThat(perType).containsEntry(new OpenTaskCounts.TaskType(PROCESS_A, "UserTask_One"), 5L)
                .containsEntry(new OpenTaskCounts.TaskType(PROCESS_A, "UserTask_Two"), 2L)
                .containsEntry(new OpenTaskCounts.TaskType(PROCESS_A, "UserTask_Three"), 3L)
                .containsEntry(new OpenTaskCounts.TaskType(PROCESS_B, "UserTask_One"), 2L);
        // The gauge per type shows the latest version's tasks, counted over every version.
        assertThat(registry.get("stegvis.tasks.open.by.type").tag("process", PROCESS_A).tag("task", "UserTask_One")
                .gauge().value()).isEqualTo(5);
        assertThat(registry.find("stegvis.tasks.open.by.type").tag("process", PROCESS_A).tag("task", "UserTask_Two")
                .gauge()).as("a task only the old version has").isNull();
    }

    private void deploy(BpmnModelInstance model) {
        String process = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).iterator()
                .next().getId();
        deployments.add(repositoryService.createDeployment().name(process)
                .addModelInstance(process + ".bpmn", model).deploy().getId());
    }

    private ProcessInstance start(String key) {
        return runtimeService.startProcessInstanceByKey(key);
    }

    private List<Task> tasksOf(ProcessInstance... instances) {
        List<Task> tasks = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            tasks.addAll(taskService.createTaskQuery().processInstanceId(instance.getId()).list());
        }
        return tasks;
    }

    private static List<Task> withKey(List<Task> tasks, String key) {
        return tasks.stream().filter(t -> t.getTaskDefinitionKey().equals(key)).toList();
    }

    private String standalone(String group, String assignee) {
        Task task = taskService.newTask();
        task.setName("Uppgift utan process");
        task.setAssignee(assignee);
        taskService.saveTask(task);
        if (group != null) {
            taskService.addCandidateGroup(task.getId(), group);
        }
        return task.getId();
    }
}
