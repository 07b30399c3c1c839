package se.stegvis.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Notes typed into a task form leave the engine and reach the next person (issues #13 and #16). A task listener on
 * the creation and completion of every user task of every process, added when a model is parsed, like
 * {@link TaskCompletionPlugin}:
 * <ul>
 *   <li>on completion, each field the features name in {@link PersonalFormFields#storedOutsideTheEngine()} that the
 *       task's form has is stored in Stegvis' table {@code task_note} ({@link TaskNotes}) with the task, who wrote it
 *       and when, and removed from the process's variables — so the note is in neither the engine's runtime tables
 *       nor its history;</li>
 *   <li>on creation, a task whose form has the (read-only) field {@value #NOTES} gets the notes of its case — the
 *       outermost process instance with everything it called — as a task-local variable, which ends with the task.</li>
 * </ul>
 * Runs after the task's own listeners (which validate and may refuse): nothing is stored for a refused completion.
 */
@Component
public class TaskNotePlugin extends AbstractProcessEnginePlugin {

    /** Text, task-local: the case's earlier notes, shown by forms with a read-only field of this key. */
    public static final String NOTES = "anteckningar";

    private final PersonalDataHistoryPlugin personalData;
    private final List<PersonalFormFields> features;
    private final ObjectProvider<TaskNotes> notes;

    public TaskNotePlugin(PersonalDataHistoryPlugin personalData, List<PersonalFormFields> features,
                          ObjectProvider<TaskNotes> notes) {
        this.personalData = personalData;
        this.features = features;
        this.notes = notes;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
                    return;
                }
                String formRef = element.attributeNS(new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS), "formRef");
                if (formRef == null) {
                    return;
                }
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, task -> created(task, formRef));
                behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        task -> completed(task, formRef));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The fields whose values leave the engine as notes. */
    Set<String> noteFields() {
        Set<String> fields = new LinkedHashSet<>();
        features.stream().map(PersonalFormFields::storedOutsideTheEngine).flatMap(Collection::stream)
                .forEach(fields::add);
        return fields;
    }

    void created(DelegateTask task, String formRef) {
        if (personalData.forms().field(formRef, NOTES).isEmpty()) {
            return;
        }
        String text = notes.getObject().text(root(task.getExecution()));
        task.setVariableLocal(NOTES, text.isEmpty() ? "Inga anteckningar i ärendet än." : text);
    }

    void completed(DelegateTask task, String formRef) {
        DelegateExecution execution = task.getExecution();
        if (execution.hasVariable(NOTES)) {
            // The shown notes, submitted back with the form, land in the process (the task's own copy is on the task
            // and ends with it): never a process variable.
            execution.removeVariable(NOTES);
        }
        String writer = null;
        for (String field : noteFields()) {
            if (personalData.forms().field(formRef, field).isEmpty()) {
                continue;
            }
            String text = ProcessVariables.text(task, field);
            if (text != null) {
                if (writer == null) {
                    writer = TaskCompleter.of(task, task.getProcessEngineServices().getIdentityService());
                }
                notes.getObject().store(new TaskNotes.Note(root(execution), execution.getProcessInstanceId(),
                        task.getId(), task.getName(), field, text.strip(), writer,
                        ClockUtil.getCurrentTime().toInstant()));
            }
            if (execution.hasVariable(field)) {
                execution.removeVariable(field);
            }
        }
    }

    /** The outermost process instance of the case: up through the call activities. */
    static String root(DelegateExecution execution) {
        DelegateExecution instance = execution.getProcessInstance();
        while (instance.getSuperExecution() != null) {
            instance = instance.getSuperExecution().getProcessInstance();
        }
        return instance.getId();
    }
}
