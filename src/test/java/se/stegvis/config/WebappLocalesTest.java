package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stegvis' Swedish for Camunda's webapps (app/{tasklist,cockpit,admin,welcome}/locales/sv.json) has exactly the keys of
 * the en.json packaged with the Camunda webapps on the classpath: an upgrade that adds or removes a key fails here and
 * names it. Each text keeps the placeholders ({{name}}, %s) of the English one, and each app's config.js makes Swedish
 * the default with English available, under the name Stegvis and the municipality as vendor.
 */
class WebappLocalesTest {

    static final Path APPS = Path.of("src/main/resources/META-INF/resources/webjars/camunda/app");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void swedishHasExactlyTheKeysOfThePackagedEnglish(String app) throws IOException {
        JsonNode en = packaged("META-INF/resources/webjars/camunda/app/" + app + "/locales/en.json");
        JsonNode sv = json.readTree(Files.readString(APPS.resolve(app).resolve("locales/sv.json")));
        Map<String, JsonNode> english = flatten(en);
        Map<String, JsonNode> swedish = flatten(sv);

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(swedish.keySet());
        Set<String> extra = new TreeSet<>(swedish.keySet());
        extra.removeAll(english.keySet());
        assertThat(missing).as(app + "/locales/sv.json lacks keys of Camunda's en.json: translate them (docs/ordlista.md)")
                .isEmpty();
        assertThat(extra).as(app + "/locales/sv.json has keys Camunda's en.json no longer has: remove them").isEmpty();

        english.forEach((key, value) -> {
            if (value.isTextual()) {
                String text = swedish.get(key).asText();
                assertThat(placeholders(text)).as(app + " " + key + ": placeholders of '" + value.asText() + "'")
                        .isEqualTo(placeholders(value.asText()));
                if (!value.asText().isBlank()) {
                    assertThat(text).as(app + " " + key).isNotBlank();
                }
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void swedishIsTheDefaultAndEnglishIsAvailable(String app) throws IOException {
        String config = Files.readString(APPS.resolve(app).resolve("scripts/config.js"));
        assertThat(config.replaceAll("\\s+", " "))
                .contains("availableLocales: ['sv', 'en']", "fallbackLocale: 'sv'", "name: 'Stegvis'",
                        "vendor: 'Norrköpings kommun'");
        // What the packaged config.js sets (uncommented) is kept: Tasklist's keyboard shortcuts.
        String packaged = new String(packagedBytes("META-INF/resources/webjars/camunda/app/" + app + "/scripts/config.js"),
                StandardCharsets.UTF_8);
        Matcher shortcut = Pattern.compile("(?m)^ {4}(\\w+): \\{\\s*\\n\\s*key: '([^']+)'").matcher(packaged);
        while (shortcut.find()) {
            assertThat(config).as(app + " keeps the shortcut " + shortcut.group(1))
                    .contains(shortcut.group(1) + ": {", "key: '" + shortcut.group(2) + "'");
        }
    }

    @org.junit.jupiter.api.Test
    void theKeyWordsOfTheGlossaryAreThoseTasklistShows() throws IOException {
        Map<String, JsonNode> tasklist = flatten(json.readTree(Files.readString(APPS.resolve("tasklist/locales/sv.json"))));
        assertThat(tasklist.get("labels.CLAIM_TASK").asText()).isEqualTo("Ta uppgiften");
        assertThat(tasklist.get("labels.COMPLETE").asText()).isEqualTo("Slutför");
        assertThat(tasklist.get("labels.FOLLOW_UP_DATE").asText()).isEqualTo("Uppföljningsdatum");
        assertThat(tasklist.get("labels.DUE_DATE").asText()).isEqualTo("Förfallodatum");
        assertThat(tasklist.get("labels.COMMENT").asText()).isEqualTo("Kommentar");
        String glossary = Files.readString(Path.of("docs/ordlista.md"));
        for (String word : new String[] {"Ta uppgiften", "Slutför", "Uppföljningsdatum", "Förfallodatum", "Kommentar",
                "Processer", "Incidenter", "Kortkommandon"}) {
            assertThat(glossary).as("docs/ordlista.md names '" + word + "'").contains(word);
        }
    }

    /** Every leaf under its dotted path; arrays by index (so a changed length is a changed key set). */
    static Map<String, JsonNode> flatten(JsonNode node) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, JsonNode> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), into);
            }
        } else {
            into.put(path, node);
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group().replace(" ", ""));
        }
        return found;
    }

    private JsonNode packaged(String resource) throws IOException {
        String text = new String(packagedBytes(resource), StandardCharsets.UTF_8);
        return json.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    /** The resource from Camunda's webapp jar (not Stegvis' own files, which are not on the test classpath's path). */
    private static byte[] packagedBytes(String resource) throws IOException {
        var urls = WebappLocalesTest.class.getClassLoader().getResources(resource);
        while (urls.hasMoreElements()) {
            var url = urls.nextElement();
            if (url.toString().contains("camunda-webapp")) {
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException(resource + " is not in Camunda's webapp jar on the classpath");
    }
}
