package se.stegvis.modelguard;

import java.util.Locale;

/** One file of a deployment as the engine receives it: its name (e.g. {@code processes/klientresa.bpmn}) and bytes. */
public record ModelResource(String name, byte[] content) {

    /** What kind of model a file is, by its name; {@link Kind#OTHER} for anything that must not be deployed. */
    public enum Kind { BPMN, DMN, FORM, OTHER }

    public Kind kind() {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".bpmn") || lower.endsWith(".bpmn20.xml")) {
            return Kind.BPMN;
        }
        if (lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml")) {
            return Kind.DMN;
        }
        if (lower.endsWith(".form")) {
            return Kind.FORM;
        }
        return Kind.OTHER;
    }
}
