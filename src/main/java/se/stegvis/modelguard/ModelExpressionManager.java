package se.stegvis.modelguard;

import java.beans.FeatureDescriptor;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;

/**
 * The engine's expression language with only what {@link ExpressionPolicy} allows: process variables (read and, for
 * the engine's own bookkeeping, written), Stegvis' registered delegates and listeners by name ({@link RegisteredBeans})
 * instead of the whole application context, read-only lists, maps and arrays, the allowed properties of
 * {@code execution} and {@code task}, and {@code isEmpty()} / {@code size()} on lists, maps and texts. There is no
 * general bean resolver, so no other method can be called and no other object's properties read: an expression that
 * slipped past the deployment guard (or was deployed before it) still cannot run code.
 *
 * <p>The engine's functions ({@code currentUser()}, ...) are added by the engine as usual.
 */
public class ModelExpressionManager extends JuelExpressionManager {

    private final RegisteredBeans beans;

    public ModelExpressionManager(RegisteredBeans beans) {
        this.beans = beans;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new RegisteredBeanResolver(beans));
        resolver.add(new ContextPropertyResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new SizeResolver());
        return resolver;
    }

    /** Base for the resolvers below: read-only, no feature descriptors. */
    private abstract static class ReadOnlyResolver extends ELResolver {

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (getValue(context, base, property) != null) {
                throw new PropertyNotWritableException("Uttryck i modeller får inte ändra '" + property + "'");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }
    }

    /** A registered delegate or listener by its bean name; nothing else of the application context. */
    static final class RegisteredBeanResolver extends ReadOnlyResolver {

        private final RegisteredBeans beans;

        RegisteredBeanResolver(RegisteredBeans beans) {
            this.beans = beans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && beans.isRegistered(name)) {
                context.setPropertyResolved(true);
                return beans.bean(name);
            }
            return null;
        }
    }

    /** The properties of {@code execution} and {@code task} that {@link ExpressionPolicy#CONTEXT_PROPERTIES} names. */
    static final class ContextPropertyResolver extends ReadOnlyResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (!(property instanceof String name) || !ExpressionPolicy.CONTEXT_PROPERTIES.contains(name)) {
                return null;
            }
            if (base instanceof DelegateExecution execution) {
                Object value = switch (name) {
                    case "id" -> execution.getId();
                    case "processInstanceId" -> execution.getProcessInstanceId();
                    case "processBusinessKey" -> execution.getProcessBusinessKey();
                    case "businessKey" -> execution.getBusinessKey();
                    case "processDefinitionId" -> execution.getProcessDefinitionId();
                    case "currentActivityId" -> execution.getCurrentActivityId();
                    case "eventName" -> execution.getEventName();
                    default -> Unresolved.INSTANCE;
                };
                return resolved(context, value);
            }
            if (base instanceof DelegateTask task) {
                Object value = switch (name) {
                    case "id" -> task.getId();
                    case "name" -> task.getName();
                    case "processInstanceId" -> task.getProcessInstanceId();
                    case "processDefinitionId" -> task.getProcessDefinitionId();
                    case "taskDefinitionKey" -> task.getTaskDefinitionKey();
                    case "eventName" -> task.getEventName();
                    case "assignee" -> task.getAssignee();
                    default -> Unresolved.INSTANCE;
                };
                return resolved(context, value);
            }
            return null;
        }

        private static Object resolved(ELContext context, Object value) {
            if (value == Unresolved.INSTANCE) {
                return null;
            }
            context.setPropertyResolved(true);
            return value;
        }

        private enum Unresolved { INSTANCE }
    }

    /** {@code isEmpty()} and {@code size()} on a list, map or text; no other method call resolves. */
    static final class SizeResolver extends ReadOnlyResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (params != null && params.length > 0 || !(method instanceof String name)
                    || !ExpressionPolicy.METHODS.contains(name)) {
                return null;
            }
            Integer size = base instanceof Collection<?> c ? Integer.valueOf(c.size())
                    : base instanceof Map<?, ?> m ? Integer.valueOf(m.size())
                    : base instanceof CharSequence s ? Integer.valueOf(s.length())
                    : null;
            if (size == null) {
                return null;
            }
            context.setPropertyResolved(true);
            return name.equals("isEmpty") ? (Object) (size == 0) : size;
        }
    }
}
