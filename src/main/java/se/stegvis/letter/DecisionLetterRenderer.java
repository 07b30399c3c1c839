package se.stegvis.letter;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import se.stegvis.letter.DecisionLetter.CalculationLine;

/**
 * Renders a decision letter to PDF: the Thymeleaf template {@code beslut.html} (HTML-escaped values) is parsed
 * leniently with jsoup, so a process owner's hand-edited HTML need not be strict XHTML, and laid out by
 * openhtmltopdf as a tagged PDF (PDF/UA structure, PDF/A-2u) with DejaVu Sans embedded for å, ä, ö.
 * Thread-safe; nothing about the recipient is logged.
 *
 * <p>The fonts are parsed once and reused: parsing the two TrueType files for every letter was a third of a
 * letter's CPU time (JFR, issue #14). A parsed {@link TrueTypeFont} reads its glyphs lazily and is not
 * thread-safe, so each rendering borrows a pair of its own (at most one pair per thread that renders at the same
 * time) and gives it back; each letter still embeds only the glyphs it uses.
 */
@Component
public class DecisionLetterRenderer {

    /** The font family the template's CSS names; the only one embedded. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final byte[] REGULAR = resource("/letter/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("/letter/fonts/DejaVuSans-Bold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final LetterTemplates templates;
    private final Queue<ParsedFonts> idleFonts = new ConcurrentLinkedQueue<>();

    /** DejaVu Sans regular and bold, parsed; used by one rendering at a time. */
    private record ParsedFonts(TrueTypeFont regular, TrueTypeFont bold) {
        static ParsedFonts parse() {
            return new ParsedFonts(parse(REGULAR), parse(BOLD));
        }

        /**
         * Without glyph substitution (GSUB): PDFBox would otherwise run the font's Latin ligature and composition
         * rules over every string it draws, a seventh of a letter's CPU (JFR, issue #14), to replace e.g. "fi" by one
         * ligature glyph that stands for U+FB01 "ﬁ", which a screen reader or a search must map back to letters. The
         * letters are set in plain glyphs, one per character, as {@code DecisionLetterRendererTest} checks.
         */
        private static TrueTypeFont parse(byte[] file) {
            try {
                TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(file));
                font.setEnableGsub(false);
                return font;
            } catch (IOException e) {
                throw new UncheckedIOException("Typsnittet DejaVu Sans kunde inte läsas", e);
            }
        }
    }

    public DecisionLetterRenderer(LetterProperties properties) {
        this.templates = new LetterTemplates(properties.templateDir());
        PdfLayoutLog.install();
        useDefaultXmlFactories();
    }

    /**
     * Names the JDK's own XML parser and transformer factories as the JVM's choice, unless the JVM was started with
     * another. Every letter asks for both (jsoup's DOM for the layout, PDFBox's XMP metadata for PDF/A), and without a
     * name the JDK looks for a provider in every jar of the class path each time before it falls back to the same
     * default — in the packaged jar a walk through its nested jars, 3 % of a letter's CPU (JFR, issue #14). Nothing
     * on Stegvis' class path provides another (no {@code META-INF/services/javax.xml.*}), so the factories in use do
     * not change.
     */
    static void useDefaultXmlFactories() {
        setIfAbsent("javax.xml.parsers.DocumentBuilderFactory",
                javax.xml.parsers.DocumentBuilderFactory.newDefaultInstance().getClass().getName());
        setIfAbsent("javax.xml.transform.TransformerFactory",
                javax.xml.transform.TransformerFactory.newDefaultInstance().getClass().getName());
    }

    private static void setIfAbsent(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The letter as PDF bytes. */
    public byte[] render(DecisionLetter letter) {
        return render(LetterTemplates.LETTER_TEMPLATE, variables(letter, templates.legalReferences()),
                "Beslutsbrevet", letter.caseReference());
    }

    /** The kommunicering before a decision on a reduction ({@code kommunicering.html}) as PDF bytes. */
    public byte[] render(CommunicationLetter letter) {
        return render(LetterTemplates.COMMUNICATION_TEMPLATE,
                SanctionLetterVariables.of(letter, templates.legalReferences()), "Kommuniceringen",
                letter.caseReference());
    }

    /** The decision on a reduction ({@code nedsattning.html}) as PDF bytes. */
    public byte[] render(ReductionLetter letter) {
        return render(LetterTemplates.REDUCTION_TEMPLATE, SanctionLetterVariables.of(letter, templates.legalReferences()),
                "Beslutet om nedsättning", letter.caseReference());
    }

    private byte[] render(String template, Map<String, Object> variables, String what, String caseReference) {
        String html = templates.letterHtml(template, variables);
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        ParsedFonts fonts = borrowFonts();
        try (PDDocument target = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.usePDDocument(target);
            builder.usePdfUaAccessibility(true);
            builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
            builder.useColorProfile(SRGB);
            // Embedded as subsets (only the glyphs used), from the fonts parsed once.
            builder.useFont(new PDFontSupplier(PDType0Font.load(target, fonts.regular(), true)), FONT_FAMILY, 400,
                    FontStyle.NORMAL, true);
            builder.useFont(new PDFontSupplier(PDType0Font.load(target, fonts.bold(), true)), FONT_FAMILY, 700,
                    FontStyle.NORMAL, true);
            builder.withW3cDocument(document, templates.baseUri());
            builder.toStream(pdf);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(what + " kunde inte skapas för ärende " + caseReference, e);
        } finally {
            idleFonts.offer(fonts);
        }
        return pdf.toByteArray();
    }

    private ParsedFonts borrowFonts() {
        ParsedFonts fonts = idleFonts.poll();
        return fonts != null ? fonts : ParsedFonts.parse();
    }

    /**
     * The template's variables, already formatted. The list is documented at the top of {@code beslut.html}; change
     * both together.
     */
    static Map<String, Object> variables(DecisionLetter letter, LegalReferences legal) {
        Map<String, Object> v = new HashMap<>();
        v.put("arende", letter.caseReference());
        v.put("mottagare", Map.of(
                "namn", letter.recipient().displayName(),
                "adressrader", letter.recipient().addressLines(),
                "personnummer", letter.recipient().maskedPersonnummer()));
        v.put("beslutsdatum", SwedishFormat.date(letter.decisionDate()));
        v.put("manad", SwedishFormat.month(letter.monthApplied()));
        v.put("beslut", letter.kind().label());
        v.put("beslutstyp", letter.kind().name());
        v.put("beviljatBelopp", SwedishFormat.kronor(letter.grantedAmount()));
        v.put("utbetalningsdag", letter.paymentDate() == null ? null : SwedishFormat.date(letter.paymentDate()));

        DecisionLetter.Calculation c = letter.calculation();
        v.put("normrader", lines(c.normLines()));
        v.put("kostnadsrader", lines(c.costLines()));
        v.put("inkomstrader", lines(c.incomeLines()));
        v.put("summaNorm", SwedishFormat.kronor(c.normTotal()));
        v.put("summaKostnader", SwedishFormat.kronor(c.costsTotal()));
        v.put("summaBehov", SwedishFormat.kronor(c.normTotal() + c.costsTotal()));
        v.put("summaInkomster", SwedishFormat.kronor(c.incomesTotal()));
        v.put("beraknatBistand", SwedishFormat.kronor(c.assistance()));
        v.put("nedsattning", letter.reduction() == null ? null : Map.of(
                "beskrivning", letter.reduction().description(),
                "belopp", SwedishFormat.kronor(-letter.reduction().amount())));

        v.put("skal", letter.reasons() == null ? List.of() : paragraphs(letter.reasons()));
        v.put("handlaggare", letter.caseworkerName());
        v.put("attestant", letter.approverName());

        LegalReferences.Period law = legal.on(letter.decisionDate());
        v.put("lagrum", Map.of("hanvisning", law.cite(Provision.BISTAND), "text", law.text(Provision.BISTAND)));
        v.put("hanvisningar", law.references());
        v.put("visaOverklagande", letter.kind().includesAppealInstructions());
        v.put("overklagande", legal.section("overklagande", letter.decisionDate()).templateValue());
        v.put("bifallUpplysning", legal.section("bifall", letter.decisionDate()).templateValue());
        v.put("nodbistand", letter.emergencyAidOnly()
                ? legal.section("nodbistand", letter.decisionDate()).templateValue() : null);
        return v;
    }

    private static List<Map<String, String>> lines(List<CalculationLine> lines) {
        return lines.stream()
                .map(line -> Map.of("beskrivning", line.description(), "belopp", SwedishFormat.kronor(line.amount())))
                .toList();
    }

    /** Reasons as typed by the caseworker: blank lines separate paragraphs, single line breaks are kept as spaces. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .map(p -> p.strip().replaceAll("\\s*\\R\\s*", " "))
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static byte[] resource(String name) {
        try (InputStream in = DecisionLetterRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " saknas i jar-filen");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(name, e);
        }
    }
}
