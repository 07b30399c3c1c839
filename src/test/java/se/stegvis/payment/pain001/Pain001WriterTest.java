package se.stegvis.payment.pain001;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import se.stegvis.payment.PaymentProperties;

class Pain001WriterTest {

    private static final PaymentProperties PROPERTIES = new PaymentProperties(27, new PaymentProperties.Debtor(
            "Norrköpings kommun", "212000-0514", "ESSESESS", "SE45 5000 0000 0583 9825 7466", "BANK"));
    private static final OffsetDateTime CREATED = OffsetDateTime.of(2026, 1, 22, 8, 15, 30, 123_000_000, ZoneOffset.ofHours(1));
    private static final LocalDate EXECUTION = LocalDate.of(2026, 1, 27);

    private final Pain001Writer writer = new Pain001Writer(PROPERTIES);

    @Test
    void writesAFileThatIsValidAgainstTheOfficialSchema() throws Exception {
        byte[] file = writer.write(batch(sample()));

        // an oracle of its own: the schema loaded here, not through the writer
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(getClass().getResource("/iso20022/pain.001.001.03.xsd"));
        assertThatCode(() -> schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(file))))
                .doesNotThrowAnyException();
        assertThat(new String(file, StandardCharsets.UTF_8))
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\">");
    }

    @Test
    void groupHeaderCountsTransactionsAndSumsAmounts() throws Exception {
        Xml xml = new Xml(writer.write(batch(sample())));

        assertThat(xml.text("/p:Document/p:CstmrCdtTrfInitn/p:GrpHdr/p:MsgId")).isEqualTo("STEGVIS-20260122-1");
        assertThat(xml.text("//p:GrpHdr/p:CreDtTm")).isEqualTo("2026-01-22T08:15:30+01:00");
        assertThat(xml.text("//p:GrpHdr/p:NbOfTxs")).isEqualTo("3");
        assertThat(xml.text("//p:GrpHdr/p:CtrlSum")).isEqualTo("14690.00");
        assertThat(xml.text("//p:PmtInf/p:NbOfTxs")).isEqualTo("3");
        assertThat(xml.text("//p:PmtInf/p:CtrlSum")).isEqualTo("14690.00");
        assertThat(xml.count("//p:CdtTrfTxInf")).isEqualTo(3);

        BigDecimal sum = BigDecimal.ZERO;
        for (String amount : xml.texts("//p:CdtTrfTxInf/p:Amt/p:InstdAmt")) {
            sum = sum.add(new BigDecimal(amount));
        }
        assertThat(sum).isEqualByComparingTo(xml.text("//p:GrpHdr/p:CtrlSum"));
    }

    @Test
    void amountsAreKronorWithTwoDecimalsInSek() throws Exception {
        Xml xml = new Xml(writer.write(batch(sample())));

        assertThat(xml.texts("//p:InstdAmt")).containsExactly("1234.00", "13455.00", "1.00");
        assertThat(xml.texts("//p:InstdAmt/@Ccy")).containsOnly("SEK");
        assertThat(Pain001Writer.amount(9_999_999)).isEqualTo("9999999.00");
    }

    @Test
    void debtorIsTheMunicipalityFromTheSettings() throws Exception {
        Xml xml = new Xml(writer.write(batch(sample())));

        assertThat(xml.text("//p:GrpHdr/p:InitgPty/p:Nm")).isEqualTo("Norrköpings kommun");
        assertThat(xml.text("//p:GrpHdr/p:InitgPty/p:Id/p:OrgId/p:Othr/p:Id")).isEqualTo("2120000514");
        assertThat(xml.text("//p:GrpHdr/p:InitgPty/p:Id/p:OrgId/p:Othr/p:SchmeNm/p:Cd")).isEqualTo("BANK");
        assertThat(xml.text("//p:PmtInf/p:Dbtr/p:Nm")).isEqualTo("Norrköpings kommun");
        assertThat(xml.text("//p:PmtInf/p:DbtrAcct/p:Id/p:IBAN")).isEqualTo("SE4550000000058398257466");
        assertThat(xml.text("//p:PmtInf/p:DbtrAcct/p:Ccy")).isEqualTo("SEK");
        assertThat(xml.text("//p:PmtInf/p:DbtrAgt/p:FinInstnId/p:BIC")).isEqualTo("ESSESESS");
        assertThat(xml.text("//p:PmtInf/p:PmtMtd")).isEqualTo("TRF");
        assertThat(xml.text("//p:PmtInf/p:ReqdExctnDt")).isEqualTo("2026-01-27");
        assertThat(xml.text("//p:PmtInf/p:PmtTpInf/p:CtgyPurp/p:Cd")).isEqualTo("SSBE");
    }

    @Test
    void eachTransferCarriesItsEndToEndIdCreditorAndMessage() throws Exception {
        Xml xml = new Xml(writer.write(batch(sample())));

        assertThat(xml.texts("//p:CdtTrfTxInf/p:PmtId/p:EndToEndId")).containsExactly("PAY-1001", "PAY-1002", "PAY-1003");
        assertThat(xml.texts("//p:CdtTrfTxInf/p:Cdtr/p:Nm")).containsExactly("Åsa Öberg", "Anders Ängström", "Bo Ek");
        assertThat(xml.texts("//p:CdtTrfTxInf/p:RmtInf/p:Ustrd")).containsOnly("Försörjningsstöd 2026-01");
        // IBAN
        assertThat(xml.text("//p:CdtTrfTxInf[1]/p:CdtrAcct/p:Id/p:IBAN")).isEqualTo("SE3550000000054910000003");
        assertThat(xml.count("//p:CdtTrfTxInf[1]/p:CdtrAgt")).isZero();
        // Swedish account: clearing number in the Swedish clearing system, clearing + account as BBAN
        assertThat(xml.text("//p:CdtTrfTxInf[2]/p:CdtrAgt/p:FinInstnId/p:ClrSysMmbId/p:ClrSysId/p:Cd")).isEqualTo("SESBA");
        assertThat(xml.text("//p:CdtTrfTxInf[2]/p:CdtrAgt/p:FinInstnId/p:ClrSysMmbId/p:MmbId")).isEqualTo("3300");
        assertThat(xml.text("//p:CdtTrfTxInf[2]/p:CdtrAcct/p:Id/p:Othr/p:Id")).isEqualTo("33007810251234");
        assertThat(xml.text("//p:CdtTrfTxInf[2]/p:CdtrAcct/p:Id/p:Othr/p:SchmeNm/p:Cd")).isEqualTo("BBAN");
        assertThat(xml.text("//p:CdtTrfTxInf[3]/p:CdtrAgt/p:FinInstnId/p:ClrSysMmbId/p:MmbId")).isEqualTo("82149");
    }

    @Test
    void shortensLongTextsAndCleansCharacters() throws Exception {
        String longName = "Anna-Karin Margareta Elisabeth Johansson Lindqvist";
        String longMessage = "Försörjningsstöd 2026-01 ".repeat(10);
        Xml xml = new Xml(writer.write(batch(List.of(
                new CreditTransfer("PAY-1", 100, longName, CreditorAccount.iban("SE3550000000054910000003"), longMessage),
                new CreditTransfer("PAY-2", 100, "  Łukasz\tŚliwiński \u0007& <Zoë>  ",
                        CreditorAccount.iban("SE3550000000054910000003"), "Hyra\r\nmars \u200B2026")))));

        assertThat(xml.text("//p:CdtTrfTxInf[1]/p:Cdtr/p:Nm")).isEqualTo("Anna-Karin Margareta Elisabeth Joha").hasSize(35);
        assertThat(xml.text("//p:CdtTrfTxInf[1]/p:RmtInf/p:Ustrd")).hasSizeLessThanOrEqualTo(140).startsWith("Försörjningsstöd 2026-01 Försörjningsstöd");
        assertThat(xml.text("//p:CdtTrfTxInf[2]/p:Cdtr/p:Nm")).isEqualTo("Lukasz Sliwinski & <Zoë>");
        assertThat(xml.text("//p:CdtTrfTxInf[2]/p:RmtInf/p:Ustrd")).isEqualTo("Hyra mars 2026");
    }

    @Test
    void cleansTextDirectly() {
        assertThat(Pain001Writer.text("Åke Ärlig-Öst", 35, "x")).isEqualTo("Åke Ärlig-Öst");
        assertThat(Pain001Writer.text("Ab\u0301c", 35, "x")).isEqualTo("Abc"); // no Latin-1 letter b with acute: the accent is dropped
        assertThat(Pain001Writer.text("e\u0301", 35, "x")).isEqualTo("é"); // composed into Latin-1
        assertThat(Pain001Writer.text("abcdef", 3, "x")).isEqualTo("abc");
        assertThat(Pain001Writer.text("ab cd", 3, "x")).isEqualTo("ab");
        assertThatThrownBy(() -> Pain001Writer.text("\u0001\u4e2d", 35, "Mottagarens namn"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Mottagarens namn innehåller inga tecken som kan skickas till banken");
    }

    @Test
    void refusesToWriteAFileTheSchemaRejects() {
        // 10^18 kronor has more digits (19) than the schema's amount types allow (18)
        CreditTransfer huge = new CreditTransfer("PAY-1", 1_000_000_000_000_000_000L, "Bo Ek",
                CreditorAccount.iban("SE3550000000054910000003"), "Försörjningsstöd 2026-01");

        assertThatThrownBy(() -> writer.write(batch(List.of(huge))))
                .isInstanceOf(Pain001ValidationException.class)
                .hasMessageStartingWith("Betalfilen följer inte schemat pain.001.001.03: cvc-")
                .hasMessageContaining("rad ")
                .message().doesNotContain("1000000000000000000");
    }

    @Test
    void validationNamesRuleAndPositionButNotTheValue() {
        String file = new String(writer.write(batch(sample())), StandardCharsets.UTF_8);

        byte[] badIban = file.replace("SE3550000000054910000003", "se35 bad account").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Pain001Writer.validate(badIban))
                .isInstanceOf(Pain001ValidationException.class)
                .hasMessageContaining("cvc-pattern-valid")
                .message().doesNotContain("bad account");

        byte[] noCount = file.replaceFirst("<NbOfTxs>3</NbOfTxs>", "").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Pain001Writer.validate(noCount)).isInstanceOf(Pain001ValidationException.class);

        byte[] lowerCaseCurrency = file.replace("Ccy=\"SEK\"", "Ccy=\"sek\"").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Pain001Writer.validate(lowerCaseCurrency)).isInstanceOf(Pain001ValidationException.class);

        byte[] threeDecimals = file.replace(">1234.00<", ">1234.001<").getBytes(StandardCharsets.UTF_8);
        assertThatCode(() -> Pain001Writer.validate(threeDecimals)).doesNotThrowAnyException(); // ISO allows 5 decimals

        assertThatThrownBy(() -> Pain001Writer.validate("<Document/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Pain001ValidationException.class);
    }

    @Test
    void refusesBadBatches() {
        CreditorAccount account = CreditorAccount.iban("SE3550000000054910000003");
        CreditTransfer one = new CreditTransfer("PAY-1", 100, "Bo Ek", account, "Försörjningsstöd 2026-01");

        assertThatThrownBy(() -> new CreditTransferBatch("MSG-1", CREATED, EXECUTION, List.of()))
                .hasMessage("En betalfil måste innehålla minst en betalning");
        assertThatThrownBy(() -> new CreditTransferBatch("MSG-1", CREATED, EXECUTION, List.of(one, one)))
                .hasMessage("Betalningens id förekommer två gånger i filen: PAY-1");
        assertThatThrownBy(() -> new CreditTransferBatch("M".repeat(36), CREATED, EXECUTION, List.of(one)))
                .hasMessageStartingWith("Filens id (MsgId) ska ha 1–35 tecken");
        assertThatThrownBy(() -> new CreditTransfer("PAY 1", 100, "Bo Ek", account, "x"))
                .hasMessageStartingWith("Betalningens id (EndToEndId) ska ha 1–35 tecken");
        assertThatThrownBy(() -> new CreditTransfer("PAY-å", 100, "Bo Ek", account, "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CreditTransfer("PAY-1", 0, "Bo Ek", account, "x"))
                .hasMessage("Beloppet ska vara större än 0 kr");
        assertThatThrownBy(() -> new CreditTransfer("PAY-1", -5, "Bo Ek", account, "x"))
                .hasMessage("Beloppet ska vara större än 0 kr");
        assertThatThrownBy(() -> new CreditTransfer("PAY-1", 5, " ", account, "x"))
                .hasMessage("Mottagarens namn saknas");
        assertThatThrownBy(() -> new CreditTransfer("PAY-1", 5, "Bo", account, ""))
                .hasMessage("Meddelandet till mottagaren saknas");
        assertThatThrownBy(() -> new CreditTransferBatch("MSG-1", CREATED, EXECUTION,
                List.of(new CreditTransfer("A", Long.MAX_VALUE, "Bo", account, "x"),
                        new CreditTransfer("B", Long.MAX_VALUE, "Bo", account, "x"))).controlSumKronor())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void refusesBadAccounts() {
        assertThatThrownBy(() -> CreditorAccount.iban("SE3550000000054910000004"))
                .hasMessage("Kontrollsiffrorna i IBAN stämmer inte");
        assertThatThrownBy(() -> CreditorAccount.swedish("33", "1234567"))
                .hasMessage("Clearingnumret ska ha 4 eller 5 siffror");
        assertThatThrownBy(() -> CreditorAccount.swedish("3300", "12a4"))
                .hasMessage("Kontonumret ska ha 1–15 siffror");
        assertThat(CreditorAccount.swedish("8214-9", "123 456 789-0")).isEqualTo(CreditorAccount.swedish("82149", "1234567890"));
    }

    @Test
    void toStringsKeepPersonalDataOut() {
        CreditTransfer transfer = sample().get(1);

        assertThat(transfer.toString()).isEqualTo("CreditTransfer[endToEndId=PAY-1002, amountKronor=13455]")
                .doesNotContain("Anders").doesNotContain("7810251234");
        assertThat(sample().get(0).creditorAccount().toString()).doesNotContain("5491000000");
        assertThat(transfer.creditorAccount().toString()).doesNotContain("78102512");
    }

    @Test
    void manyTransfersInOneFile() throws Exception {
        List<CreditTransfer> transfers = new ArrayList<>();
        long expected = 0;
        for (int i = 1; i <= 500; i++) {
            transfers.add(new CreditTransfer("PAY-" + i, i * 97L, "Mottagare " + i,
                    CreditorAccount.swedish("3300", Long.toString(7_810_250_000L + i)), "Försörjningsstöd 2026-01"));
            expected += i * 97L;
        }
        Xml xml = new Xml(writer.write(batch(transfers)));

        assertThat(xml.text("//p:GrpHdr/p:NbOfTxs")).isEqualTo("500");
        assertThat(new BigDecimal(xml.text("//p:GrpHdr/p:CtrlSum"))).isEqualByComparingTo(BigDecimal.valueOf(expected));
    }

    private static List<CreditTransfer> sample() {
        return List.of(
                new CreditTransfer("PAY-1001", 1234, "Åsa Öberg",
                        CreditorAccount.iban("SE35 5000 0000 0549 1000 0003"), "Försörjningsstöd 2026-01"),
                new CreditTransfer("PAY-1002", 13455, "Anders Ängström",
                        CreditorAccount.swedish("3300", "7810251234"), "Försörjningsstöd 2026-01"),
                new CreditTransfer("PAY-1003", 1, "Bo Ek",
                        CreditorAccount.swedish("8214-9", "123456789"), "Försörjningsstöd 2026-01"));
    }

    private static CreditTransferBatch batch(List<CreditTransfer> transfers) {
        return new CreditTransferBatch("STEGVIS-20260122-1", CREATED, EXECUTION, transfers);
    }

    /** Reads the written file with DOM and XPath, independently of the writer. */
    private static final class Xml {
        private final Document document;
        private final XPath xpath;

        Xml(byte[] file) throws Exception {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(file));
            xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                @Override
                public String getNamespaceURI(String prefix) {
                    return "p".equals(prefix) ? Pain001Writer.NAMESPACE : XMLConstants.NULL_NS_URI;
                }

                @Override
                public String getPrefix(String uri) {
                    return null;
                }

                @Override
                public java.util.Iterator<String> getPrefixes(String uri) {
                    return null;
                }
            });
        }

        String text(String expression) throws Exception {
            List<String> texts = texts(expression);
            assertThat(texts).as(expression).hasSize(1);
            return texts.get(0);
        }

        List<String> texts(String expression) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                texts.add(nodes.item(i).getTextContent());
            }
            return texts;
        }

        int count(String expression) throws Exception {
            return texts(expression).size();
        }
    }
}
