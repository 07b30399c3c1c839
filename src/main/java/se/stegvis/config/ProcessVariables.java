package se.stegvis.config;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
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

    /**
     * A day: form-js date fields arrive as "YYYY-MM-DD" (a longer ISO text counts by its date), messages may carry a
     * {@link Date} (read in {@code zone}) or a {@link LocalDate}; null when not given.
     */
    public static LocalDate date(VariableScope scope, String name, ZoneId zone) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof Date d) {
            return LocalDate.ofInstant(d.toInstant(), zone);
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                return null;
            }
            String text = s.strip();
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " ska vara ett datum (ÅÅÅÅ-MM-DD)");
            }
        }
        throw new IllegalArgumentException(name + " ska vara ett datum");
    }
}
