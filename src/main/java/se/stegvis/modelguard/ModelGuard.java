package se.stegvis.modelguard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The safety net for process owners who edit models in Camunda Modeler, run by the build over {@code processes/} and
 * {@code forms/}: first the {@link CodeRules} that the engine's {@link DeploymentGuard} also applies to every
 * deployment (no scripts, no classes, only registered delegates, expressions within {@link ExpressionPolicy}), then
 * the house style that a model can break (no Modeler default ids, names, layout, history time to live, candidate
 * groups and forms on user tasks, an async boundary and a retry cycle on every service task). Each violation names the
 * file and the element.
 *
 * <p>The house style is the build's alone: the engine refuses only what would let a model run code, so that a test
 * environment can still take a quick sketch from Modeler.
 */
public final class ModelGuard {

    /** Ids that Camunda Modeler / bpmn-js / dmn-js generate: Activity_0abc123, Flow_1xyz9ab, StartEvent_1, ... */
    public static final Pattern MODELER_DEFAULT_ID = Pattern.compile("^[A-Za-z]+_([0-9][0-9a-z]{6}|1)$");

    private final List<ModelResource> models;
    private final List<ModelResource> forms;
    private final ModelBeans beans;
    private final Set<String> formIds = new HashSet<>();
    private final Set<String> formNames = new HashSet<>();
    private final Set<String> processIds = new HashSet<>();
    private final Set<String> decisionIds = new HashSet<>();
    private final List<String> violations = new ArrayList<>();

    /**
     * @param modelsDir the folder with .bpmn and .dmn files (named {@code <folder>/<file>} in the messages)
     * @param formsDir  the folder with Camunda Forms (.form, JSON with an "id")
     * @param beans     the registered delegates and listeners, and the application's other beans
     */
    public ModelGuard(Path modelsDir, Path formsDir, ModelBeans beans) {
        this(read(modelsDir, ".bpmn", ".dmn"), read(formsDir, ".form"), beans);
    }

    public ModelGuard(List<ModelResource> models, List<ModelResource> forms, ModelBeans beans) {
        this.models = models;
        this.forms = forms;
        this.beans = beans;
    }

    /** Checks every model and form and returns the violations, empty when all is well. */
    public List<String> check() {
        for (ModelResource form : forms) {
            CodeRules.check(form, beans).forEach(v -> violations.add(v.toString()));
            formNames.add(form.name());
            try {
                JsonNode id = new ObjectMapper().readTree(form.content()).get("id");
                if (id != null) {
                    formIds.add(id.asText());
                }
            } catch (IOException e) {
                // CodeRules has said so.
            }
        }
        List<BpmnModelInstance> processes = new ArrayList<>();
        List<String> processFiles = new ArrayList<>();
        for (ModelResource model : models) {
            CodeRules.check(model, beans).forEach(v -> violations.add(v.toString()));
            try {
                if (model.kind() == ModelResource.Kind.DMN) {
                    checkDmn(model.name(), Dmn.readModelFromStream(new ByteArrayInputStream(model.content())));
                } else if (model.kind() == ModelResource.Kind.BPMN) {
                    BpmnModelInstance bpmn = Bpmn.readModelFromStream(new ByteArrayInputStream(model.content()));
                    bpmn.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
                    processes.add(bpmn);
                    processFiles.add(model.name());
                }
            } catch (RuntimeException e) {
                violations.add(model.name() + ": does not parse: " + e.getMessage());
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
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = file + ": userTask '" + task.getId() + "'";
            if (blank(task.getCamundaCandidateGroups())) {
                violations.add(where + " has no candidate group");
            }
            if (!blank(task.getCamundaAssignee())) {
                violations.add(where + " is assigned to a person in the model; use candidate groups");
            }
            checkForm(where, task.getCamundaFormRef(), task.getCamundaFormKey(), true);
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
            if (blank(task.getCamundaDelegateExpression())) {
                violations.add(where + " has no delegateExpression");
            }
            if (synchronousReason(task) == null) {
                checkAsync(where, task);
            }
        }
        for (SendTask task : model.getModelElementsByType(SendTask.class)) {
            checkAsync(file + ": sendTask '" + task.getId() + "'", task);
        }
        for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
            String ref = task.getCamundaDecisionRef();
            if (!blank(ref) && !ref.contains("${") && !decisionIds.contains(ref)) {
                violations.add(file + ": businessRuleTask '" + task.getId() + "' refers to decision '" + ref
                        + "', which no file under processes/ defines");
            }
        }
        for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            String called = call.getCalledElement();
            if (called == null || (!called.contains("${") && !processIds.contains(called))) {
                violations.add(file + ": callActivity '" + call.getId() + "' calls '" + called
                        + "', which no file under processes/ defines");
            }
        }
    }

    /** The extension property that lets a service task run in the transaction of the step before it. */
    public static final String SYNCHRONOUS = "synchronous";

    /**
     * Why the task runs synchronously, in the transaction of the step before it (extension property
     * {@value #SYNCHRONOUS}, e.g. "Registrera ansökan", which stores the start form's application: a refusal reaches
     * the start form and the form's fields never reach the database); null when it does not say. The linter makes the
     * same exception.
     */
    public static String synchronousReason(org.camunda.bpm.model.bpmn.instance.BaseElement task) {
        if (task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements().getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> SYNCHRONOUS.equals(p.getCamundaName()) && !blank(p.getCamundaValue()))
                .map(p -> p.getCamundaValue().strip()).findFirst().orElse(null);
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

    private void checkForm(String where, String formRef, String formKey, boolean required) {
        if (!blank(formRef)) {
            if (!formIds.contains(formRef)) {
                violations.add(where + " refers to form '" + formRef + "', which no file under forms/ defines");
            }
        } else if (!blank(formKey)) {
            String prefix = "camunda-forms:deployment:";
            if (!formKey.startsWith(prefix) || !formNames.contains(formKey.substring(prefix.length()))) {
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

    /** The files under a folder with one of the endings, named {@code <folder>/<relative path>}, in a stable order. */
    private static List<ModelResource> read(Path dir, String... endings) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<ModelResource> resources = new ArrayList<>();
            for (Path file : walk.filter(p -> Stream.of(endings).anyMatch(p.toString()::endsWith)).sorted().toList()) {
                String name = dir.getFileName() + "/" + dir.relativize(file).toString().replace('\\', '/');
                resources.add(new ModelResource(name, Files.readAllBytes(file)));
            }
            return resources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String type(ModelElementInstance element) {
        return element.getElementType().getTypeName();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
