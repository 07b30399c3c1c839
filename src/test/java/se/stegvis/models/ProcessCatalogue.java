package se.stegvis.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ErrorEventDefinition;
import org.camunda.bpm.model.bpmn.instance.EscalationEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.SignalEventDefinition;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import se.stegvis.modelguard.RetryCycle;

/**
 * Writes {@code docs/processer.md}, the catalogue of Stegvis' processes and decision tables, from the models
 * themselves (processes/*.bpmn, processes/*.dmn): each process's purpose (its documentation), start and end events,
 * user tasks with candidate group and form, timers, messages, called processes, automatic steps and decision tables
 * with their inputs. {@link ProcessCatalogueTest} fails when the file is not what the models give.
 */
public final class ProcessCatalogue {

    /** The file the catalogue is written to, relative to the project. */
    public static final Path FILE = Path.of("docs", "processer.md");

    private final Path processesDir;

    public ProcessCatalogue(Path processesDir) {
        this.processesDir = processesDir;
    }

    /** The catalogue as Markdown. */
    public String render() {
        Map<String, DmnModelInstance> dmn = new LinkedHashMap<>();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        for (Path file : files(".dmn")) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            dmn.put(relative(file), model);
            model.getModelElementsByType(Decision.class).forEach(d -> decisions.put(d.getId(), d));
        }
        Map<String, BpmnModelInstance> bpmn = new LinkedHashMap<>();
        for (Path file : files(".bpmn")) {
            bpmn.put(relative(file), Bpmn.readModelFromFile(file.toFile()));
        }

        StringBuilder md = new StringBuilder();
        md.append("# Processkatalog\n\n")
                .append("<!-- Genererad från processes/*.bpmn och processes/*.dmn. Ändra inte för hand: ändra modellen och kör\n")
                .append("     ").append(Regenerate.COMMAND).append(" -->\n\n")
                .append("Alla processer och beslutstabeller i Stegvis, läst ur modellerna själva: syfte (modellens dokumentation),\n")
                .append("start- och sluthändelser, användaruppgifter med kandidatgrupp och formulär, timrar, meddelanden, anropade\n")
                .append("processer, automatiska steg och beslutstabeller med sina indata. Testet `ProcessCatalogueTest` ser till att\n")
                .append("filen alltid stämmer med modellerna.\n\n");
        md.append("| process | id | version | fil |\n|---|---|---|---|\n");
        bpmn.forEach((file, model) -> processes(model).forEach(p -> md.append("| [").append(p.getName()).append("](#")
                .append(anchor(p.getName())).append(") | `").append(p.getId()).append("` | ")
                .append(orDash(p.getCamundaVersionTag())).append(" | [`").append(file).append("`](../").append(file)
                .append(") |\n")));
        md.append("\n| beslutstabell | id | fil |\n|---|---|---|\n");
        dmn.forEach((file, model) -> model.getModelElementsByType(Decision.class).stream()
                .sorted(Comparator.comparing(Decision::getId))
                .forEach(d -> md.append("| [").append(d.getName()).append("](#").append(anchor(d.getName()))
                        .append(") | `").append(d.getId()).append("` | [`").append(file).append("`](../").append(file)
                        .append(") |\n")));

        bpmn.forEach((file, model) -> processes(model).forEach(p -> renderProcess(md, file, p, decisions)));
        md.append("\n## Beslutstabeller\n");
        dmn.forEach((file, model) -> model.getModelElementsByType(Decision.class).stream()
                .sorted(Comparator.comparing(Decision::getId))
                .forEach(d -> renderDecision(md, file, d)));
        return md.toString();
    }

    private void renderProcess(StringBuilder md, String file, Process process, Map<String, Decision> decisions) {
        md.append("\n## ").append(process.getName()).append("\n\n");
        md.append("`").append(process.getId()).append("` · version ").append(orDash(process.getCamundaVersionTag()))
                .append(" · [`").append(file).append("`](../").append(file).append(")\n\n");
        String purpose = documentation(process);
        if (!purpose.isEmpty()) {
            md.append(purpose).append("\n");
        }

        List<FlowElement> elements = new ArrayList<>();
        collect(process.getFlowElements(), elements);

        List<String> starts = new ArrayList<>();
        List<String> ends = new ArrayList<>();
        for (FlowElement e : elements) {
            if (e instanceof StartEvent start) {
                String form = start.getCamundaFormRef() != null ? ", formulär `" + start.getCamundaFormRef() + "`" : "";
                starts.add(label(start) + " — " + eventKind(start) + where(start) + form);
            } else if (e instanceof EndEvent end) {
                ends.add(label(end) + " — " + eventKind(end) + where(end));
            }
        }
        list(md, "Start", starts);
        list(md, "Slut", ends);

        List<UserTask> userTasks = elements.stream().filter(UserTask.class::isInstance).map(UserTask.class::cast).toList();
        if (!userTasks.isEmpty()) {
            md.append("\n**Användaruppgifter**\n\n| uppgift | id | kandidatgrupp | formulär | förfaller |\n|---|---|---|---|---|\n");
            for (UserTask task : userTasks) {
                md.append("| ").append(cell(task.getName())).append(where(task)).append(" | `").append(task.getId())
                        .append("` | ").append(code(task.getCamundaCandidateGroups())).append(" | ")
                        .append(code(task.getCamundaFormRef() != null ? task.getCamundaFormRef() : task.getCamundaFormKey()))
                        .append(" | ").append(code(task.getCamundaDueDate())).append(" |\n");
            }
        }

        List<String> timers = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (FlowElement e : elements) {
            if (e instanceof Event event) {
                for (EventDefinition def : definitions(event)) {
                    if (def instanceof TimerEventDefinition timer) {
                        timers.add(label(event) + " — " + timer(timer) + attachedTo(event) + where(event));
                    } else if (def instanceof MessageEventDefinition message) {
                        messages.add("`" + (message.getMessage() == null ? "?" : message.getMessage().getName()) + "` — "
                                + (event instanceof IntermediateThrowEvent || event instanceof EndEvent ? "skickas av " : "väntas i ")
                                + label(event) + attachedTo(event) + where(event));
                    } else if (def instanceof EscalationEventDefinition esc) {
                        other.add("eskalering `" + (esc.getEscalation() == null ? "?" : esc.getEscalation().getEscalationCode())
                                + "` — " + label(event) + attachedTo(event) + where(event));
                    } else if (def instanceof ErrorEventDefinition err) {
                        other.add("BPMN-fel `" + (err.getError() == null ? "?" : err.getError().getErrorCode())
                                + "` — " + label(event) + attachedTo(event) + where(event));
                    } else if (def instanceof SignalEventDefinition sig) {
                        other.add("signal `" + (sig.getSignal() == null ? "?" : sig.getSignal().getName())
                                + "` — " + label(event) + attachedTo(event) + where(event));
                    }
                }
            } else if (e instanceof ReceiveTask receive && receive.getMessage() != null) {
                messages.add("`" + receive.getMessage().getName() + "` — väntas i " + label(receive) + where(receive));
            }
        }
        list(md, "Timrar", timers);
        list(md, "Meddelanden", messages);
        list(md, "Eskaleringar och fel", other);

        List<String> calls = elements.stream().filter(CallActivity.class::isInstance).map(CallActivity.class::cast)
                .map(c -> label(c) + " anropar `" + c.getCalledElement() + "`" + where(c)).toList();
        list(md, "Anropade processer", calls);

        List<String> rules = new ArrayList<>();
        for (FlowElement e : elements) {
            if (e instanceof BusinessRuleTask rule) {
                String ref = rule.getCamundaDecisionRef();
                Decision decision = ref == null ? null : decisions.get(ref);
                String inputs = decision == null ? "" : " med indata " + inputs(decision);
                rules.add(label(rule) + " — tabellen `" + ref + "`"
                        + (decision == null ? "" : " ([" + decision.getName() + "](#" + anchor(decision.getName()) + "))")
                        + inputs + (rule.getCamundaResultVariable() == null ? "" : ", resultat i `" + rule.getCamundaResultVariable() + "`")
                        + where(rule));
            }
        }
        list(md, "Beslutstabeller", rules);

        List<String> automatic = new ArrayList<>();
        for (FlowElement e : elements) {
            String delegate = null;
            if (e instanceof ServiceTask task) {
                delegate = task.getCamundaDelegateExpression();
            } else if (e instanceof SendTask task) {
                delegate = task.getCamundaDelegateExpression();
            } else {
                delegate = ElementTemplates.messageThrowDelegate(e);
            }
            if (delegate != null) {
                FlowNode node = (FlowNode) e;
                String retry = RetryCycle.of(node);
                String synchronous = se.stegvis.modelguard.ModelGuard.synchronousReason(node);
                automatic.add(label(node) + " — `" + delegate + "`" + (node.isCamundaAsyncBefore() ? ", asynkront"
                        : synchronous != null ? ", synkront: " + synchronous : "")
                        + (retry == null ? "" : ", nya försök `" + retry + "`") + where(node));
            }
        }
        list(md, "Automatiska steg", automatic);
    }

    private void renderDecision(StringBuilder md, String file, Decision decision) {
        md.append("\n### ").append(decision.getName()).append("\n\n");
        md.append("`").append(decision.getId()).append("`")
                .append(decision.getVersionTag() == null ? "" : " · version " + decision.getVersionTag())
                .append(" · [`").append(file).append("`](../").append(file).append(")\n\n");
        String doc = decision.getDescription() == null ? "" : decision.getDescription().getTextContent().strip();
        if (!doc.isEmpty()) {
            md.append(doc.replaceAll("\\s+", " ")).append("\n\n");
        }
        DecisionTable table = decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
        if (table == null) {
            md.append("(ingen beslutstabell)\n");
            return;
        }
        md.append("Träffpolicy ").append(table.getHitPolicy()).append(table.getAggregation() == null ? "" : " " + table.getAggregation())
                .append(", ").append(table.getRules().size()).append(" regler.\n\n");
        md.append("| | namn | uttryck / variabel | typ |\n|---|---|---|---|\n");
        for (Input input : table.getInputs()) {
            var expression = input.getInputExpression();
            md.append("| indata | ").append(cell(input.getLabel())).append(" | ")
                    .append(code(expression == null || expression.getText() == null ? null : expression.getText().getTextContent().strip()))
                    .append(" | ").append(orDash(expression == null ? null : expression.getTypeRef())).append(" |\n");
        }
        for (Output output : table.getOutputs()) {
            md.append("| utdata | ").append(cell(output.getLabel())).append(" | ").append(code(output.getName()))
                    .append(" | ").append(orDash(output.getTypeRef())).append(" |\n");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static List<Process> processes(BpmnModelInstance model) {
        return model.getModelElementsByType(Process.class).stream().filter(Process::isExecutable)
                .sorted(Comparator.comparing(Process::getId)).toList();
    }

    private static void collect(Collection<FlowElement> elements, List<FlowElement> into) {
        for (FlowElement e : elements) {
            into.add(e);
            if (e instanceof SubProcess sub) {
                collect(sub.getFlowElements(), into);
            }
        }
    }

    private static String documentation(ModelElementInstance element) {
        return element.getChildElementsByType(Documentation.class).stream().map(d -> d.getTextContent().strip())
                .filter(s -> !s.isEmpty()).map(s -> s.replaceAll("\\s+", " ")).collect(Collectors.joining("\n\n"));
    }

    private static String inputs(Decision decision) {
        DecisionTable table = decision.getChildElementsByType(DecisionTable.class).stream().findFirst().orElse(null);
        if (table == null) {
            return "—";
        }
        return table.getInputs().stream().map(i -> {
            var expr = i.getInputExpression();
            String text = expr == null || expr.getText() == null ? "?" : expr.getText().getTextContent().strip();
            return "`" + text + "`";
        }).collect(Collectors.joining(", "));
    }

    private static Collection<EventDefinition> definitions(Event event) {
        return event.getChildElementsByType(EventDefinition.class);
    }

    private static String eventKind(Event event) {
        Collection<EventDefinition> defs = definitions(event);
        if (defs.isEmpty()) {
            return "ingen utlösare";
        }
        return defs.stream().map(def -> {
            if (def instanceof MessageEventDefinition m) {
                return "meddelande `" + (m.getMessage() == null ? "?" : m.getMessage().getName()) + "`";
            } else if (def instanceof TimerEventDefinition t) {
                return "timer " + timer(t);
            } else if (def instanceof TerminateEventDefinition) {
                return "avslutar allt";
            } else if (def instanceof EscalationEventDefinition e) {
                return "eskalering `" + (e.getEscalation() == null ? "?" : e.getEscalation().getEscalationCode()) + "`";
            } else if (def instanceof ErrorEventDefinition e) {
                return "BPMN-fel `" + (e.getError() == null ? "?" : e.getError().getErrorCode()) + "`";
            } else if (def instanceof SignalEventDefinition s) {
                return "signal `" + (s.getSignal() == null ? "?" : s.getSignal().getName()) + "`";
            }
            return def.getElementType().getTypeName();
        }).collect(Collectors.joining(", "));
    }

    private static String timer(TimerEventDefinition timer) {
        if (timer.getTimeDate() != null) {
            return "datum `" + timer.getTimeDate().getTextContent().strip() + "`";
        }
        if (timer.getTimeDuration() != null) {
            return "efter `" + timer.getTimeDuration().getTextContent().strip() + "`";
        }
        if (timer.getTimeCycle() != null) {
            return "cykel `" + timer.getTimeCycle().getTextContent().strip() + "`";
        }
        return "(utan tid)";
    }

    private static String attachedTo(Event event) {
        if (event instanceof BoundaryEvent boundary && boundary.getAttachedTo() != null) {
            return ", på " + label(boundary.getAttachedTo()) + (boundary.cancelActivity() ? " (avbryter)" : " (avbryter inte)");
        }
        return "";
    }

    /** " (i Underprocess)" when the element sits in a sub-process. */
    private static String where(FlowElement element) {
        List<String> path = new ArrayList<>();
        ModelElementInstance parent = element.getParentElement();
        while (parent instanceof SubProcess sub) {
            path.add(0, sub.getName() == null ? sub.getId() : sub.getName());
            parent = parent.getParentElement();
        }
        return path.isEmpty() ? "" : " (i " + String.join(" › ", path) + ")";
    }

    private static String label(FlowElement element) {
        String name = element.getName() == null || element.getName().isBlank() ? "(namnlös)" : cell(element.getName());
        return "*" + name + "* (`" + element.getId() + "`)";
    }

    private static void list(StringBuilder md, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        md.append("\n**").append(title).append("**\n\n");
        items.forEach(i -> md.append("- ").append(i).append("\n"));
    }

    private static String cell(String text) {
        return text == null ? "—" : text.replaceAll("\\s+", " ").replace("|", "\\|").strip();
    }

    private static String code(String text) {
        return text == null || text.isBlank() ? "—" : "`" + text.strip() + "`";
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    /** GitHub's heading anchors: lower case, spaces to hyphens, punctuation dropped. */
    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private List<Path> files(String ending) {
        try (Stream<Path> walk = Files.walk(processesDir)) {
            return walk.filter(p -> p.toString().endsWith(ending)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String relative(Path file) {
        return processesDir.getFileName() + "/" + processesDir.relativize(file).toString().replace('\\', '/');
    }
}
