package se.stegvis.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/processer.md is always what the models say; regenerate with {@value Regenerate#COMMAND}. */
class ProcessCatalogueTest {

    @Test
    void catalogueIsCurrent() {
        Regenerate.file(ProcessCatalogue.FILE, new ProcessCatalogue(Path.of("processes")).render());
    }

    @Test
    void catalogueNamesWhatAProcessOwnerLooksFor() {
        String md = new ProcessCatalogue(Path.of("processes")).render();
        // purpose, user task with group and form, timer, message, call activity, decision table with its inputs
        assertThat(md).contains("## Ansökan om ekonomiskt bistånd", "Processen bär bara ansökans id",
                "*Utred ansökan* (`UserTask_InvestigateApplication`)", "`utred-ansokan`",
                "`KompletteringInkommen`", "anropar `arbetsforberedande-insats`", "tabellen `delegationsordning`",
                "### Delegationsordning", "version 1.0");
    }
}
