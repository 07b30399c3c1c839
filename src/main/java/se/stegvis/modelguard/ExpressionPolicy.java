package se.stegvis.modelguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a model ({@code ${...}} or {@code #{...}}) may do: compare and combine typed process
 * variables and literals ({@code ${beslut == 'AVSLAG'}}, {@code ${beviljatBelopp > 0}}, {@code ${!kraverAttest}}),
 * read a variable as a date, duration or list ({@code ${utredningSenast}}, {@code ${placementIds}}), read one
 * property of a variable holding a map, read the execution's business key ({@code #{execution.processBusinessKey}}),
 * ask a list whether it is empty ({@code ${nyaInsatser.isEmpty()}}, or better {@code ${empty nyaInsatser}}) and call
 * the engine's functions {@code currentUser()}, {@code currentUserGroups()}, {@code now()} and {@code dateTime()}.
 *
 * <p>Nothing else: no other method calls (so no {@code ''.getClass().forName(...)}), no beans but the registered
 * delegates and listeners (so no {@code ${clientRepository.count()}}, no {@code ${identityService...}}), no properties
 * of the engine's objects beyond those named here. The engine enforces the same at run time
 * ({@link ModelExpressionManager}); this class lets the build and the deployment guard refuse a model before it runs.
 * The parser is the engine's own (JUEL), so the guard judges exactly what the engine would evaluate.
 */
public final class ExpressionPolicy {

    /** Functions the engine itself registers; every other function is refused. */
    public static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime");
    /** The only methods an expression may call, without arguments, and only on a list, a map or a text. */
    public static final Set<String> METHODS = Set.of("isEmpty", "size");
    /** The engine's objects that an expression may name, for the properties below only. */
    public static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task");
    /** Properties of {@code execution} / {@code task} that an expression may read. */
    public static final Set<String> CONTEXT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "processDefinitionId", "currentActivityId", "eventName", "name", "taskDefinitionKey",
            "assignee");

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private ExpressionPolicy() {}

    /** Whether a text is evaluated as an expression by the engine: it holds {@code ${} or {@code #{}. */
    public static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** What is wrong with the expression, in Swedish, each naming the part that is not allowed; empty when it is allowed. */
    public static List<String> problems(String expression, ModelBeans beans) {
        Node root;
        try {
            root = PARSER.build(expression.trim()).getRoot();
        } catch (TreeBuilderException | IllegalArgumentException e) {
            return List.of("uttrycket '" + expression.trim() + "' går inte att tolka: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        new Walk(expression.trim(), beans, problems).node(root);
        return problems.stream().distinct().toList();
    }

    private record Walk(String expression, ModelBeans beans, List<String> problems) {

        void node(Node node) {
            if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                    || node instanceof AstBoolean || node instanceof AstNull) {
                return;
            }
            if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                    || node instanceof AstChoice || node instanceof AstBinary || node instanceof AstUnary
                    || node instanceof AstParameters) {
                children(node);
            } else if (node instanceof AstIdentifier identifier) {
                identifier(identifier.getName());
            } else if (node instanceof AstProperty property) {
                property(property);
            } else if (node instanceof AstMethod method) {
                method(method);
            } else if (node instanceof AstFunction function) {
                if (!FUNCTIONS.contains(function.getName())) {
                    refuse("anropar funktionen '" + function.getName() + "'; bara " + String.join("(), ", FUNCTIONS.stream()
                            .sorted().toList()) + "() finns");
                }
                children(node);
            } else {
                refuse("innehåller '" + node + "', som uttryck i modeller inte får använda");
            }
        }

        private void children(Node node) {
            for (int i = 0; i < node.getCardinality(); i++) {
                node(node.getChild(i));
            }
        }

        private void identifier(String name) {
            if (CONTEXT_OBJECTS.contains(name)) {
                refuse("använder '" + name + "' direkt; läs bara " + name + "." + String.join(", " + name + ".",
                        CONTEXT_PROPERTIES.stream().sorted().toList()));
            } else {
                bean(name);
            }
        }

        /** A name that is a bean: allowed only for the registered delegates and listeners, and only by itself. */
        private boolean bean(String name) {
            if (beans.isOtherBean(name)) {
                refuse("når bönan '" + name + "', som inte är en registrerad delegat eller lyssnare");
                return true;
            }
            return beans.isRegistered(name);
        }

        private void property(AstProperty property) {
            Node prefix = property.getChild(0);
            if (property instanceof AstBracket) {
                node(property.getChild(1));
            }
            if (prefix instanceof AstIdentifier identifier) {
                String name = identifier.getName();
                if (CONTEXT_OBJECTS.contains(name)) {
                    String read = property instanceof AstDot dot ? propertyName(dot) : null;
                    if (read == null || !CONTEXT_PROPERTIES.contains(read)) {
                        refuse("läser " + name + (read == null ? "[...]" : "." + read) + "; bara " + name + "."
                                + String.join(", " + name + ".", CONTEXT_PROPERTIES.stream().sorted().toList())
                                + " får läsas");
                    }
                } else if (bean(name)) {
                    refuse("läser en egenskap av bönan '" + name + "'; delegater och lyssnare får bara namnges i "
                            + "delegateExpression");
                }
            } else if (prefix instanceof AstProperty inner) {
                if (inner.getChild(0) instanceof AstIdentifier root && CONTEXT_OBJECTS.contains(root.getName())) {
                    refuse("läser vidare från " + root.getName() + "s egenskaper; bara egenskaperna själva får läsas");
                } else {
                    property(inner);
                }
            } else {
                refuse("läser en egenskap av '" + describe(prefix) + "'; bara processvariabler får läsas");
            }
        }

        private void method(AstMethod method) {
            Node target = method.getChild(0);
            AstParameters parameters = (AstParameters) method.getChild(1);
            String name = target instanceof AstDot dot ? propertyName(dot) : null;
            if (name == null || !METHODS.contains(name) || parameters.getCardinality() > 0) {
                refuse("anropar metoden '" + (name == null ? describe(target) : name) + "'; uttryck i modeller får "
                        + "inte anropa metoder (bara isEmpty() och size() på en lista)");
                children(parameters);
                if (target.getCardinality() > 0) {
                    node(target.getChild(0));
                }
                return;
            }
            Node owner = target.getChild(0);
            if (owner instanceof AstIdentifier identifier) {
                identifier(identifier.getName());
                if (beans.isRegistered(identifier.getName())) {
                    refuse("anropar en metod på bönan '" + identifier.getName() + "'");
                }
            } else if (owner instanceof AstProperty property) {
                property(property);
            } else {
                refuse("anropar " + name + "() på '" + describe(owner) + "'; bara på en processvariabel");
            }
        }

        private static String propertyName(AstDot dot) {
            // JUEL prints a dot node as ". name"; the name itself has no public getter.
            String printed = dot.toString();
            return printed.startsWith(". ") ? printed.substring(2) : printed;
        }

        private static String describe(Node node) {
            return node instanceof AstString s ? "'" + s.eval(null, null) + "'" : String.valueOf(node);
        }

        private void refuse(String why) {
            problems.add("uttrycket '" + expression + "' " + why);
        }
    }
}
