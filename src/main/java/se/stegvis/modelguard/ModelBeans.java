package se.stegvis.modelguard;

import java.util.Set;

/**
 * The names a model may and may not use: the registered delegates and listeners (beans the engine calls through a
 * {@code delegateExpression}) and the application's other beans, which no expression may reach.
 */
public interface ModelBeans {

    /** A delegate or listener of Stegvis that models may name in {@code delegateExpression="${name}"}. */
    boolean isRegistered(String name);

    /** A bean of the application that is not a registered delegate or listener. */
    boolean isOtherBean(String name);

    static ModelBeans of(Set<String> registered, Set<String> others) {
        return new ModelBeans() {
            @Override
            public boolean isRegistered(String name) {
                return registered.contains(name);
            }

            @Override
            public boolean isOtherBean(String name) {
                return !registered.contains(name) && others.contains(name);
            }
        };
    }
}
