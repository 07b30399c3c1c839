package se.stegvis.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaScript;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The safety net for process owners who edit models in Camunda Modeler: every rule of the house style that a
 * model can break, checked with the Camunda BPMN and DMN Model APIs. Each violation names the file and the element.
 */
public final class ModelGuard {

    /** Ids that Camunda Modeler / bpmn-js / dmn-js generate: Activity_0abc123, Flow_1xyz9ab, StartEvent_1, ... */
    static final Pattern MODELER_DEFAULT_ID = Pattern.compile("^[A-Za-z]+_([0-9][0-9a-z]{6}|1)$");
    private static final Pattern EXPRESSION_BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final Path modelsDir;
    private final Set<String> formIds;
    private final Set<String> processIds = new HashSet<>();
    private final Set<String> decisionIds = new HashSet<>();
    private final Predicate<String> beanExists;
    private final List<String> violations = new ArrayList<>();

    /**
     * @param modelsDir  the folder with .bpmn and .dmn files
     * @param formsDir   the folder with Camunda Forms (.form, JSON with an "id")
     * @param beanExists whether a Spring bean of that name exists
     */
    public ModelGuard(Path modelsDir, Path formsDir, Predicate<String> beanExists) {
        this.modelsDir = modelsDir;
        this.formIds = readFormIds(formsDir);
        this.beanExists = beanExists;
    }

    /** Checks every model under the folder and returns the violations, empty when all is well. */
    public List<String> check() {
        List<Path> bpmn = files(".bpmn");
        List<Path> dmn = files(".dmn");
        List<DmnModelInstance> decisions = new ArrayList<>();
        for (Path file : dmn) {
            try {
                DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
                decisions.add(model);
                checkDmn(name(file), model);
            } catch (RuntimeException e) {
                violations.add(name(file) + ": does not parse: " + e.getMessage());
            }
        }
        List<BpmnModelInstance> processes = new ArrayList<>();
        List<String> processFiles = new ArrayList<>();
        for (Path file : bpmn) {
            try {
                BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
                model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
                processes.add(model);
                processFiles.add(name(file));
            } catch (RuntimeException e) {
                violations.add(name(file) + ": does not parse: " + e.getMessage());
            }
        }
        for (int i = 0; i < processes.size(); i++) {
            checkBpmn(processFiles.get(i), processes.get(i));
        }
        return List.copyOf(violations);
    }

    private void checkDmn(String file, DmnModelInstance model) {
        for (ModelElementInstance element : model.getModelElementsByType(
                model.getModel().getType(org.camunda.bpm.model.dmn.instance.DmnElement.class))) {
            String id = element.getAttributeValue("id");
            if (id != null && MODELER_DEFAULT_ID.matcher(id).matches()) {
                violations.add(file + ": " + element.getElementType().getTypeName() + " '" + id + "' has a modeler default id");
            }
        }
        for (Decision decision : model.getModelElementsByType(Decision.class)) {
            decisionIds.add(decision.getId());
            if (decision.getName() == null || decision.getName().isBlank()) {
                violations.add(file + ": decision '" + decision.getId() + "' has no name");
            }
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(file + ": decision '" + decision.getId() + "' has no historyTimeToLive");
            }
        }
    }

    private void checkBpmn(String file, BpmnModelInstance model) {
        Set<String> laidOut = new HashSet<>();
        model.getModelElementsByType(BpmnShape.class).forEach(s -> laidOut.add(s.getBpmnElement().getId()));
        model.getModelElementsByType(BpmnEdge.class).forEach(e -> laidOut.add(e.getBpmnElement().getId()));

        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String id = element.getId();
            if (id != null && MODELER_DEFAULT_ID.matcher(id).matches()) {
                violations.add(file + ": " + type(element) + " '" + id + "' has a modeler default id");
            }
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                violations.add(file + ": process '" + process.getId() + "' has no historyTimeToLive");
            }
            if (process.getName() == null || process.getName().isBlank()) {
                violations.add(file + ": process '" + process.getId() + "' has no name");
            }
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            String where = file + ": " + type(element) + " '" + element.getId() + "'";
            if (!laidOut.contains(element.getId()) && (element instanceof FlowNode || element instanceof SequenceFlow)) {
                violations.add(where + " is not laid out in the diagram");
            }
            if (needsName(element) && (element.getName() == null || element.getName().isBlank())) {
                violations.add(where + " has no name");
            }
        }
        for (ScriptTask task : model.getModelElementsByType(ScriptTask.class)) {
            violations.add(file + ": scriptTask '" + task.getId() + "' is not allowed: put the logic in a Java delegate");
        }
        for (CamundaScript script : model.getModelElementsByType(CamundaScript.class)) {
            violations.add(file + ": script in '" + owner(script) + "' is not allowed: put the logic in a Java delegate");
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = file + ": userTask '" + task.getId() + "'";
            if (blank(task.getCamundaCandidateGroups())) {
                violations.add(where + " has no candidate group");
            }
            if (!blank(task.getCamundaAssignee())) {
                violations.add(where + " is assigned to a person in the model; use candidate groups");
            }
            checkForm(where, task.getCamundaFormRef(), task.getCamundaFormKey(), true);
            for (CamundaTaskListener listener : task.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
                    .stream().flatMap(e -> e.getChildElementsByType(CamundaTaskListener.class).stream()).toList()) {
                checkDelegate(where + " task listener", listener.getCamundaDelegateExpression(), listener.getCamundaClass());
            }
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null || start.getCamundaFormKey() != null) {
                checkForm(file + ": startEvent '" + start.getId() + "'", start.getCamundaFormRef(), start.getCamundaFormKey(), false);
            }
        }
        for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
            String where = file + ": serviceTask '" + task.getId() + "'";
            if ("external".equals(task.getCamundaType())) {
                if (blank(task.getCamundaTopic())) {
                    violations.add(where + " is an external task without a topic");
                }
                continue;
            }
            checkDelegate(where, task.getCamundaDelegateExpression(), task.getCamundaClass());
            if (blank(task.getCamundaDelegateExpression()) && blank(task.getCamundaExpression())) {
                violations.add(where + " has no delegateExpression");
            }
            checkAsync(where, task);
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            String where = file + ": sendTask '" + task.getId() + "'";
            checkDelegate(where, task.getCamundaDelegateExpression(), task.getCamundaClass());
            checkAsync(where, task);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String ref = task.getCamundaDecisionRef();
            if (!blank(ref) && !ref.contains("${") && !decisionIds.contains(ref)) {
                violations.add(file + ": businessRuleTask '" + task.getId() + "' refers to decision '" + ref
                        + "', which no file under processes/ defines");
            }
            checkDelegate(file + ": businessRuleTask '" + task.getId() + "'", task.getCamundaDelegateExpression(), task.getCamundaClass());
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            String called = call.getCalledElement();
            if (called == null || (!called.contains("${") && !processIds.contains(called))) {
                violations.add(file + ": callActivity '" + call.getId() + "' calls '" + called
                        + "', which no file under processes/ defines");
            }
        }
        for (CamundaExecutionListener listener : model.getModelElementsByType(CamundaExecutionListener.class)) {
            checkDelegate(file + ": execution listener in '" + owner(listener) + "'",
                    listener.getCamundaDelegateExpression(), listener.getCamundaClass());
        }
    }

    private void checkAsync(String where, Activity task) {
        if (!task.isCamundaAsyncBefore()) {
            violations.add(where + " calls out but has no asyncBefore");
        }
        // camunda:failedJobRetryTimeCycle, or the extension property Stegvis' element templates write (RetryCycle)
        if (RetryCycle.of(task) == null) {
            violations.add(where + " has no failedJobRetryTimeCycle");
        }
    }

    private void checkDelegate(String where, String delegateExpression, String className) {
        if (!blank(className)) {
            violations.add(where + " uses camunda:class " + className + "; use a delegateExpression to a Spring bean");
        }
        if (blank(delegateExpression)) {
            return;
        }
        Matcher m = EXPRESSION_BEAN.matcher(delegateExpression.trim());
        if (!m.matches()) {
            violations.add(where + " has delegateExpression '" + delegateExpression + "'; expected ${beanName}");
        } else if (!beanExists.test(m.group(1))) {
            violations.add(where + " has delegateExpression '" + delegateExpression + "' but no Spring bean '"
                    + m.group(1) + "' exists");
        }
    }

    private void checkForm(String where, String formRef, String formKey, boolean required) {
        if (!blank(formRef)) {
            if (!formIds.contains(formRef)) {
                violations.add(where + " refers to form '" + formRef + "', which no file under forms/ defines");
            }
        } else if (!blank(formKey)) {
            String prefix = "camunda-forms:deployment:";
            if (!formKey.startsWith(prefix) || !Files.exists(modelsDir.resolveSibling(formKey.substring(prefix.length())))) {
                violations.add(where + " has form key '" + formKey + "', which names no file under forms/");
            }
        } else if (required) {
            violations.add(where + " has no form");
        }
    }

    private static boolean needsName(FlowElement element) {
        if (element instanceof Activity || element instanceof Event) {
            return true;
        }
        // A gateway that decides needs a question as its name; a merging gateway does not.
        // Outgoing flows counted from the flows' sources, as the engine does (bpmn:outgoing references are optional).
        return element instanceof Gateway gateway && gateway.getParentElement().getChildElementsByType(SequenceFlow.class)
                .stream().filter(flow -> flow.getSource() == gateway).count() > 1;
    }

    private List<Path> files(String ending) {
        try (Stream<Path> walk = Files.walk(modelsDir)) {
            return walk.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> readFormIds(Path formsDir) {
        Set<String> ids = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> walk = Files.walk(formsDir)) {
            for (Path form : walk.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode id = json.readTree(form.toFile()).get("id");
                if (id != null) {
                    ids.add(id.asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    private String name(Path file) {
        return modelsDir.getFileName() + "/" + modelsDir.relativize(file);
    }

    private static String type(ModelElementInstance element) {
        return element.getElementType().getTypeName();
    }

    private static String owner(ModelElementInstance element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof BaseElement)) {
            parent = parent.getParentElement();
        }
        return parent == null ? "?" : ((BaseElement) parent).getId();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
