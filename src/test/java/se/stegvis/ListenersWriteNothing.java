package se.stegvis;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule of issue #16 for the listeners a diagram names: a listener may only validate, route or prefill (task-local)
 * variables; work that changes Stegvis' data is a service task the diagram shows. A listener class writes when it
 * <ul>
 *   <li>depends on a Spring Data repository at all (reads go through a service);</li>
 *   <li>calls a method of Stegvis whose name says it writes ({@link #WRITE_NAME}: save…, delete…, register…,
 *       record…, propose…, attest…, acknowledge…, set… and the like);</li>
 *   <li>calls a method of Stegvis that runs in a transaction that is not read-only ({@code @Transactional} on the method,
 *       else on its class, without {@code readOnly = true});</li>
 *   <li>calls a {@code void} method of a JPA entity (a change the transaction would flush).</li>
 * </ul>
 * The variables classes ({@code <feature>/process/<Name>Process}, {@code config.ProcessVariables}) are exempt: they
 * write process variables, which prefilling and routing need, never Stegvis' tables.
 */
final class ListenersWriteNothing {

    /** A method name that says it changes data: a write verb, then the end or a capital (not "recordsHours"). */
    static final Pattern WRITE_NAME = Pattern.compile("^(save|delete|remove|register|record|store|propose|attest"
            + "|attested|acknowledge|book|cancel|update|insert|persist|set|bind|mark)"
            + "([A-Z].*)?$");

    /**
     * Listeners the engine adds to every user task by a plugin, not named in any diagram. They record what only the
     * engine knows at that moment, so no diagram step could do it; they are named here with the reason.
     */
    static final Map<String, String> ENGINE_WIDE = Map.of(
            "se.stegvis.config.TaskCompletionPlugin", "completed-by: stores who completed a task (task_completion) as it"
                    + " completes, after the task's own validating listeners; the completing user is gone after that",
            "se.stegvis.config.TaskNotePlugin", "task notes: moves a form's note into task_note as the task completes,"
                    + " before the engine writes it to its history (which must never hold it), and shows the notes",
            "se.stegvis.config.TaskLifecyclePlugin", "task lifecycle: hands a user task's creation, due-date change,"
                    + " completion and deletion to the TaskLifecycleRecorder the model names (property"
                    + " taskLifecycleRecorder), e.g. the follow-up conversations the key figure uppfoljning_i_tid reads;"
                    + " a due date changed in Tasklist or a task deleted with its scope is seen by no diagram step");

    private static final Pattern LISTENER_IN_MODEL = Pattern.compile(
            "<camunda:(?:task|execution)Listener\\b[^>]*?delegateExpression=\"\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\"");

    private ListenersWriteNothing() {}

    /** The bean names of the task and execution listeners the models under {@code dir} name. */
    static Set<String> namedInModels(Path dir) {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = LISTENER_IN_MODEL.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    static boolean isListener(JavaClass type) {
        return type.isAssignableTo(TaskListener.class) || type.isAssignableTo(ExecutionListener.class);
    }

    /** The Spring bean name a diagram uses for the class: its @Component name, else the decapitalized simple name. */
    static String beanName(JavaClass type) {
        return type.tryGetAnnotationOfType(Component.class).map(Component::value).filter(v -> !v.isBlank())
                .orElse(Introspector.decapitalize(type.getSimpleName()));
    }

    /** The condition for Stegvis' listeners: they write nothing to Stegvis (se.stegvis and below). */
    static ArchCondition<JavaClass> writeNothing() {
        return writeNothing("se.stegvis");
    }

    /**
     * The condition: the class writes nothing (see the class comment) through the classes of {@code ownPackage} and
     * below; each write named with where it is.
     */
    static ArchCondition<JavaClass> writeNothing(String ownPackage) {
        return new ArchCondition<>("write no Stegvis data (listeners only validate, route or prefill; issue #16)") {
            @Override
            public void check(JavaClass listener, ConditionEvents events) {
                for (Dependency dependency : listener.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    if (target.isAssignableTo("org.springframework.data.repository.Repository")) {
                        events.add(SimpleConditionEvent.violated(dependency, listener.getSimpleName()
                                + " depends on the Spring Data repository " + target.getSimpleName() + ": "
                                + dependency.getDescription()));
                        return;
                    }
                }
                for (JavaAccess<?> access : listener.getAccessesFromSelf()) {
                    if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)
                            || target.getName().equals("<init>")) {
                        continue;
                    }
                    JavaClass owner = target.getOwner();
                    if (!within(owner, ownPackage) || variablesClass(owner)) {
                        continue;
                    }
                    String why = null;
                    if (WRITE_NAME.matcher(target.getName()).matches()) {
                        why = "its name says it writes";
                    } else if (writingTransaction(target)) {
                        why = "it runs in a transaction that is not read-only";
                    } else if (owner.isAnnotatedWith("jakarta.persistence.Entity")
                            && target.getRawReturnType().getName().equals("void")) {
                        why = "it changes the entity " + owner.getSimpleName();
                    }
                    if (why != null) {
                        events.add(SimpleConditionEvent.violated(access, listener.getSimpleName() + " calls "
                                + owner.getSimpleName() + "." + target.getName() + " (" + why + "): "
                                + access.getDescription()));
                    }
                }
            }
        };
    }

    /** A class of the package or below. */
    static boolean within(JavaClass owner, String ownPackage) {
        return owner.getPackageName().equals(ownPackage) || owner.getPackageName().startsWith(ownPackage + ".");
    }

    /** A variables class: {@code <feature>.process.<Name>Process} or {@code config.ProcessVariables}. */
    static boolean variablesClass(JavaClass owner) {
        return (owner.getPackageName().endsWith(".process") && owner.getSimpleName().endsWith("Process"))
                || owner.getName().equals("se.stegvis.config.ProcessVariables");
    }

    private static boolean writingTransaction(AccessTarget.CodeUnitAccessTarget target) {
        Optional<? extends JavaCodeUnit> member = target.resolveMember();
        if (member.isEmpty()) {
            return false;
        }
        Optional<Transactional> onMethod = member.get().tryGetAnnotationOfType(Transactional.class);
        if (onMethod.isPresent()) {
            return !onMethod.get().readOnly();
        }
        return member.get().getOwner().tryGetAnnotationOfType(Transactional.class).map(t -> !t.readOnly()).orElse(false);
    }
}
