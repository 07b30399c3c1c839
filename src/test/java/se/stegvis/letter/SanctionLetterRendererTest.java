package se.stegvis.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static se.stegvis.letter.DecisionLetterRendererTest.text;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The letters about a reduction of försörjningsstöd: the kommunicering before the decision and the decision itself. */
class SanctionLetterRendererTest {

    /** "4 kap." but not "14 kap.". */
    static final String OLD_CHAPTER_4 = "(?<!\\d)4 kap\\.";
    static final LocalDate DECIDED = LocalDate.of(2026, 11, 24);
    static final String OCCASION = "Uteblev från praktiken på äldreboendet 3–7 november utan att höra av sig.";
    static final String REASONS = """
            Du var borta från praktiken fem dagar utan att höra av dig. Du har inte berättat om något skäl.

            Vi sätter därför ned ditt försörjningsstöd för december 2026.""";

    private final DecisionLetterRenderer renderer = new DecisionLetterRenderer(new LetterProperties(null));

    static ReductionLetter reduction(LocalDate decided) {
        return new ReductionLetter("N-1A2B3C4D", SampleLetters.RECIPIENT, decided, ReductionGround.FRANVARO,
                ReductionLetter.Outcome.REDUCED, 1_000, YearMonth.from(decided).plusMonths(1), OCCASION, REASONS,
                "Karin Lindqvist");
    }

    static CommunicationLetter communication(LocalDate sent) {
        return new CommunicationLetter("N-1A2B3C4D", SampleLetters.RECIPIENT, sent, ReductionGround.FRANVARO, 1_000,
                OCCASION, sent.plusDays(14), "Cecilia Coach");
    }

    @Test
    void aReductionShowsAmountMonthReasonsGroundAndHowToAppeal() {
        String text = text(renderer.render(reduction(DECIDED)));

        assertThat(text).contains("Beslut om nedsättning av försörjningsstöd", "Datum: 24 november 2026",
                "Ärende: N-1A2B3C4D", "19850312-XXXX", "Beslut: Nedsättning",
                "Ditt försörjningsstöd för december 2026 sätts ned med 1 000 kr.",
                "Det här har hänt", OCCASION, "Skäl för beslutet",
                "Du var borta från praktiken fem dagar utan att höra av dig.",
                "Vi sätter därför ned ditt försörjningsstöd för december 2026.",
                "Beslutet har fattats med stöd av 12 kap. 5 § socialtjänstlagen (2025:400).",
                "(12 kap. 4 § socialtjänstlagen (2025:400))", "Så överklagar du beslutet",
                "överklaga det (35 kap. 1 § första stycket 2", "inom tre veckor från den dag du fick del av beslutet",
                "Karin Lindqvist");
        assertThat(text).doesNotContain("11 kap.", "2001:453", "35 kap. 1 § första stycket 1")
                .doesNotContainPattern(OLD_CHAPTER_4);
    }

    @Test
    void aReductionUnderTheActivityRequirementStatesTheRequirementAndHowToAppeal() {
        String text = text(renderer.render(new ReductionLetter("N-1A2B3C4D", SampleLetters.RECIPIENT, DECIDED,
                ReductionGround.AKTIVITETSKRAV, ReductionLetter.Outcome.REDUCED, 900, YearMonth.of(2026, 12), OCCASION,
                REASONS, "Karin Lindqvist")));

        assertThat(text).contains("Beslut: Nedsättning", "Du omfattas av aktivitetskravet.",
                "ska fortsatt försörjningsstöd vägras eller sättas ned (12 kap. 5 § socialtjänstlagen (2025:400))",
                "Beslutet har fattats med stöd av 12 kap. 5 § socialtjänstlagen (2025:400).",
                "Så överklagar du beslutet", "överklaga det (35 kap. 1 § första stycket 2 socialtjänstlagen (2025:400))",
                "inom tre veckor från den dag du fick del av beslutet");
        // The requirement's own paragraphs are unverified: stated in words, never cited.
        assertThat(text).doesNotContain("4 a §", "6 a §", "kan få i uppgift att delta i praktik");
    }

    @Test
    void noReductionIsToldWithoutAppealInstructions() {
        String text = text(renderer.render(new ReductionLetter("N-1A2B3C4D", SampleLetters.RECIPIENT, DECIDED,
                ReductionGround.FRANVARO, ReductionLetter.Outcome.NOT_REDUCED, 0, null, OCCASION,
                "Du var sjuk och har visat läkarintyg: det är ett godtagbart skäl.", "Karin Lindqvist")));

        assertThat(text).contains("Beslut: Ingen nedsättning", "Vi sätter inte ned ditt försörjningsstöd.",
                "Du var sjuk och har visat läkarintyg").doesNotContain("Så överklagar du beslutet", "sätts ned med");
    }

    @Test
    void aReductionDecidedBeforeJuly2025CitesTheOldAct() {
        String text = text(renderer.render(reduction(LocalDate.of(2025, 6, 30))));

        assertThat(text).contains("Beslutet har fattats med stöd av 4 kap. 5 § socialtjänstlagen (2001:453).",
                "överklaga det (16 kap. 3 § socialtjänstlagen").doesNotContain("2025:400", "35 kap.");
    }

    @Test
    void theKommuniceringTellsOfTheRightToAnswerOrally() {
        String text = text(renderer.render(communication(DECIDED)));

        assertThat(text).contains("KOMMUNICERING", "Innan vi beslutar om nedsättning av ditt försörjningsstöd",
                "Vi överväger att sätta ned ditt försörjningsstöd med 1 000 kr.",
                "Svara senast den 8 december 2026.", OCCASION,
                "Ett beslut om nedsättning fattas med stöd av 12 kap. 5 § socialtjänstlagen (2025:400).",
                "Du kan svara skriftligt eller muntligt.",
                "Du har rätt att lämna dina synpunkter muntligt (14 kap. 8 § socialtjänstlagen (2025:400))",
                "Din kontaktperson är Cecilia Coach", "Det här är inte ett beslut");
        assertThat(text).doesNotContain("11 kap.", "2001:453", "Så överklagar du beslutet")
                .doesNotContainPattern(OLD_CHAPTER_4);
    }

    @Test
    void beforeJuly2025TheKommuniceringCitesNoParagraphTheOldActLacks() {
        String text = text(renderer.render(communication(LocalDate.of(2025, 6, 2))));

        assertThat(text).contains("4 kap. 5 § socialtjänstlagen (2001:453)", "Svara senast den 16 juni 2025.")
                .doesNotContain("14 kap. 8 §", "2025:400");
    }

    @Test
    void bothAreTaggedSwedishPdfsWithTheirOwnTitles() throws IOException {
        try (PDDocument document = Loader.loadPDF(renderer.render(reduction(DECIDED)))) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Beslut om nedsättning av försörjningsstöd, ärende N-1A2B3C4D");
        }
        try (PDDocument document = Loader.loadPDF(renderer.render(communication(DECIDED)))) {
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("Innan vi beslutar om nedsättning av försörjningsstöd, ärende N-1A2B3C4D");
        }
    }

    @Test
    void aLetterThatWouldBeWrongOnPaperIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ReductionLetter("N-1", SampleLetters.RECIPIENT,
                        DECIDED, ReductionGround.FRANVARO, ReductionLetter.Outcome.REDUCED, 1_000, null, OCCASION,
                        REASONS, "Karin Lindqvist"))
                .withMessage("Månaden som nedsättningen gäller saknas");
        assertThatIllegalArgumentException().isThrownBy(() -> new ReductionLetter("N-1", SampleLetters.RECIPIENT,
                        DECIDED, ReductionGround.FRANVARO, ReductionLetter.Outcome.REDUCED, 0, YearMonth.of(2026, 12),
                        OCCASION, REASONS, "Karin Lindqvist"))
                .withMessage("En nedsättning ska vara större än 0 kr");
        assertThatIllegalArgumentException().isThrownBy(() -> new ReductionLetter("N-1", SampleLetters.RECIPIENT,
                        DECIDED, ReductionGround.FRANVARO, ReductionLetter.Outcome.REDUCED, 1_000,
                        YearMonth.of(2026, 12), OCCASION, " ", "Karin Lindqvist"))
                .withMessage("Skäl för beslutet måste anges (förvaltningslagen 32 §)");
        assertThatIllegalArgumentException().isThrownBy(() -> new CommunicationLetter("N-1", SampleLetters.RECIPIENT,
                        DECIDED, ReductionGround.FRANVARO, 1_000, OCCASION, DECIDED.minusDays(1), "Cecilia Coach"))
                .withMessage("Sista svarsdag saknas eller är före brevets datum");
    }
}
