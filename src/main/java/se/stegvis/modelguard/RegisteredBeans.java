package se.stegvis.modelguard;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import se.stegvis.config.TaskLifecycleRecorder;

/**
 * The explicit map of beans the engine may resolve in expressions: Stegvis' delegates and listeners, i.e. the beans
 * of the application's own packages ({@code se.stegvis...}) that implement one of the interfaces the engine calls —
 * {@link JavaDelegate}, {@link TaskListener}, {@link ExecutionListener} — and the recorders a user task names in its
 * property {@code taskLifecycleRecorder} ({@link TaskLifecycleRecorder}, called by config.TaskLifecyclePlugin). Nothing else of the application context
 * (repositories, services, Camunda's own services) can be named in a model.
 *
 * <p>The names are read from the bean definitions when first needed, without creating any bean: the engine asks while
 * it is being built, before the delegates (which need the engine's services) exist. Each bean is fetched only when an
 * expression names it.
 */
public class RegisteredBeans implements ModelBeans {

    static final String OWN_PACKAGE = "se.stegvis.";

    private final ApplicationContext context;
    private volatile Set<String> names;

    public RegisteredBeans(ApplicationContext context) {
        this.context = context;
    }

    /** The registered names, sorted. */
    public Set<String> names() {
        Set<String> found = names;
        if (found == null) {
            found = new TreeSet<>();
            for (Class<?> type : new Class<?>[] {JavaDelegate.class, TaskListener.class, ExecutionListener.class,
                    TaskLifecycleRecorder.class}) {
                for (String name : context.getBeanNamesForType(type, true, false)) {
                    Class<?> beanType = context.getType(name, false);
                    if (beanType != null && ClassUtils.getUserClass(beanType).getName().startsWith(OWN_PACKAGE)) {
                        found.add(name);
                    }
                }
            }
            names = found = Set.copyOf(found);
        }
        return found;
    }

    @Override
    public boolean isRegistered(String name) {
        return names().contains(name);
    }

    @Override
    public boolean isOtherBean(String name) {
        return !isRegistered(name) && context.containsBean(name);
    }

    /** The delegate or listener of that name; only called for registered names. */
    public Object bean(String name) {
        if (!isRegistered(name)) {
            throw new IllegalArgumentException(name + " is not a registered delegate or listener");
        }
        return context.getBean(name);
    }
}
