package se.stegvis.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The fields of the Camunda Forms: those of the release ({@code forms/**}/*.form on the classpath) and any deployed
 * later (registered by the engine plugin when a deployment carries a {@code .form}). Tells which fields are free text
 * (an editable text field or text area): free text is personal data and leaves the engine when the task completes.
 */
public class FormCatalog {

    /** A form field: its key (the variable), its form-js type and whether the user can edit it. */
    public record Field(String key, String type, boolean editable) {

        public boolean freeText() {
            return editable && text();
        }

        /** A text field or text area, whether the user types in it or it shows a text (income basis, reasons). */
        public boolean text() {
            return "textarea".equals(type) || "textfield".equals(type);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Field>> forms = new ConcurrentHashMap<>();
    private final Set<String> freeText = ConcurrentHashMap.newKeySet();
    private final Set<String> text = ConcurrentHashMap.newKeySet();

    /** The release's forms. */
    public static FormCatalog fromClasspath() {
        FormCatalog catalog = new FormCatalog();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
                try (InputStream in = resource.getInputStream()) {
                    catalog.register(in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The forms on the classpath cannot be read", e);
        }
        return catalog;
    }

    /** Adds (or replaces) a form from its JSON; a file that is no form is ignored (the model guard judges it). */
    public void register(byte[] json) {
        JsonNode form;
        try {
            form = JSON.readTree(json);
        } catch (IOException e) {
            return;
        }
        if (form == null || !form.hasNonNull("id")) {
            return;
        }
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        forms.put(form.get("id").asText(), List.copyOf(fields));
        fields.stream().filter(Field::freeText).map(Field::key).forEach(freeText::add);
        fields.stream().filter(Field::text).map(Field::key).forEach(text::add);
    }

    private static void collect(JsonNode components, List<Field> into) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                boolean editable = !c.path("readonly").asBoolean(false) && !c.path("disabled").asBoolean(false);
                into.add(new Field(c.get("key").asText(), c.path("type").asText(""), editable));
            }
            collect(c.path("components"), into);
        }
    }

    /** The fields of a form by its id; empty for an unknown form. */
    public List<Field> fields(String formId) {
        return formId == null ? List.of() : forms.getOrDefault(formId, List.of());
    }

    public Optional<Field> field(String formId, String key) {
        return fields(formId).stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** The keys of every free-text field of every form. */
    public Set<String> freeTextKeys() {
        return new LinkedHashSet<>(freeText);
    }

    public boolean isFreeText(String key) {
        return freeText.contains(key);
    }

    /** Whether any form has a text field or text area with this key (personal data: kept out of the history). */
    public boolean isText(String key) {
        return text.contains(key);
    }
}
