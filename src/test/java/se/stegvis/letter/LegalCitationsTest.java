package se.stegvis.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The socialtjänstlag of 2025 in every text: no text in the project (models, forms, letter templates, docs, README,
 * resources, Java string literals) cites chapter 4 of the repealed SoL 2001:453 — or the act itself — for a decision
 * from 2025-07-01, and none cites chapter 11 of SoL 2025:400 (personal needs) for ekonomiskt bistånd.
 * <p>
 * An old-law citation is legitimate in a passage (a line, a Markdown paragraph, a Java literal) that says it concerns
 * decisions before 2025-07-01 ("före den 1 juli 2025", "before 2025-07-01") or that the act was replaced; in
 * {@code juridik.yaml} the periods say it, so every date from 2025-07-01 is checked there instead.
 */
class LegalCitationsTest {

    /** The day SoL 2025:400 and SoF 2025:468 came into force. */
    static final LocalDate NEW_ACT = LocalDate.of(2025, 7, 1);

    private static final Path ROOT = Path.of("").toAbsolutePath();

    private static final Pattern CHAPTER = Pattern.compile("(?<![\\d.])(\\d{1,2}) kap\\.");
    private static final Pattern OLD_ACT = Pattern.compile("2001:453|2001:937");
    private static final Pattern NEW_ACT_YEAR = Pattern.compile("2025:400|2025:468");
    /** Says the passage is about decisions before the new act, or that the old act was replaced. */
    private static final Pattern BEFORE_NEW_ACT = Pattern.compile("(?iu)("
            + "(före|innan|before|until|till och med|t\\.o\\.m\\.|up to)\\s+(den\\s+)?"
            + "((1\\s+)?(juli|july)\\s+2025|2025-07(-01)?|30\\s+juni\\s+2025|2025-06(-30)?|juni\\s+2025)"
            + "|ersattes|ersätts|replaced|upphävd|repealed)");
    /** Other acts this project cites by chapter; a chapter followed by one of them is not the socialtjänstlag. */
    private static final Pattern OTHER_ACT = Pattern.compile("(?iu)^[^.;]{0,25}?§*\\s*(§§?)?\\s*[^()]{0,12}("
            + "socialförsäkringsbalken|förvaltningslagen|föräldrabalken|skollagen|folkbokföringslagen"
            + "|offentlighets- och sekretesslagen|kommunallagen|förvaltningsprocesslagen|SFB|OSL)");
    private static final Pattern SOF_BEFORE = Pattern.compile("(?iu)(SoF|socialtjänstförordningen)[^.;]{0,20}$");

    @Test
    void noTextCitesTheRepealedActForADecisionFromJuly2025() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Passage passage : passages()) {
            findings.addAll(check(passage));
        }
        assertThat(findings).as("citations of the wrong socialtjänstlag (see LegalCitationsTest's javadoc)").isEmpty();
    }

    @Test
    void juridikYamlCitesTheNewActForEveryDecisionDateFromJuly2025() throws IOException {
        LegalReferences legal = packagedLegalReferences();
        for (LocalDate date : List.of(NEW_ACT, LocalDate.of(2026, 11, 30), LocalDate.of(2030, 1, 1))) {
            LegalReferences.Period period = legal.on(date);
            List<String> texts = new ArrayList<>(period.references().values());
            texts.addAll(period.texts().values());
            for (String name : legal.sections().keySet()) {
                texts.addAll(legal.section(name, date).allText());
            }
            for (String text : texts) {
                assertThat(check(new Passage("juridik.yaml on " + date, text)))
                        .as("juridik.yaml for a decision on %s", date).isEmpty();
                assertThat(text).as("juridik.yaml for a decision on %s", date).doesNotContainPattern(OLD_ACT);
            }
            assertThat(period.cite(Provision.BISTAND)).isEqualTo("12 kap. 1 § socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.ARBETSMARKNADEN)).isEqualTo("12 kap. 3 § socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.PRAKTIK)).isEqualTo("12 kap. 4 § socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.NEDSATTNING)).isEqualTo("12 kap. 5 § socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.NORM)).isEqualTo("12 kap. 7 § socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.JOBBSTIMULANS)).isEqualTo("12 kap. 8 § socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.BARNS_INKOMST)).isEqualTo("12 kap. 9 § socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.RIKSNORM)).isEqualTo("12 kap. 2 § socialtjänstförordningen (2025:468)");
            assertThat(period.cite(Provision.OVERKLAGANDE_BISTAND)).startsWith("35 kap. 1 §").contains("1 socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.OVERKLAGANDE_NEDSATTNING)).startsWith("35 kap. 1 §").contains("2 socialtjänstlagen (2025:400)");
            assertThat(period.cite(Provision.MUNTLIG_UPPGIFT)).isEqualTo("14 kap. 8 § socialtjänstlagen (2025:400)");
        }
    }

    @Test
    void juridikYamlKeepsTheOldActForDecisionsBeforeJuly2025() throws IOException {
        LegalReferences.Period period = packagedLegalReferences().on(NEW_ACT.minusDays(1));

        assertThat(period.references().values()).allSatisfy(reference ->
                assertThat(reference).doesNotContainPattern(NEW_ACT_YEAR).containsPattern(OLD_ACT));
        assertThat(period.cite(Provision.BISTAND)).isEqualTo("4 kap. 1 § socialtjänstlagen (2001:453)");
        assertThat(period.cite(Provision.NEDSATTNING)).isEqualTo("4 kap. 5 § socialtjänstlagen (2001:453)");
        assertThat(period.find(Provision.MUNTLIG_UPPGIFT)).isEmpty();
    }

    /** The check itself can fail: what it must refuse and what it must let through. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Frånvaro utan godtagbart skäl (SoL 4 kap. 5 §).",
            "enligt 4 kap. 1 § socialtjänstlagen",
            "Beslutet har fattats med stöd av 4 kap. 1 § socialtjänstlagen (2001:453).",
            "Beslutet har fattats med stöd av 11 kap. 1 § socialtjänstlagen (2025:400).",
            "rätt till bistånd (SoL 11 kap. 1 §)"})
    void refuses(String text) {
        assertThat(check(new Passage("exempel", text))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Beslut före den 1 juli 2025 citerar 4 kap. 1 § socialtjänstlagen (2001:453).",
            "(SoL 12 kap. 4 §; 4 kap. 4 § in SoL 2001:453 for decisions before 2025-07-01)",
            "Socialtjänstlagen (2001:453) ersattes den 1 juli 2025 av socialtjänstlagen (2025:400).",
            "Beslutet har fattats med stöd av 12 kap. 1 § socialtjänstlagen (2025:400).",
            "överklaga det (35 kap. 1 § första stycket 2 socialtjänstlagen (2025:400))",
            "Prisbasbeloppet enligt socialförsäkringsbalken 2 kap. 6–7 §§.",
            "14 kap. 8 § socialtjänstlagen (2025:400)",
            "Beslutet följer förvaltningslagen 32 §."})
    void letsThrough(String text) {
        assertThat(check(new Passage("exempel", text))).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------------------

    record Passage(String where, String text) {}

    static List<String> check(Passage passage) {
        List<String> findings = new ArrayList<>();
        String text = passage.text();
        boolean markedOld = BEFORE_NEW_ACT.matcher(text).find();
        Matcher chapter = CHAPTER.matcher(text);
        while (chapter.find()) {
            int number = Integer.parseInt(chapter.group(1));
            if (number != 4 && number != 11) {
                continue;
            }
            String after = text.substring(chapter.end(), Math.min(text.length(), chapter.end() + 60));
            String before = text.substring(Math.max(0, chapter.start() - 40), chapter.start());
            if (OTHER_ACT.matcher(after).find() || SOF_BEFORE.matcher(before).find()) {
                continue; // another act, or the förordning
            }
            if (number == 4 && !markedOld) {
                findings.add(passage.where() + ": cites SoL 4 kap. (repealed 2025-07-01) without saying it concerns"
                        + " decisions before 2025-07-01: " + excerpt(text, chapter.start()));
            }
            if (number == 11 && !(markedOld && OLD_ACT.matcher(text).find())) {
                findings.add(passage.where() + ": cites 11 kap. of the socialtjänstlag (personal needs in SoL"
                        + " 2025:400) — ekonomiskt bistånd is 12 kap.: " + excerpt(text, chapter.start()));
            }
        }
        return findings;
    }

    private static String excerpt(String text, int at) {
        return "…" + text.substring(Math.max(0, at - 50), Math.min(text.length(), at + 70)).replaceAll("\\s+", " ")
                + "…";
    }

    // ---------------------------------------------------------------------------------------------- the texts

    static List<Passage> passages() throws IOException {
        List<Passage> passages = new ArrayList<>();
        for (Path file : textFiles()) {
            String name = ROOT.relativize(file).toString();
            if (name.endsWith(".pdf")) {
                // A sample letter in docs/ as a reader sees it
                passages.add(new Passage(name, DecisionLetterRendererTest.text(Files.readAllBytes(file))));
                continue;
            }
            String content = Files.readString(file, StandardCharsets.UTF_8);
            if (name.endsWith(".java")) {
                for (String literal : javaStringLiterals(content)) {
                    passages.add(new Passage(name, literal));
                }
            } else if (name.equals("processes/brev/" + LegalReferences.FILE_NAME)) {
                passages.addAll(juridikYamlOutsideOldPeriods(name, content));
            } else if (name.endsWith(".md")) {
                for (String paragraph : content.split("\\R\\s*\\R")) {
                    passages.add(new Passage(name, paragraph));
                }
            } else {
                content.lines().forEach(line -> passages.add(new Passage(name, line)));
            }
        }
        return passages;
    }

    private static List<Path> textFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String top : List.of("processes", "forms", "docs", "src/main/resources", "src/main/java")) {
            try (Stream<Path> walk = Files.walk(ROOT.resolve(top))) {
                walk.filter(Files::isRegularFile).filter(LegalCitationsTest::isText).forEach(files::add);
            }
        }
        try (Stream<Path> list = Files.list(ROOT)) {
            list.filter(p -> p.getFileName().toString().endsWith(".md")).forEach(files::add);
        }
        assertThat(files).as("the project's texts").extracting(p -> ROOT.relativize(p).toString())
                .contains("README.md", "processes/brev/juridik.yaml", "processes/brev/beslut.html",
                        "forms/besluta-nedsattning.form", "processes/insatsval.dmn", "processes/riksnorm.dmn",
                        "docs/exempel-beslutsbrev.pdf");
        return files;
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Stream.of(".bpmn", ".dmn", ".form", ".yaml", ".yml", ".html", ".md", ".js", ".css", ".sql", ".txt",
                ".properties", ".json", ".java", ".pdf").anyMatch(name::endsWith);
    }

    /**
     * juridik.yaml line by line, except the lines of the periods that end before 2025-07-01: those hold the old act on
     * purpose, and {@link #juridikYamlKeepsTheOldActForDecisionsBeforeJuly2025()} checks them.
     */
    private static List<Passage> juridikYamlOutsideOldPeriods(String name, String content) {
        LegalReferences legal = LegalReferences.fromYaml(new Yaml(new SafeConstructor(new LoaderOptions())).load(content));
        LocalDate inForceOnNewAct = legal.on(NEW_ACT).validFrom();
        Pattern period = Pattern.compile("^\\s*- galler-fran: (\\d{4}-\\d{2}-\\d{2})\\s*$");
        List<Passage> passages = new ArrayList<>();
        boolean inLagrum = false;
        boolean oldPeriod = false;
        for (String line : content.lines().toList()) {
            if (line.matches("^[a-z].*")) {
                inLagrum = line.startsWith("lagrum:");
                oldPeriod = false;
            }
            Matcher m = period.matcher(line);
            if (inLagrum && m.matches()) {
                LocalDate from = LocalDate.parse(m.group(1));
                oldPeriod = from.isBefore(inForceOnNewAct);
            }
            if (!oldPeriod || line.strip().startsWith("#")) {
                passages.add(new Passage(name, line));
            }
        }
        return passages;
    }

    /** The string literals and text blocks of a Java source, comments left out. */
    static List<String> javaStringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
                i = source.indexOf('\n', i);
                i = i < 0 ? n : i;
            } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
                i = source.indexOf("*/", i + 2);
                i = i < 0 ? n : i + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                literals.add(source.substring(i + 3, end));
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (j < n && source.charAt(j) != c && source.charAt(j) != '\n') {
                    if (source.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    literal.append(source.charAt(j));
                    j++;
                }
                if (c == '"') {
                    literals.add(literal.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    private static LegalReferences packagedLegalReferences() throws IOException {
        try (InputStream in = LegalCitationsTest.class.getClassLoader()
                .getResourceAsStream(LetterTemplates.CLASSPATH_FOLDER + LegalReferences.FILE_NAME)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException(LegalReferences.FILE_NAME + " is not packaged"));
            }
            return LegalReferences.fromYaml(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        }
    }
}
