package se.stegvis.payment.pain001;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import se.stegvis.payment.PaymentProperties;

/**
 * Writes an ISO 20022 {@code pain.001.001.03} customer credit transfer initiation, the format Swedish
 * banks and Bankgirot accept for payment files, and refuses to return a file that is not valid against
 * the official schema ({@code src/main/resources/iso20022/pain.001.001.03.xsd}).
 *
 * <p>One file has one payment information block: the municipality's account (from
 * {@code stegvis.payment.debtor}) pays every transfer on the requested execution date, in SEK, as
 * non-urgent payments ({@code SvcLvl NURG}) with category purpose social security benefit ({@code SSBE}).
 * Amounts are whole kronor written with two decimals ({@code 1234.00}); the group header's number of
 * transactions and control sum are computed from the transfers.
 *
 * <p>Text: the schema allows any characters; banks carry a Latin character set, where Swedish å, ä, ö
 * (and the rest of Latin-1) are allowed. Names and messages are normalised (NFC), letters outside Latin-1
 * lose their accents (ś becomes s, ł becomes l), control characters
 * and other characters are dropped, runs of whitespace become one space, and the result is shortened to
 * {@value #NAME_MAX_LENGTH} characters for names (what Swedish clearing forwards) and
 * {@value #REMITTANCE_MAX_LENGTH} for the message (the schema's Max140Text). Ids are never shortened:
 * they must be unique, so a too-long id is refused.
 */
@Component
public class Pain001Writer {

    /** The message's XML namespace. */
    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    /** The official schema on the classpath. */
    public static final String SCHEMA_RESOURCE = "/iso20022/pain.001.001.03.xsd";
    /** Names longer than this are shortened. */
    public static final int NAME_MAX_LENGTH = 35;
    /** Remittance texts longer than this are shortened. */
    public static final int REMITTANCE_MAX_LENGTH = 140;
    /** The currency of every payment. */
    public static final String CURRENCY = "SEK";

    private static final String ID_PATTERN = "[A-Za-z0-9/\\-?:().,'+]{1,35}";
    private static final DateTimeFormatter CREATION_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final Schema SCHEMA = loadSchema();
    /** Latin letters outside Latin-1 that do not decompose into a base letter and an accent. */
    private static final Map<Integer, String> LATIN_WITHOUT_DECOMPOSITION = Map.of(
            (int) 'Ł', "L", (int) 'ł', "l", (int) 'Đ', "D", (int) 'đ', "d", (int) 'Œ', "OE", (int) 'œ', "oe",
            (int) 'ı', "i", (int) 'Ħ', "H", (int) 'ħ', "h");

    private final PaymentProperties.Debtor debtor;

    public Pain001Writer(PaymentProperties properties) {
        this.debtor = Objects.requireNonNull(properties, "properties").debtor();
    }

    /**
     * The pain.001 file for {@code batch}, UTF-8 encoded.
     *
     * @throws Pain001ValidationException if the file would not be valid against the schema
     */
    public byte[] write(CreditTransferBatch batch) {
        Objects.requireNonNull(batch, "batch");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            writeDocument(new IndentingWriter(xml), batch);
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Kunde inte skriva betalfilen", e);
        }
        byte[] file = out.toByteArray();
        validate(file);
        return file;
    }

    /**
     * Validates a file against the official pain.001.001.03 schema.
     *
     * @throws Pain001ValidationException naming the schema rule and position (never the value)
     */
    public static void validate(byte[] file) {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new ByteArrayInputStream(file)));
        } catch (SAXParseException e) {
            throw new Pain001ValidationException("Betalfilen följer inte schemat pain.001.001.03: "
                    + ruleOf(e) + " (rad " + e.getLineNumber() + ", kolumn " + e.getColumnNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new Pain001ValidationException("Betalfilen kunde inte kontrolleras mot schemat pain.001.001.03");
        }
    }

    private void writeDocument(IndentingWriter w, CreditTransferBatch batch) throws XMLStreamException {
        String transactions = Integer.toString(batch.transfers().size());
        String controlSum = amount(batch.controlSumKronor());
        w.xml.writeStartDocument("UTF-8", "1.0");
        w.start("Document");
        w.xml.writeDefaultNamespace(NAMESPACE);
        w.start("CstmrCdtTrfInitn");

        w.start("GrpHdr");
        w.leaf("MsgId", batch.messageId());
        w.leaf("CreDtTm", CREATION_TIME.format(batch.creationTime().truncatedTo(ChronoUnit.SECONDS)));
        w.leaf("NbOfTxs", transactions);
        w.leaf("CtrlSum", controlSum);
        w.start("InitgPty");
        w.leaf("Nm", text(debtor.name(), NAME_MAX_LENGTH, "Betalarens namn"));
        writeOrganisationId(w);
        w.end();
        w.end(); // GrpHdr

        w.start("PmtInf");
        w.leaf("PmtInfId", batch.messageId());
        w.leaf("PmtMtd", "TRF");
        w.leaf("NbOfTxs", transactions);
        w.leaf("CtrlSum", controlSum);
        w.start("PmtTpInf");
        w.start("SvcLvl");
        w.leaf("Cd", "NURG");
        w.end();
        w.start("CtgyPurp");
        w.leaf("Cd", "SSBE");
        w.end();
        w.end(); // PmtTpInf
        w.leaf("ReqdExctnDt", batch.requestedExecutionDate().toString());
        w.start("Dbtr");
        w.leaf("Nm", text(debtor.name(), NAME_MAX_LENGTH, "Betalarens namn"));
        writeOrganisationId(w);
        w.end();
        w.start("DbtrAcct");
        w.start("Id");
        w.leaf("IBAN", debtor.iban());
        w.end();
        w.leaf("Ccy", CURRENCY);
        w.end();
        w.start("DbtrAgt");
        w.start("FinInstnId");
        w.leaf("BIC", debtor.bic());
        w.end();
        w.end();
        for (CreditTransfer transfer : batch.transfers()) {
            writeTransfer(w, transfer);
        }
        w.end(); // PmtInf

        w.end(); // CstmrCdtTrfInitn
        w.end(); // Document
        w.xml.writeEndDocument();
    }

    private void writeOrganisationId(IndentingWriter w) throws XMLStreamException {
        w.start("Id");
        w.start("OrgId");
        w.start("Othr");
        w.leaf("Id", debtor.organisationsnummer());
        w.start("SchmeNm");
        w.leaf("Cd", debtor.identificationScheme());
        w.end();
        w.end();
        w.end();
        w.end();
    }

    private static void writeTransfer(IndentingWriter w, CreditTransfer transfer) throws XMLStreamException {
        w.start("CdtTrfTxInf");
        w.start("PmtId");
        w.leaf("InstrId", transfer.endToEndId());
        w.leaf("EndToEndId", transfer.endToEndId());
        w.end();
        w.start("Amt");
        w.start("InstdAmt");
        w.xml.writeAttribute("Ccy", CURRENCY);
        w.xml.writeCharacters(amount(transfer.amountKronor()));
        w.endInline();
        w.end(); // Amt
        if (transfer.creditorAccount() instanceof CreditorAccount.SwedishBankAccount account) {
            w.start("CdtrAgt");
            w.start("FinInstnId");
            w.start("ClrSysMmbId");
            w.start("ClrSysId");
            w.leaf("Cd", "SESBA");
            w.end();
            w.leaf("MmbId", account.clearingNumber());
            w.end();
            w.end();
            w.end();
        }
        w.start("Cdtr");
        w.leaf("Nm", text(transfer.creditorName(), NAME_MAX_LENGTH, "Mottagarens namn"));
        w.end();
        w.start("CdtrAcct");
        w.start("Id");
        if (transfer.creditorAccount() instanceof CreditorAccount.ByIban iban) {
            w.leaf("IBAN", iban.iban().value());
        } else if (transfer.creditorAccount() instanceof CreditorAccount.SwedishBankAccount account) {
            w.start("Othr");
            w.leaf("Id", account.bban());
            w.start("SchmeNm");
            w.leaf("Cd", "BBAN");
            w.end();
            w.end();
        }
        w.end(); // Id
        w.end(); // CdtrAcct
        w.start("RmtInf");
        w.leaf("Ustrd", text(transfer.remittanceInformation(), REMITTANCE_MAX_LENGTH, "Meddelandet"));
        w.end();
        w.end(); // CdtTrfTxInf
    }

    /** Whole kronor with two decimals, {@code 1234.00}. */
    static String amount(long kronor) {
        return BigDecimal.valueOf(kronor).setScale(2).toPlainString();
    }

    /**
     * Cleans a free text for the file: NFC, Latin-1 letters kept, accents removed from other Latin
     * letters, control and other characters dropped, whitespace collapsed, shortened to {@code max}
     * characters.
     */
    static String text(String input, int max, String what) {
        String nfc = Normalizer.normalize(input, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        nfc.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (isPrintableLatin1(cp)) {
                out.appendCodePoint(cp);
            } else if (LATIN_WITHOUT_DECOMPOSITION.containsKey(cp)) {
                out.append(LATIN_WITHOUT_DECOMPOSITION.get(cp));
            } else {
                Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD).codePoints()
                        .filter(Pain001Writer::isPrintableLatin1)
                        .forEach(out::appendCodePoint);
            }
        });
        String cleaned = out.toString().replaceAll(" +", " ").strip();
        if (cleaned.length() > max) {
            cleaned = cleaned.substring(0, max).stripTrailing();
        }
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException(what + " innehåller inga tecken som kan skickas till banken");
        }
        return cleaned;
    }

    /**
     * Whether a name can go to the bank as it is written: every character is a space, a printable Latin-1 character
     * (å, ä, ö included) or a Latin letter that only loses its accent. A name in another script (Arabic, Cyrillic,
     * ...) or with characters the file would drop is not: it is refused where the account is registered
     * ({@code payoutAccount.accountHolder}), instead of failing the payment file on the payment day.
     */
    public static boolean canCarry(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return Normalizer.normalize(name, Normalizer.Form.NFC).codePoints().allMatch(cp ->
                Character.isWhitespace(cp) || Character.isSpaceChar(cp) || isPrintableLatin1(cp)
                        || LATIN_WITHOUT_DECOMPOSITION.containsKey(cp) || latinWithAccent(cp));
    }

    /** A letter whose canonical decomposition is a Latin-1 letter followed by combining accents only. */
    private static boolean latinWithAccent(int cp) {
        String nfd = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFD);
        int base = nfd.codePointAt(0);
        return Character.isLetter(base) && isPrintableLatin1(base) && nfd.codePoints().skip(1)
                .allMatch(c -> Character.getType(c) == Character.NON_SPACING_MARK);
    }

    /**
     * Checks one transfer as {@link #write} would write it, so that a file can leave out a transfer it cannot carry
     * and pay the rest.
     *
     * @throws IllegalArgumentException saying what cannot be written (never the value)
     */
    public static void checkWritable(CreditTransfer transfer) {
        requireIdentifier(transfer.endToEndId(), "Betalningens id");
        text(transfer.creditorName(), NAME_MAX_LENGTH, "Mottagarens namn");
        text(transfer.remittanceInformation(), REMITTANCE_MAX_LENGTH, "Meddelandet");
    }

    static void requireIdentifier(String id, String what) {
        if (id == null || !id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException(what
                    + " ska ha 1–35 tecken av A–Z, a–z, 0–9 och - / ? : ( ) . , ' +");
        }
    }

    private static boolean isPrintableLatin1(int cp) {
        return (cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD);
    }

    private static String ruleOf(SAXParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int colon = message.indexOf(':');
        return colon > 0 && !message.substring(0, colon).contains(" ") ? message.substring(0, colon) : "schemafel";
    }

    private static Schema loadSchema() {
        URL xsd = Pain001Writer.class.getResource(SCHEMA_RESOURCE);
        if (xsd == null) {
            throw new IllegalStateException("Schemat " + SCHEMA_RESOURCE + " saknas på klassvägen");
        }
        try (InputStream in = xsd.openStream()) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(new StreamSource(in, xsd.toExternalForm()));
        } catch (SAXException | IOException e) {
            throw new IllegalStateException("Schemat " + SCHEMA_RESOURCE + " kunde inte läsas", e);
        }
    }

    /** Writes one element per line, indented two spaces a level, so that people can read the file. */
    private static final class IndentingWriter {
        private final XMLStreamWriter xml;
        private int depth;

        IndentingWriter(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String name) throws XMLStreamException {
            newline();
            xml.writeStartElement(name);
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            newline();
            xml.writeEndElement();
        }

        /** Closes an element whose text was just written, on the same line. */
        void endInline() throws XMLStreamException {
            depth--;
            xml.writeEndElement();
        }

        void leaf(String name, String value) throws XMLStreamException {
            newline();
            xml.writeStartElement(name);
            xml.writeCharacters(value);
            xml.writeEndElement();
        }

        private void newline() throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
