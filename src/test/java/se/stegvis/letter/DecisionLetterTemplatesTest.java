package se.stegvis.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static se.stegvis.letter.DecisionLetterRendererTest.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stegvis.letter.template-dir}: templates a municipality edits on disk, picked up without a restart. */
class DecisionLetterTemplatesTest {

    @TempDir
    Path folder;

    @BeforeEach
    void copyPackagedTemplates() throws IOException {
        List<String> names = new ArrayList<>(LetterTemplates.TEMPLATES.stream().map(t -> t + ".html").toList());
        names.add(LegalReferences.FILE_NAME);
        for (String name : names) {
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream(LetterTemplates.CLASSPATH_FOLDER + name)) {
                Files.copy(in, folder.resolve(name));
            }
        }
    }

    @Test
    void editsOnDiskAreUsedForTheNextLetterWithoutARestart() throws IOException {
        DecisionLetterRenderer renderer = new DecisionLetterRenderer(new LetterProperties(folder));
        assertThat(text(renderer.render(SampleLetters.refusal()))).contains("Så har vi räknat");

        replace("beslut.html", "<h2>Så har vi räknat</h2>", "<h2>Beräkningen steg för steg</h2>");
        replace("juridik.yaml", "rubrik: Så överklagar du beslutet", "rubrik: Om du vill överklaga");

        String text = text(renderer.render(SampleLetters.refusal()));
        assertThat(text).contains("Beräkningen steg för steg", "Om du vill överklaga")
                .doesNotContain("Så har vi räknat", "Så överklagar du beslutet");
    }

    @Test
    void handEditedHtmlNeedNotBeStrictXhtml() throws IOException {
        replace("beslut.html", "<h2>Lagrum</h2>", "<h2>Lagrum</h2><p>Rad ett<br>rad två<p>Ostängt stycke");

        String text = text(new DecisionLetterRenderer(new LetterProperties(folder)).render(SampleLetters.refusal()));

        assertThat(text).contains("Rad ett rad två Ostängt stycke");
    }

    @Test
    void legalGroundIsChosenFromTheEditedFile() throws IOException {
        replace("juridik.yaml", "bistand: 12 kap. 1 § socialtjänstlagen (2025:400)",
                "bistand: 12 kap. 1 § första stycket socialtjänstlagen (2025:400)");
        replace("juridik.yaml", "förvaltningsrätten inom tre veckor från den dag du fick del av beslutet ({overklagande-bistand}).",
                "förvaltningsrätten inom tre veckor från den dag du fick del av beslutet ({overklagande-bistand}, {norm}).");

        String text = text(new DecisionLetterRenderer(new LetterProperties(folder)).render(SampleLetters.grant()));

        assertThat(text).contains("12 kap. 1 § första stycket socialtjänstlagen (2025:400)",
                "(35 kap. 1 § första stycket 1 socialtjänstlagen (2025:400), 12 kap. 7 § socialtjänstlagen (2025:400))");
    }

    @Test
    void decisionBeforeEveryLegalGroundIsRefusedWithAClearMessage() {
        DecisionLetterRenderer renderer = new DecisionLetterRenderer(new LetterProperties(folder));

        assertThatIllegalStateException()
                .isThrownBy(() -> renderer.render(SampleLetters.refusalDecidedOn(LocalDate.of(1999, 12, 31))))
                .withMessage("juridik.yaml: inget lagrum gäller för beslutsdatum 1999-12-31");
    }

    @Test
    void aFolderWithoutTheTemplatesIsRefusedAtStartUp() throws IOException {
        Files.delete(folder.resolve("juridik.yaml"));

        assertThatIllegalStateException()
                .isThrownBy(() -> new DecisionLetterRenderer(new LetterProperties(folder)))
                .withMessageStartingWith("stegvis.letter.template-dir: ")
                .withMessageEndingWith("juridik.yaml saknas");
    }

    @Test
    void anIncompleteLegalFileIsRefusedAtStartUp() throws IOException {
        replace("juridik.yaml", "overklagande:", "overklagande-borttagen:");

        assertThatIllegalStateException()
                .isThrownBy(() -> new DecisionLetterRenderer(new LetterProperties(folder)))
                .withMessage("juridik.yaml: 'overklagande' saknas");
    }

    @Test
    void aMisspelledReferenceInATextIsRefusedAtStartUp() throws IOException {
        replace("juridik.yaml", "({muntlig-uppgift})", "({muntlig-uppgit})");

        assertThatIllegalStateException()
                .isThrownBy(() -> new DecisionLetterRenderer(new LetterProperties(folder)))
                .withMessage("juridik.yaml: {muntlig-uppgit} i 'kommunicering' är ingen hänvisning i 'lagrum'");
    }

    @Test
    void aPeriodWithoutAProvisionTheLettersCiteIsRefusedAtStartUp() throws IOException {
        replace("juridik.yaml", "      nedsattning: 12 kap. 5 § socialtjänstlagen (2025:400)\n", "");

        assertThatIllegalStateException()
                .isThrownBy(() -> new DecisionLetterRenderer(new LetterProperties(folder)))
                .withMessage("juridik.yaml: hänvisningen 'nedsattning' saknas i perioden från 2025-07-01");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = folder.resolve(file);
        String content = Files.readString(path, StandardCharsets.UTF_8);
        assertThat(content).as(file).contains(from);
        Files.writeString(path, content.replace(from, to), StandardCharsets.UTF_8);
    }
}
