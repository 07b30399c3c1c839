package se.stegvis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** The text of a PDF letter as a reader sees it, on one line: line breaks and runs of spaces become one space. */
public final class PdfText {

    private PdfText() {}

    public static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true); // as read on the page: inline runs are drawn out of order
            String raw = stripper.getText(document);
            return raw.replace('\u00A0', ' ').replaceAll("[ \\t]*\\R[ \\t]*", " ").replaceAll(" {2,}", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
