package se.stegvis.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.stegvis.letter.SampleLetters.grant;
import static se.stegvis.letter.SampleLetters.grantWithReduction;
import static se.stegvis.letter.SampleLetters.partialGrant;
import static se.stegvis.letter.SampleLetters.refusal;
import static se.stegvis.letter.SampleLetters.refusalDecidedOn;
import static se.stegvis.letter.SampleLetters.refusalWithReasons;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import se.stegvis.letter.DecisionLetter.Calculation;
import se.stegvis.support.PdfText;

class DecisionLetterRendererTest {

    private static final String APPEAL_HEADING = "Så överklagar du beslutet";

    private final DecisionLetterRenderer renderer = new DecisionLetterRenderer(new LetterProperties(null));

    @Test
    void grantShowsDecisionEveryCalculationLineAndTheShortAppealNote() {
        String text = text(renderer.render(grant()));

        assertThat(text).contains("Beslut: Bifall", "Beslut om ekonomiskt bistånd för december 2026",
                "Datum: 22 november 2026", "Ärende: EB-2026-000123", "Åsa Öberg Ekström", "Ängsvägen 4 B",
                "19850312-XXXX", "Pengarna betalas ut den 27 november 2026.");
        assertThat(text).contains(
                "Personliga kostnader, vuxen 3 790 kr",
                "Personliga kostnader, barn 7–10 år 2 990 kr",
                "Gemensamma hushållskostnader, 2 personer 1 420 kr",
                "Summa riksnorm 8 200 kr",
                "Hyra 7 850 kr", "Hushållsel 420 kr", "Hemförsäkring 160 kr",
                "Summa skäliga kostnader 8 430 kr",
                "Summa behov 16 630 kr",
                "Barnbidrag 1 250 kr", "Bostadsbidrag 1 360 kr",
                "Summa inkomster 2 610 kr",
                "Beräknat bistånd (behov minus inkomster) 14 020 kr",
                "Beviljat belopp 14 020 kr");
        assertThat(text).contains("Om du inte är nöjd", "tre veckor", "förvaltningsrätten")
                .doesNotContain(APPEAL_HEADING, "Skäl för beslutet", "attesterats");
        assertThat(text).contains("Karin Lindqvist");
    }

    @Test
    void emergencyAidOnlyExplainsNodbistandInsteadOfTheCalculation() {
        Calculation none = Calculation.of(List.of(new DecisionLetter.CalculationLine("Endast nödbistånd: ingen beräkning"
                + " enligt riksnormen", 0)), List.of(), List.of());
        DecisionLetter emergency = new DecisionLetter("EB-2027-000001", SampleLetters.RECIPIENT,
                LocalDate.of(2026, 12, 28), java.time.YearMonth.of(2027, 1), DecisionKind.DELVIS_BIFALL, 1_200, none,
                "Akut behov av mat under en vecka.", null, "Karin Lindqvist", "Johan Åkesson",
                LocalDate.of(2026, 12, 30), true);
        String text = text(renderer.render(emergency));
        assertThat(text).contains("Beslut: Delvis bifall", "Du beviljas nödbistånd för januari 2027 med 1 200 kr",
                "Nödbistånd i stället för försörjningsstöd", "inte vistas lagligt i Sverige",
                "socialtjänstlagen (2025:400) i lydelsen från den 1 januari 2027 (prop. 2025/26:201)",
                "Akut behov av mat under en vecka.", APPEAL_HEADING);
        assertThat(text).doesNotContain("Så har vi räknat", "Summa riksnorm", "Din ansökan om försörjningsstöd för");

        // The same decision without the flag is an ordinary partial grant, which cannot exceed the calculation.
        assertThatThrownBy(() -> new DecisionLetter("EB-2027-000001", SampleLetters.RECIPIENT, LocalDate.of(2026, 12, 28),
                java.time.YearMonth.of(2027, 1), DecisionKind.DELVIS_BIFALL, 1_200, none, "Akut.", null, "K", null,
                LocalDate.of(2026, 12, 30))).hasMessageContaining("inte vara större");
        assertThatThrownBy(() -> new DecisionLetter("EB-2027-000001", SampleLetters.RECIPIENT, LocalDate.of(2026, 12, 28),
                java.time.YearMonth.of(2027, 1), DecisionKind.BIFALL, 1_200, none, null, null, "K", null,
                LocalDate.of(2026, 12, 30), true)).hasMessageContaining("nödbistånd");
    }

    @Test
    void partialGrantShowsReasonsApproverAndAppealInstructions() {
        String text = text(renderer.render(partialGrant()));

        assertThat(text).contains("Beslut: Delvis bifall", "beviljas delvis", "Beviljat belopp 14 020 kr",
                "Skäl för beslutet", "Du har ansökt om bistånd till hyra med 9 850 kr",
                "Övriga kostnader har beviljats enligt beräkningen.",
                "Beslutet har attesterats av Johan Åkesson, teamledare.");
        assertAppealInstructions(text);
    }

    @Test
    void refusalShowsReasonsAndAppealInstructionsAndNoPayment() {
        String text = text(renderer.render(refusal()));

        assertThat(text).contains("Beslut: Avslag", "Din ansökan om försörjningsstöd för december 2026 avslås.",
                "Lön 19 000 kr", "Summa inkomster 21 610 kr", "Beräknat bistånd (behov minus inkomster) 0 kr",
                "Beviljat belopp 0 kr", "Skäl för beslutet", "Hushållets inkomster för december 2026 är högre");
        assertThat(text).doesNotContain("betalas ut");
        assertAppealInstructions(text);
    }

    @Test
    void reductionIsShownAsItsOwnLine() {
        String text = text(renderer.render(grantWithReduction()));

        assertThat(text).contains("Nedsättning: frånvaro från anvisad praktik (beslut 10 november 2026) −1 000 kr",
                "Beviljat belopp 13 020 kr", "Nedsättningen har beslutats i ett eget beslut");
    }

    @Test
    void legalGroundIsTheOldActBeforeFirstJuly2025() {
        String text = text(renderer.render(refusalDecidedOn(LocalDate.of(2025, 6, 30))));

        assertThat(text).contains("4 kap. 1 § socialtjänstlagen (2001:453)",
                        "överklaga det (16 kap. 3 § socialtjänstlagen")
                .doesNotContain("2025:400", "12 kap.", "35 kap.");
    }

    @Test
    void legalGroundIsTheNewActFromFirstJuly2025() {
        String onTheDay = text(renderer.render(refusalDecidedOn(LocalDate.of(2025, 7, 1))));
        String later = text(renderer.render(grant()));

        assertThat(onTheDay).contains("12 kap. 1 § socialtjänstlagen (2025:400)",
                        "överklaga det (35 kap. 1 § första stycket 1 socialtjänstlagen (2025:400))")
                .doesNotContain("2001:453", "4 kap.", "11 kap.");
        assertThat(later).contains("12 kap. 1 § socialtjänstlagen (2025:400)", "(35 kap. 1 § första stycket 1")
                .doesNotContain("2001:453", "4 kap.", "11 kap.");
    }

    @Test
    void theNewActIsQuotedInItsOwnWords() {
        String text = text(renderer.render(grant()));

        assertThat(text).contains("sina ekonomiska behov", "levnadskostnader i övrigt",
                "tillförsäkras en skälig levnadsnivå");
    }

    @Test
    void reasonsAreShownAsTextNeverAsMarkup() {
        String reasons = "Se <script>alert('x')</script> och <b>fetstil</b> & annat.";

        String html = new LetterTemplates(null).letterHtml(
                DecisionLetterRenderer.variables(refusalWithReasons(reasons), new LetterTemplates(null)
                        .legalReferences()));
        String text = text(renderer.render(refusalWithReasons(reasons)));

        assertThat(html).contains("Se &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; och &lt;b&gt;fetstil&lt;/b&gt;")
                .doesNotContain("<script>");
        assertThat(text).contains("Se <script>alert('x')</script> och <b>fetstil</b> & annat.");
    }

    @Test
    void reasonParagraphsFollowBlankLines() {
        assertThat(DecisionLetterRenderer.paragraphs("Första raden\nfortsätter.\n\n  Andra stycket.\r\n\r\nTredje."))
                .containsExactly("Första raden fortsätter.", "Andra stycket.", "Tredje.");
    }

    @Test
    void swedishLettersAreRealTextInAnEmbeddedFont() throws IOException {
        byte[] pdf = renderer.render(refusalWithReasons("Bokstäverna å ä ö Å Ä Ö é ska synas."));

        assertThat(text(pdf)).contains("Bokstäverna å ä ö Å Ä Ö é ska synas.", "förvaltningsrätten",
                "Överklagandet");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = fonts(document);
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            });
        }
    }

    @Test
    void noLigatureGlyphsSoEveryWordReadsBackLetterByLetter() throws IOException {
        // "fick", "finns", "fler": without glyph substitution each letter is its own glyph, so a screen reader or a
        // search reads the text back character by character (and the letter costs a seventh less CPU).
        byte[] pdf = renderer.render(refusalWithReasons("Du fick avslag eftersom det finns fler inkomster."));

        assertThat(text(pdf)).contains("Du fick avslag eftersom det finns fler inkomster.");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDFont font : fonts(document)) {
                for (int code = 0; code < 0x1_0000; code++) {
                    String unicode = font.toUnicode(code);
                    if (unicode != null) {
                        // A ligature glyph stands for U+FB01 "ﬁ" (Alphabetic Presentation Forms), not for "f" + "i".
                        assertThat(unicode.codePoints().noneMatch(c -> c >= 0xFB00 && c <= 0xFB4F))
                                .as("glyph %d of %s stands for \"%s\"", code, font.getName(), unicode).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theLayoutLibraryLogsThroughTheApplicationsLogLevels() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("com.openhtmltopdf");
        var lines = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        lines.start();
        logger.addAppender(lines);
        var level = logger.getLevel();
        try {
            logger.setLevel(ch.qos.logback.classic.Level.INFO);
            renderer.render(grant());
            assertThat(lines.list).extracting(e -> e.getLoggerName())
                    .as("openhtmltopdf's INFO lines under its own logger names").contains("com.openhtmltopdf.general");
            lines.list.clear();
            logger.setLevel(ch.qos.logback.classic.Level.WARN);
            renderer.render(grant());
            assertThat(lines.list).as("nothing below WARN when the level is WARN").isEmpty();
        } finally {
            logger.setLevel(level);
            logger.detachAppender(lines);
        }
    }

    @Test
    void theJdksXmlFactoriesAreNamedSoNoLetterSearchesTheClassPath() {
        assertThat(System.getProperty("javax.xml.parsers.DocumentBuilderFactory"))
                .isEqualTo(javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().getClass().getName());
        assertThat(System.getProperty("javax.xml.transform.TransformerFactory"))
                .isEqualTo(javax.xml.transform.TransformerFactory.newDefaultInstance().getClass().getName());
        assertThat(javax.xml.parsers.DocumentBuilderFactory.newInstance().getClass())
                .isEqualTo(javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().getClass());
    }

    @Test
    void noJarOnTheClassPathProvidesAnotherXmlFactorySoNamingTheJdksChangesNothing() throws IOException {
        // The renderer names the JDK's factories because nothing else is there to find (ServiceLoader's files); a
        // dependency that brings one (e.g. Xerces, Saxon) must be weighed before it changes every letter's parser.
        ClassLoader loader = DecisionLetterRenderer.class.getClassLoader();
        for (String service : List.of("javax.xml.parsers.DocumentBuilderFactory",
                "javax.xml.transform.TransformerFactory")) {
            assertThat(java.util.Collections.list(loader.getResources("META-INF/services/" + service)))
                    .as(service + " provided by a jar").isEmpty();
        }
    }

    @Test
    void pdfIsTaggedSwedishAndTitled() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(partialGrant()))) {
            var catalog = document.getDocumentCatalog();
            assertThat(catalog.getMarkInfo()).isNotNull();
            assertThat(catalog.getMarkInfo().isMarked()).isTrue();
            assertThat(catalog.getStructureTreeRoot()).isNotNull();
            assertThat(catalog.getLanguage()).isEqualTo("sv");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Beslut om ekonomiskt bistånd, ärende EB-2026-000124");
            assertThat(catalog.getMetadata()).as("XMP metadata for PDF/A").isNotNull();
        }
    }

    @Test
    void lettersRenderedAtTheSameTimeEachKeepTheirOwnText() throws Exception {
        // The parsed fonts are reused between letters; letters rendered at once must not share them.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String reasons = "Skäl nummer " + i + " för beslutet.";
                texts.add(pool.submit(() -> text(renderer.render(refusalWithReasons(reasons)))));
            }
            for (int i = 0; i < texts.size(); i++) {
                assertThat(texts.get(i).get()).contains("Skäl nummer " + i + " för beslutet.", "förvaltningsrätten");
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Writes the sample for docs/: {@code ./mvnw test -Dtest=DecisionLetterRendererTest -Dletter.sample=...}. */
    @Test
    @EnabledIfSystemProperty(named = "letter.sample", matches = ".+")
    void writeSample() throws IOException {
        Path target = Path.of(System.getProperty("letter.sample")).toAbsolutePath();
        Files.createDirectories(target.getParent());
        Files.write(target, renderer.render(partialGrant()));
    }

    private static void assertAppealInstructions(String text) {
        assertThat(text).contains(APPEAL_HEADING, "förvaltningsrätten", "kompetensförsörjningskontoret",
                "inom tre veckor från den dag du fick del av beslutet", "hur du vill att beslutet ska ändras",
                "din underskrift");
    }

    /** The text of the PDF with non-breaking spaces as plain spaces and lines joined, for readable assertions. */
    static String text(byte[] pdf) {
        return PdfText.of(pdf);
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }
}
