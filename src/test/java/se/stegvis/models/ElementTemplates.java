package se.stegvis.models;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;
import se.stegvis.config.ModelerTemplate;
import se.stegvis.config.TemplateRetryCycle;
import se.stegvis.modelguard.ModelGuard;
import se.stegvis.modelguard.RetryCycle;

/**
 * Camunda Modeler element templates (Camunda 7) for every delegate and execution listener a process owner may place,
 * generated from the code (the Spring beans implementing {@link JavaDelegate} or {@link ExecutionListener} under
 * {@code se.stegvis}, their Javadoc and {@link ModelerTemplate}) and from their use in {@code processes/} (name,
 * asynchronous continuation, retry cycle, listener event). {@link ElementTemplatesTest} fails when
 * {@code .camunda/element-templates/} is not what this gives.
 *
 * <p>Task listeners cannot be templated: Camunda 7 element templates have no binding for them. They are listed in
 * {@code .camunda/element-templates/README.md} with where they are used.
 */
public final class ElementTemplates {

    public static final Path FOLDER = Path.of(".camunda", "element-templates");
    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final String DEFAULT_RETRY_CYCLE = "R3/PT5M";
    private static final Pattern BEAN = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

    private final Path processesDir;
    private final Path sourceDir;

    /**
     * @param processesDir the models, for names and settings where the beans are used
     * @param sourceDir    the Java sources, for each bean's Javadoc
     */
    public ElementTemplates(Path processesDir, Path sourceDir) {
        this.processesDir = processesDir;
        this.sourceDir = sourceDir;
    }

    /** A bean that can be placed in a model, and where the models use it. */
    record Bean(String name, Class<?> type, Kind kind, List<Use> uses) {
    }

    enum Kind { DELEGATE, EXECUTION_LISTENER, TASK_LISTENER }

    /** One use in a model: the process, the element, and its settings there. */
    record Use(String process, String elementId, String elementName, String elementType, boolean asyncBefore,
               String retryCycle, String event, String synchronous) {
    }

    private Map<String, Bean> beans;

    /** The beans of se.stegvis that implement a delegate or listener interface, by bean name. */
    public synchronized Map<String, Bean> beans() {
        if (beans == null) {
            beans = scan();
        }
        return beans;
    }

    private Map<String, Bean> scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Map<String, List<Use>> uses = uses();
        Map<String, Bean> beans = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("se.stegvis")) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
            Kind kind = JavaDelegate.class.isAssignableFrom(type) ? Kind.DELEGATE
                    : ExecutionListener.class.isAssignableFrom(type) ? Kind.EXECUTION_LISTENER
                    : TaskListener.class.isAssignableFrom(type) ? Kind.TASK_LISTENER : null;
            if (kind == null) {
                continue;
            }
            String name = beanName(type);
            beans.put(name, new Bean(name, type, kind, uses.getOrDefault(name, List.of())));
        }
        return beans;
    }

    /** File name to JSON content of every template, and the README that lists what cannot be templated. */
    public Map<String, String> render() {
        Map<String, String> files = new TreeMap<>();
        for (Bean bean : beans().values()) {
            if (bean.kind() != Kind.TASK_LISTENER) {
                files.put(bean.name() + ".json", json(template(bean)));
            }
        }
        return files;
    }

    /** The README beside the templates (Markdown). */
    public String readme() {
        StringBuilder md = new StringBuilder();
        md.append("# Stegvis element templates for Camunda Modeler\n\n")
                .append("<!-- Generated from the code and processes/. Do not edit by hand: run ").append(Regenerate.COMMAND)
                .append(" -->\n\n")
                .append("One template per delegate and execution listener (Camunda 7). How to use them: ")
                .append("[docs/processagare.md](../../docs/processagare.md).\n\n")
                .append("| template | applies to | bean | async before | retry cycle | required inputs |\n|---|---|---|---|---|---|\n");
        List<Bean> taskListeners = new ArrayList<>();
        for (Bean bean : beans().values()) {
            if (bean.kind() == Kind.TASK_LISTENER) {
                taskListeners.add(bean);
                continue;
            }
            boolean delegate = bean.kind() == Kind.DELEGATE;
            md.append("| ").append(templateName(bean)).append(" | ").append(String.join(", ", appliesTo(bean)))
                    .append(" | `${").append(bean.name()).append("}` | ").append(delegate ? (async(bean) ? "yes" : synchronous(bean) != null ? "no (synchronous)" : "no") : "—")
                    .append(" | ").append(delegate && async(bean) ? "`" + retryCycle(bean) + "`" : "—").append(" | ")
                    .append(inputs(bean).isEmpty() ? "—" : inputs(bean).stream().map(i -> "`" + i + "`").collect(Collectors.joining(", ")))
                    .append(" |\n");
        }
        md.append("\nTask listeners have no template (Camunda 7 element templates cannot bind a task listener). Add them to a\n")
                .append("user task under *Task listeners* → *Delegate expression* with the event given here:\n\n")
                .append("| task listener | events | used in |\n|---|---|---|\n");
        for (Bean bean : taskListeners) {
            md.append("| `${").append(bean.name()).append("}` | ")
                    .append(bean.uses().stream().map(Use::event).distinct().sorted().collect(Collectors.joining(", ")))
                    .append(" | ").append(usedIn(bean)).append(" |\n");
        }
        return md.toString();
    }

    private ObjectNode template(Bean bean) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode t = json.createObjectNode();
        t.put("$schema", SCHEMA);
        t.put("name", templateName(bean));
        t.put("id", "se.stegvis." + bean.name());
        t.put("version", 1);
        t.put("description", description(bean));
        ArrayNode applies = t.putArray("appliesTo");
        appliesTo(bean).forEach(applies::add);
        ArrayNode properties = t.putArray("properties");
        if (bean.kind() == Kind.DELEGATE) {
            ObjectNode impl = properties.addObject();
            impl.put("label", "Implementation");
            impl.put("type", "Hidden");
            impl.put("value", "${" + bean.name() + "}");
            impl.putObject("binding").put("type", "property").put("name", "camunda:delegateExpression");
            if (async(bean)) {
                ObjectNode async = properties.addObject();
                async.put("label", "Asynchronous before");
                async.put("type", "Hidden");
                async.put("value", "true");
                async.putObject("binding").put("type", "property").put("name", "camunda:asyncBefore");
                ObjectNode retry = properties.addObject();
                retry.put("label", "Nya försök vid fel (retry cycle)");
                retry.put("description", "ISO 8601-upprepning: antal försök och väntetid, t.ex. R3/PT5M = tre försök med fem minuters mellanrum. Sedan blir det en incident i Cockpit.");
                retry.put("type", "String");
                retry.put("value", retryCycle(bean));
                retry.putObject("binding").put("type", "camunda:property").put("name", TemplateRetryCycle.PROPERTY);
                ObjectNode constraints = retry.putObject("constraints");
                constraints.put("notEmpty", true);
                constraints.putObject("pattern").put("value", "^R\\d+/P.+$")
                        .put("message", "Skriv t.ex. R3/PT5M (antal försök / väntetid)");
            } else if (synchronous(bean) != null) {
                // A step in the transaction of the step before it: the model says why (the guard requires it).
                ObjectNode sync = properties.addObject();
                sync.put("label", "Synkront: varför steget körs i föregående stegs transaktion");
                sync.put("type", "String");
                sync.put("value", synchronous(bean));
                sync.putObject("binding").put("type", "camunda:property").put("name", ModelGuard.SYNCHRONOUS);
                sync.putObject("constraints").put("notEmpty", true);
            }
        } else {
            ObjectNode listener = properties.addObject();
            listener.put("label", "Execution listener");
            listener.put("type", "Hidden");
            listener.put("value", "${" + bean.name() + "}");
            listener.putObject("binding").put("type", "camunda:executionListener").put("event", event(bean))
                    .put("implementationType", "delegateExpression");
        }
        for (String input : inputs(bean)) {
            ObjectNode in = properties.addObject();
            in.put("label", "Indata: " + input);
            in.put("description", "Processvariabeln " + input + " måste finnas när steget körs.");
            in.put("type", "String");
            in.put("value", "${" + input + "}");
            in.putObject("binding").put("type", "camunda:inputParameter").put("name", input);
            in.putObject("constraints").put("notEmpty", true);
        }
        return t;
    }

    // ---------------------------------------------------------------------------------------- derived from code

    private static String beanName(Class<?> type) {
        Component component = type.getAnnotation(Component.class);
        if (component != null && !component.value().isBlank()) {
            return component.value();
        }
        return Introspector.decapitalize(type.getSimpleName());
    }

    private static List<String> inputs(Bean bean) {
        ModelerTemplate annotation = bean.type().getAnnotation(ModelerTemplate.class);
        return annotation == null ? List.of() : List.of(annotation.inputs());
    }

    /** The first sentence of the class's Javadoc, read from its source file. */
    String javadoc(Class<?> type) {
        Path source = sourceDir.resolve(type.getName().replace('.', '/') + ".java");
        if (!Files.exists(source)) {
            return "";
        }
        try {
            String text = Files.readString(source);
            int classAt = text.indexOf("class " + type.getSimpleName());
            int end = text.lastIndexOf("*/", classAt);
            int start = end < 0 ? -1 : text.lastIndexOf("/**", end);
            if (start < 0) {
                return "";
            }
            String doc = text.substring(start + 3, end).lines().map(l -> l.replaceFirst("^\\s*\\*\\s?", ""))
                    .takeWhile(l -> !l.strip().startsWith("@") && !l.strip().startsWith("<p>"))
                    .collect(Collectors.joining(" "))
                    .replaceAll("\\{@(?:code|link|value)\\s+([^}]*)}", "$1").replaceAll("<[^>]+>", "")
                    .replaceAll("\\s+", " ").strip();
            Matcher sentence = Pattern.compile("^(.+?[.!?])(\\s|$)").matcher(doc);
            return sentence.find() ? sentence.group(1) : doc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // -------------------------------------------------------------------------------------- derived from models

    private String templateName(Bean bean) {
        List<String> names = bean.uses().stream().map(Use::elementName).filter(n -> n != null && !n.isBlank())
                .distinct().toList();
        if (bean.kind() == Kind.DELEGATE) {
            return "Stegvis: " + (names.isEmpty() ? bean.name() : names.get(0));
        }
        return "Stegvis: lyssnare " + bean.name() + " (" + event(bean) + ")";
    }

    private String description(Bean bean) {
        String doc = javadoc(bean.type());
        String where = usedIn(bean);
        return (doc.isEmpty() ? "" : doc + " ") + "Java: " + bean.type().getSimpleName() + ". Används i: " + where + ".";
    }

    private static String usedIn(Bean bean) {
        if (bean.uses().isEmpty()) {
            return "ingen process ännu";
        }
        return bean.uses().stream().map(u -> u.process() + " › " + (u.elementName() == null ? u.elementId() : u.elementName()))
                .distinct().collect(Collectors.joining("; "));
    }

    private static List<String> appliesTo(Bean bean) {
        if (bean.kind() == Kind.DELEGATE) {
            Set<String> types = new LinkedHashSet<>(List.of("bpmn:ServiceTask"));
            // A template binds camunda:delegateExpression on the element itself: tasks only (a message throw event
            // keeps it on its message event definition, which Camunda 7 templates cannot bind).
            bean.uses().stream().filter(u -> u.elementType().endsWith("Task"))
                    .forEach(u -> types.add("bpmn:" + u.elementType()));
            return List.copyOf(types);
        }
        Set<String> types = new LinkedHashSet<>();
        bean.uses().forEach(u -> types.add("bpmn:" + u.elementType()));
        if (types.isEmpty()) {
            types.add("bpmn:FlowNode");
        }
        return List.copyOf(types);
    }

    /** The reason the models give for running the bean synchronously (property "synchronous"), or null. */
    private static String synchronous(Bean bean) {
        return bean.uses().stream().map(Use::synchronous).filter(r -> r != null).findFirst().orElse(null);
    }

    /** Asynchronous before unless every use in the models is synchronous. */
    private static boolean async(Bean bean) {
        return bean.uses().isEmpty() || bean.uses().stream().anyMatch(Use::asyncBefore);
    }

    /** The retry cycle most uses have (the first one on a tie), else the house default. */
    private static String retryCycle(Bean bean) {
        Map<String, Long> counts = bean.uses().stream().map(Use::retryCycle).filter(c -> c != null)
                .collect(Collectors.groupingBy(Function.identity(), LinkedHashMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue())
                .map(Map.Entry::getKey).orElse(DEFAULT_RETRY_CYCLE);
    }

    private static String event(Bean bean) {
        return bean.uses().stream().map(Use::event).filter(e -> e != null).findFirst().orElse("start");
    }

    private Map<String, List<Use>> uses() {
        Map<String, List<Use>> uses = new LinkedHashMap<>();
        for (Path file : bpmnFiles()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class).stream()
                    .sorted(Comparator.comparing(Process::getId)).toList()) {
                for (FlowElement element : flowElements(process)) {
                    String expression = element instanceof ServiceTask s ? s.getCamundaDelegateExpression()
                            : element instanceof SendTask s ? s.getCamundaDelegateExpression()
                            : messageThrowDelegate(element);
                    if (expression != null) {
                        add(uses, expression, process, element, null);
                    }
                    if (element.getExtensionElements() != null) {
                        for (CamundaExecutionListener l : element.getExtensionElements()
                                .getChildElementsByType(CamundaExecutionListener.class)) {
                            add(uses, l.getCamundaDelegateExpression(), process, element, l.getCamundaEvent());
                        }
                        for (CamundaTaskListener l : element.getExtensionElements()
                                .getChildElementsByType(CamundaTaskListener.class)) {
                            add(uses, l.getCamundaDelegateExpression(), process, element, l.getCamundaEvent());
                        }
                    }
                }
            }
        }
        return uses;
    }

    /** The delegate of a message throw event (intermediate or end), e.g. "Starta klientresan"; else null. */
    static String messageThrowDelegate(FlowElement element) {
        if (!(element instanceof org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent)
                && !(element instanceof org.camunda.bpm.model.bpmn.instance.EndEvent)) {
            return null;
        }
        return element.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition.class).stream()
                .map(org.camunda.bpm.model.bpmn.instance.MessageEventDefinition::getCamundaDelegateExpression)
                .filter(e -> e != null).findFirst().orElse(null);
    }

    private static void add(Map<String, List<Use>> uses, String expression, Process process, BaseElement element,
                            String event) {
        if (expression == null) {
            return;
        }
        Matcher m = BEAN.matcher(expression.strip());
        if (!m.matches()) {
            return;
        }
        boolean async = element instanceof org.camunda.bpm.model.bpmn.instance.FlowNode f && f.isCamundaAsyncBefore();
        String name = element instanceof FlowElement f ? f.getName() : null;
        uses.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new Use(process.getId(), element.getId(),
                name == null ? null : name.replaceAll("\\s+", " ").strip(), StringUtils.capitalize(element.getElementType().getTypeName()),
                async, RetryCycle.of(element), event,
                event == null ? se.stegvis.modelguard.ModelGuard.synchronousReason(element) : null));
    }

    private static List<FlowElement> flowElements(ModelElementInstance scope) {
        List<FlowElement> all = new ArrayList<>();
        for (FlowElement e : scope.getChildElementsByType(FlowElement.class)) {
            all.add(e);
            all.addAll(flowElements(e));
        }
        return all;
    }

    private List<Path> bpmnFiles() {
        try (Stream<Path> walk = Files.walk(processesDir)) {
            return walk.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String json(ObjectNode node) {
        try {
            var printer = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return new ObjectMapper().writer(printer).writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
