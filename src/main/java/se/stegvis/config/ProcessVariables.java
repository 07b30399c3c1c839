package se.stegvis.config;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed reading of process variables, shared by the processes' variables classes: text, required text and yes/no,
 * with a Swedish message naming the variable when its type is wrong.
 */
public final class ProcessVariables {

    /** Text, stripped; null when missing or blank. */
    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.isBlank() ? null : s.strip();
        }
        throw new IllegalArgumentException(name + " ska vara text");
    }

    /** Text that must be there. */
    public static String requiredString(VariableScope scope, String name) {
        String value = string(scope, name);
        if (value == null) {
            throw new IllegalStateException("Processvariabeln " + name + " saknas");
        }
        return value;
    }

    /** Yes/no; false when missing. */
    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(name + " ska vara ja/nej");
    }

    private ProcessVariables() {}
}
