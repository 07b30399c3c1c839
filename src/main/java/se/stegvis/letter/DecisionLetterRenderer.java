package se.stegvis.letter;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import se.stegvis.letter.DecisionLetter.CalculationLine;

/**
 * Renders a decision letter to PDF: the Thymeleaf template {@code beslut.html} (HTML-escaped values) is parsed
 * leniently with jsoup, so a process owner's hand-edited HTML need not be strict XHTML, and laid out by
 * openhtmltopdf as a tagged PDF (PDF/UA structure, PDF/A-2u) with DejaVu Sans embedded for å, ä, ö.
 * Thread-safe; nothing about the recipient is logged.
 */
@Component
public class DecisionLetterRenderer {

    /** The font family the template's CSS names; the only one embedded. */
    public static final String FONT_FAMILY = "DejaVu Sans";

    private static final byte[] REGULAR = resource("/letter/fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = resource("/letter/fonts/DejaVuSans-Bold.ttf");
    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private final LetterTemplates templates;

    public DecisionLetterRenderer(LetterProperties properties) {
        this.templates = new LetterTemplates(properties.templateDir());
    }

    /** The letter as PDF bytes. */
    public byte[] render(DecisionLetter letter) {
        String html = templates.letterHtml(variables(letter, templates.legalReferences()));
        org.w3c.dom.Document document = new W3CDom().fromJsoup(Jsoup.parse(html));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.usePdfUaAccessibility(true);
        builder.usePdfAConformance(PdfAConformance.PDFA_2_U);
        builder.useColorProfile(SRGB);
        builder.useFont(() -> new ByteArrayInputStream(REGULAR), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(BOLD), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withW3cDocument(document, templates.baseUri());
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Beslutsbrevet kunde inte skapas för ärende " + letter.caseReference(), e);
        }
        return pdf.toByteArray();
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
