package se.stegvis.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * The one "completed by" mechanism: a task listener on the completion of every user task of every process, added
 * when a model is parsed (Camunda's documented plugin point; no model has to name it). It runs after the task's own
 * listeners (which validate and may refuse), finds who completes the task by {@link TaskCompleter}, sets the variable
 * {@link #COMPLETED_BY} where the task's scope has it (the step after the task reads it), and hands the completion to
 * the recorder, which stores it in Stegvis' table task_completion (same transaction).
 */
public class TaskCompletionPlugin extends AbstractProcessEnginePlugin {

    /** String: user id of whoever completed the last task (of the nearest scope that declares it). */
    public static final String COMPLETED_BY = "utfordAv";

    /** A completed task, as the recorder gets it. */
    public record Completed(String taskId, String taskDefinitionKey, String processInstanceId,
            String processDefinitionKey, String completedBy, Instant completedAt) {}

    private final Consumer<Completed> recorder;
    private final IdentityService identityService;

    /** For the process tests' engine (camunda.cfg.xml): sets the variable, records nothing. */
    public TaskCompletionPlugin() {
        this(completed -> {}, null);
    }

    public TaskCompletionPlugin(Consumer<Completed> recorder, IdentityService identityService) {
        this.recorder = recorder;
        this.identityService = identityService;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        TaskListener onComplete = this::completed;
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = taskDefinition(activity);
                if (definition != null) {
                    definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static TaskDefinition taskDefinition(ActivityImpl activity) {
        return activity.getActivityBehavior()
                instanceof org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior behavior
                ? behavior.getTaskDefinition() : null;
    }

    void completed(DelegateTask task) {
        IdentityService identity = identityService != null ? identityService
                : task.getProcessEngineServices().getIdentityService();
        String user = TaskCompleter.of(task, identity);
        if (user != null) {
            task.setVariable(COMPLETED_BY, user);
        }
        String processDefinitionKey = task.getProcessDefinitionId() == null ? null
                : task.getProcessEngineServices().getRepositoryService()
                        .getProcessDefinition(task.getProcessDefinitionId()).getKey();
        recorder.accept(new Completed(task.getId(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
                processDefinitionKey, user, ClockUtil.getCurrentTime().toInstant()));
    }
}
