package se.stegvis.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One way to read process variables: each process's variables class ({@code <feature>/process/*Process.java}, with
 * {@link ProcessVariables} behind them, and the register check's {@code IncomeCheckTopic}) reads them; delegates,
 * listeners and services call those. Nowhere — product, simulation or tests — is a variable's value cast by hand.
 */
class ProcessVariableAccessTest {

    /** A read of a variable from the engine's API. */
    static final Pattern READ = Pattern.compile("\\.getVariable(Local)?\\s*\\(|\\.getVariables(Local)?\\s*\\(\\s*\\)");
    /** {@code (String) x.getVariable(...)}, {@code (Long) tasks.getVariableLocal(...)}. */
    static final Pattern CAST = Pattern.compile("\\(\\s*[A-Z][A-Za-z0-9_]*(<[^>]*>)?\\s*\\)\\s*[A-Za-z0-9_().]*\\.getVariable(Local)?\\s*\\(");
    /** {@code x.getVariable(...) instanceof String s}. */
    static final Pattern INSTANCEOF = Pattern.compile("\\.getVariable(Local)?\\s*\\([^;]*\\)\\s*instanceof");

    static boolean accessor(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith("Process.java") && file.getParent().getFileName().toString().equals("process"))
                || name.equals("ProcessVariables.java") || name.equals("IncomeCheckTopic.java");
    }

    @Test
    void theProductReadsVariablesOnlyThroughTheVariablesClasses() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles("src/main/java")) {
            if (!accessor(file)) {
                grep(file, READ, found);
            }
        }
        assertThat(found).as("reads of process variables outside the variables classes").isEmpty();
    }

    @Test
    void noVariableIsCastByHandAnywhere() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/simulation/java", "src/test/java")) {
            for (Path file : javaFiles(root)) {
                if (!accessor(file) && !file.getFileName().toString().equals("ProcessVariableAccessTest.java")) {
                    grep(file, CAST, found);
                    grep(file, INSTANCEOF, found);
                }
            }
        }
        assertThat(found).as("hand-cast process variables (use the process's variables class)").isEmpty();
    }

    @Test
    void thePatternsFindWhatTheyAreFor() {
        assertThat(CAST.matcher("String id = (String) execution.getVariable(APPLICATION_ID);").find()).isTrue();
        assertThat(CAST.matcher("long x = (Long) runtimeService().getVariable(pi.getId(), X);").find()).isTrue();
        assertThat(INSTANCEOF.matcher("if (scope.getVariable(name) instanceof String s) {").find()).isTrue();
        assertThat(READ.matcher("Object value = task.getVariableLocal(taskId, NAME);").find()).isTrue();
        assertThat(CAST.matcher("String id = JourneyProcess.string(execution, JOURNEY_ID);").find()).isFalse();
    }

    static List<Path> javaFiles(String root) throws IOException {
        Path dir = Path.of(root);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    static void grep(Path file, Pattern pattern, List<String> found) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (pattern.matcher(lines.get(i)).find()) {
                found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
        }
    }
}
