package se.stegvis.letter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Amounts and dates the way a Swedish letter writes them: "15 420 kr", "22 november 2026", "december 2026". */
public final class SwedishFormat {

    /** Non-breaking space: groups digits and keeps the amount and "kr" on one line. */
    public static final char NBSP = '\u00A0';
    /** The typographic minus sign Swedish texts use for negative amounts. */
    public static final char MINUS = '\u2212';

    private static final Locale SWEDISH = Locale.forLanguageTag("sv-SE");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", SWEDISH);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", SWEDISH);

    private SwedishFormat() {}

    /** {@code 15420 → "15 420 kr"}, {@code -300 → "−300 kr"} (non-breaking spaces). */
    public static String kronor(long amount) {
        String digits = Long.toString(Math.abs(amount));
        if (amount == Long.MIN_VALUE) {
            digits = digits.substring(1);
        }
        StringBuilder grouped = new StringBuilder(digits.length() + 8);
        int lead = digits.length() % 3;
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                grouped.append(NBSP);
            }
            grouped.append(digits.charAt(i));
        }
        return (amount < 0 ? String.valueOf(MINUS) : "") + grouped + NBSP + "kr";
    }

    /** {@code 2026-11-22 → "22 november 2026"}. */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** {@code 2026-12 → "december 2026"}. */
    public static String month(YearMonth month) {
        return MONTH.format(month);
    }
}
