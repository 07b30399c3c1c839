package se.stegvis.config;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.springframework.stereotype.Component;

/**
 * One engine-level task-lifecycle recorder, like the completed-by mechanism ({@link TaskCompletionPlugin}): a user
 * task whose model carries the extension property {@value #PROPERTY} (Modeler: Extensions → Properties) with a bean
 * name gets, when the model is parsed, listeners on create, update, complete and delete that hand the task to that
 * {@link TaskLifecycleRecorder} bean. The diagram names what is recorded; the recorder records what only the engine
 * sees (a due date changed in Tasklist, a task deleted with its scope), which a service task before or after the
 * task could not. Recorders only record: they are not the task's listeners, which validate, route or prefill.
 */
@Component
public class TaskLifecyclePlugin extends AbstractProcessEnginePlugin {

    /** The extension property on a user task: the name of a {@link TaskLifecycleRecorder} bean. */
    public static final String PROPERTY = "taskLifecycleRecorder";

    private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String bean = recorderName(element);
                if (bean == null || !(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
                    return;
                }
                var definition = behavior.getTaskDefinition();
                Expression recorder = configuration.getExpressionManager().createExpression("${" + bean + "}");
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, task -> of(recorder, task, bean).created(task));
                definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, task -> of(recorder, task, bean).updated(task));
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> of(recorder, task, bean).completed(task));
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, task -> of(recorder, task, bean).deleted(task));
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** The bean name in the user task's extension property {@value #PROPERTY}, or null. */
    static String recorderName(Element userTask) {
        Element extensions = userTask.element("extensionElements");
        Element properties = extensions == null ? null : extensions.elementNS(CAMUNDA, "properties");
        if (properties == null) {
            return null;
        }
        for (Element property : properties.elementsNS(CAMUNDA, "property")) {
            if (PROPERTY.equals(property.attribute("name"))) {
                String value = property.attribute("value");
                return value == null || value.isBlank() ? null : value.strip();
            }
        }
        return null;
    }

    private static TaskLifecycleRecorder of(Expression recorder, org.camunda.bpm.engine.delegate.DelegateTask task,
                                            String bean) {
        if (recorder.getValue(task) instanceof TaskLifecycleRecorder r) {
            return r;
        }
        throw new IllegalStateException("Bean " + bean + " (" + PROPERTY + ") is no TaskLifecycleRecorder");
    }
}
