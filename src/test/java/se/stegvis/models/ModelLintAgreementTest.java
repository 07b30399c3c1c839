package se.stegvis.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.stegvis.modelguard.ModelBeans;
import se.stegvis.modelguard.ModelGuard;

/**
 * The model guard (Java, ModelGuard) and bpmnlint (lint/, .bpmnlintrc) check some rules both: on a model with one
 * mistake per element they must flag the same elements for each of those rules. Which tool checks what is listed in
 * docs/processagare.md ("Vem kontrollerar vad"). Runs the linter with the machine's Node.js through lint/run.
 */
class ModelLintAgreementTest {

    /** Shared rule: what the guard's message says, and the bpmnlint rules that report the same mistake. */
    record SharedRule(String name, List<String> guardMessages, Set<String> lintRules) {
    }

    static final List<SharedRule> SHARED = List.of(
            new SharedRule("modeler default ids", List.of("modeler default id"), Set.of("stegvis/id-style")),
            new SharedRule("history time to live", List.of("historyTimeToLive"), Set.of("stegvis/history-time-to-live")),
            new SharedRule("user tasks: group, no person, form",
                    List.of("has no candidate group", "is assigned to a person", "has no form"), Set.of("stegvis/user-task")),
            new SharedRule("async before and retry cycle on outside calls",
                    List.of("no asyncBefore", "no failedJobRetryTimeCycle"), Set.of("stegvis/async-outside-call")),
            new SharedRule("delegate expressions to Spring beans",
                    List.of("camunda:class", "ska vara ${namn}", "has no delegateExpression", "without a topic"),
                    Set.of("stegvis/delegate-expression")),
            new SharedRule("no scripts", List.of("inte tillåtna"), Set.of("stegvis/no-script")),
            new SharedRule("names on activities, events and splitting gateways", List.of("has no name"),
                    Set.of("label-required", "stegvis/named-diverging-gateway")),
            new SharedRule("every element laid out", List.of("not laid out"), Set.of("no-bpmndi")));

    private static final Pattern GUARD_ELEMENT = Pattern.compile("^[^:]+: \\S+ '([^']+)'");

    @Test
    void guardAndLinterFlagTheSameElementsForTheRulesBothCheck(@TempDir Path dir) throws Exception {
        Path processes = Files.createDirectories(dir.resolve("processes"));
        Path forms = Files.createDirectories(dir.resolve("forms"));
        Files.writeString(forms.resolve("finns.form"), "{\"id\":\"finns\",\"components\":[]}");
        Path model = processes.resolve("lint-agreement.bpmn");
        Files.copy(Path.of("src/test/resources/models/lint-agreement.bpmn"), model);

        List<String> guard = new ModelGuard(processes, forms, ModelBeans.of(Set.of("finnsDelegate"), Set.of())).check();
        JsonNode lint = lint(model);

        for (SharedRule rule : SHARED) {
            Set<String> byGuard = new TreeSet<>();
            for (String violation : guard) {
                if (rule.guardMessages().stream().anyMatch(violation::contains)) {
                    Matcher m = GUARD_ELEMENT.matcher(violation);
                    assertThat(m.find()).as("element in: " + violation).isTrue();
                    byGuard.add(m.group(1));
                }
            }
            Set<String> byLint = new TreeSet<>();
            lint.forEach(p -> {
                if (rule.lintRules().contains(p.path("rule").asText())) {
                    byLint.add(p.path("id").asText());
                }
            });
            assertThat(byGuard).as("the fixture must break the rule '" + rule.name() + "'").isNotEmpty();
            assertThat(byLint).as("'" + rule.name() + "': bpmnlint " + rule.lintRules() + " vs. model guard "
                    + rule.guardMessages()).isEqualTo(byGuard);
        }
        // The element that keeps every rule, the retry cycle written by an element template and a synchronous step that
        // says why (property "synchronous") pass both.
        assertThat(guard).noneMatch(v -> v.contains("'UserTask_Good'") || v.contains("'ServiceTask_TemplateRetry'")
                || v.contains("'ServiceTask_Synchronous'"));
        lint.forEach(p -> assertThat(p.path("rule").asText().startsWith("stegvis/") && Set.of("UserTask_Good",
                "ServiceTask_TemplateRetry", "ServiceTask_Synchronous").contains(p.path("id").asText()))
                .as(p.toString()).isFalse());
    }

    @Test
    void everyModelPassesTheLinter() throws Exception {
        JsonNode problems = lint(Path.of("processes"));
        assertThat(problems).as("bpmnlint on processes/ (lint/run processes)").isEmpty();
    }

    /** Runs lint/run --json on a file or folder; the linter's own exit code is 1 when it found errors. */
    static JsonNode lint(Path target) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "lint/run", "--json", target.toAbsolutePath().toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("lint/run finished").isTrue();
        String json = new String(out, StandardCharsets.UTF_8);
        assertThat(json).as("lint/run --json output (exit " + process.exitValue() + ")").startsWith("[");
        return new ObjectMapper().readTree(json);
    }

}
