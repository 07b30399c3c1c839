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

    /** Any value as text (a form field may arrive as text, number or yes/no), stripped; null when missing or blank. */
    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
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

    /**
     * A whole number: form-js number fields arrive as Long, Integer or Double, texts and messages as digits; null when
     * missing or blank. The one parser of whole numbers behind every process's typed readers (amounts, days, years).
     */
    public static Long wholeNumber(VariableScope scope, String name) {
        return wholeNumber(scope.getVariable(name), name);
    }

    /** {@link #wholeNumber(VariableScope, String)} for a value already read (a form field, a task variable). */
    public static Long wholeNumber(Object value, String name) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d) || d != Math.rint(d)) {
                throw new IllegalArgumentException(name + " ska vara ett heltal");
            }
            return n.longValue();
        }
        if (value instanceof String s && s.strip().matches("[+-]?\\d{1,18}")) {
            return Long.valueOf(s.strip());
        }
        throw new IllegalArgumentException(name + " ska vara ett heltal");
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
