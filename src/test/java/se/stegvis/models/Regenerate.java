package se.stegvis.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Files generated from the code and the models (docs/processer.md, .camunda/element-templates/): a test compares
 * them with what the generator gives and fails with the one command that writes them anew, {@value #COMMAND}
 * (Maven profile {@code regenerate}: runs the generating tests with {@code -Dstegvis.regenerate=true}).
 */
final class Regenerate {

    static final String COMMAND = "./mvnw -B -Pregenerate test";
    static final String PROPERTY = "stegvis.regenerate";

    private Regenerate() {
    }

    static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Writes the file when regeneration is requested, else asserts that it holds exactly what was generated. */
    static void file(Path file, String generated) {
        if (requested()) {
            write(file, generated);
            return;
        }
        String current = Files.exists(file) ? read(file) : null;
        assertThat(current).as(stale(file.toString())).isEqualTo(generated);
    }

    /** The same for a folder of generated files (name to content): no file missing, none changed, none left over. */
    static void folder(Path folder, String ending, Map<String, String> generated) {
        if (requested()) {
            try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
                for (Path old : files.filter(p -> p.toString().endsWith(ending)).toList()) {
                    Files.delete(old);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            generated.forEach((name, content) -> write(folder.resolve(name), content));
            return;
        }
        Map<String, String> current = new TreeMap<>();
        try (Stream<Path> files = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            files.filter(p -> p.toString().endsWith(ending))
                    .forEach(p -> current.put(p.getFileName().toString(), read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(new TreeSet<>(current.keySet())).as(stale(folder + " (files)")).isEqualTo(new TreeSet<>(generated.keySet()));
        generated.forEach((name, content) -> assertThat(current.get(name)).as(stale(folder.resolve(name).toString()))
                .isEqualTo(content));
    }

    private static String stale(String what) {
        return what + " is not what the code and the models give. It is generated: do not edit it by hand, run\n    "
                + COMMAND + "\nand commit the result (on a merge conflict, take either side and run it again)";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String content) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
