package se.stegvis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in README.md, BENCHMARKS.md and docs/ leads somewhere: the file or folder exists, and an anchor
 * ({@code file.md#heading}, {@code #heading}) names a heading of that Markdown file (GitHub's anchor rule).
 */
class DocumentationLinksTest {

    static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*)$");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md"), Path.of("BENCHMARKS.md")));
        try (Stream<Path> docs = Files.walk(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(files).contains(Path.of("docs/handlaggare.md"), Path.of("docs/processagare.md"),
                Path.of("docs/chefer.md"), Path.of("docs/drift.md"), Path.of("docs/utveckling.md"));
        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            broken.addAll(brokenLinks(file));
        }
        assertThat(broken).as("broken links").isEmpty();
    }

    @Test
    void theReadmeIsTheNewcomersEntryUnderTenKilobytes() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(10 * 1024);
        // The two commands: .ci/run runs the test command exactly.
        assertThat(readme).contains("`./mvnw spring-boot:run`", "`./mvnw -B verify`");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("./mvnw -B verify");
    }

    @Test
    void theCheckerFindsABrokenFileAndABrokenAnchor(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # Rubrik med `kod` och å

                [ok](b.md) [ok](#rubrik-med-kod-och-å) [ok](b.md#del-två) [web](https://example.org/x)
                [saknas](c.md) [fel ankare](b.md#ingen) ![bild](bilder/saknas.png)
                ```
                [i kod](ignoreras.md)
                ```
                """);
        Files.writeString(dir.resolve("b.md"), "## Del två\n");
        assertThat(brokenLinks(dir.resolve("a.md"))).hasSize(3)
                .anySatisfy(b -> assertThat(b).contains("c.md"))
                .anySatisfy(b -> assertThat(b).contains("b.md#ingen"))
                .anySatisfy(b -> assertThat(b).contains("bilder/saknas.png"));
    }

    static List<String> brokenLinks(Path file) {
        List<String> broken = new ArrayList<>();
        boolean fence = false;
        int number = 0;
        for (String line : lines(file)) {
            number++;
            if (line.strip().startsWith("```")) {
                fence = !fence;
                continue;
            }
            if (fence) {
                continue;
            }
            Matcher link = LINK.matcher(line);
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto:, ...
                }
                String where = file + ":" + number + " → " + target;
                int hash = target.indexOf('#');
                String path = hash < 0 ? target : target.substring(0, hash);
                String anchor = hash < 0 ? null : target.substring(hash + 1);
                Path resolved = path.isEmpty() ? file : file.toAbsolutePath().getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(where + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(anchor)) {
                    broken.add(where + " (no such heading)");
                }
            }
        }
        return broken;
    }

    static Set<String> anchors(Path markdown) {
        boolean fence = false;
        List<String> headings = new ArrayList<>();
        for (String line : lines(markdown)) {
            if (line.strip().startsWith("```")) {
                fence = !fence;
            } else if (!fence) {
                Matcher heading = HEADING.matcher(line);
                if (heading.matches()) {
                    headings.add(heading.group(1));
                }
            }
        }
        return headings.stream().map(DocumentationLinksTest::slug).collect(Collectors.toSet());
    }

    /** GitHub's rule: lower case, punctuation dropped (letters, digits, spaces, - and _ kept), spaces become -. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
