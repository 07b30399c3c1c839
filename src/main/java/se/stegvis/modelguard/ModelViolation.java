package se.stegvis.modelguard;

/**
 * One thing wrong with a model: the file, the element it concerns (its id, or null for the whole file), where in the
 * file (line and column, 0 when unknown) and what is wrong, in words that name the element.
 */
public record ModelViolation(String file, String elementId, int line, int column, String message) {

    public static ModelViolation ofFile(String file, String message) {
        return new ModelViolation(file, null, 0, 0, message);
    }

    /** {@code processes/x.bpmn: serviceTask 'Task_X' (rad 7): ...}, as the build and the engine report it. */
    @Override
    public String toString() {
        return file + ": " + message;
    }
}
