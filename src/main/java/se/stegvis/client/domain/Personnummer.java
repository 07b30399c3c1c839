package se.stegvis.client.domain;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Objects;

import se.stegvis.client.domain.InvalidPersonnummerException.Reason;

/**
 * A Swedish personnummer or samordningsnummer (coordination number), held in its normalised 12-digit
 * form {@code YYYYMMDDNNNC}.
 *
 * <p>Rules (Skatteverket, SKV 704 and SKV 707):
 * <ul>
 *   <li>Ten digits {@code YYMMDD-NNNC} or twelve digits {@code YYYYMMDD-NNNC}, the separator optional.</li>
 *   <li>The date is a real calendar date; in a samordningsnummer the day is increased by 60
 *       ({@code 701063-2391} is someone born 3 October 1970).</li>
 *   <li>The last digit is a Luhn (modulus 10) check digit over the ten-digit form.</li>
 *   <li>In the ten-digit form the century is not written. Skatteverket's rule: the separator is
 *       {@code -} until the year the person turns 100, and {@code +} from then on. So a ten-digit number
 *       with {@code -} (or none) belongs to the latest century that puts the birth date on or before
 *       today, and {@code +} moves it one century further back. That makes the result depend on the day
 *       it is read, which is why {@link #parse(String, Clock)} takes a clock.</li>
 * </ul>
 *
 * <p>{@link #toString()} masks the number, so that it never reaches a log by accident. Use
 * {@link #value()} to store it and {@link #formatted()} to show it to someone entitled to see it.
 *
 * @param value the normalised twelve digits, {@code YYYYMMDDNNNC}
 */
public record Personnummer(String value) {

    private static final int SAMORDNING_DAY_OFFSET = 60;

    /**
     * Checks the normalised form: twelve digits, a real date (day minus 60 for a samordningsnummer) and
     * the right check digit. It does not know today's date, so it accepts birth dates in the future;
     * {@link #parse(String, LocalDate)} is the way in for what a user typed.
     *
     * @throws InvalidPersonnummerException when the value is not a valid normalised number
     */
    public Personnummer {
        if (value == null || value.isEmpty()) {
            throw new InvalidPersonnummerException(Reason.EMPTY);
        }
        if (!value.chars().allMatch(Personnummer::isAsciiDigit)) {
            throw new InvalidPersonnummerException(Reason.FORMAT);
        }
        if (value.length() != 12) {
            throw new InvalidPersonnummerException(Reason.LENGTH);
        }
        birthDateOf(Integer.parseInt(value.substring(0, 4)), value.substring(4, 6), value.substring(6, 8));
        if (!hasValidCheckDigit(value.substring(2))) {
            throw new InvalidPersonnummerException(Reason.CHECK_DIGIT);
        }
    }

    /** Parses what a person typed, inferring the century of a ten-digit number from the clock's date. */
    public static Personnummer parse(String input, Clock clock) {
        return parse(input, LocalDate.now(clock));
    }

    /**
     * Parses what a person typed: 10 or 12 digits, with or without {@code -} or {@code +} before the last
     * four, surrounded by any whitespace.
     *
     * @param today the date the number is read on, for the century of a ten-digit number and to refuse
     *              birth dates in the future
     * @throws InvalidPersonnummerException with a Swedish message saying what is wrong
     */
    public static Personnummer parse(String input, LocalDate today) {
        Objects.requireNonNull(today, "today");
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new InvalidPersonnummerException(Reason.EMPTY);
        }
        char separator = 0;
        StringBuilder digits = new StringBuilder(12);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiDigit(c)) {
                digits.append(c);
            } else if ((c == '-' || c == '+') && separator == 0) {
                separator = c;
            } else {
                throw new InvalidPersonnummerException(Reason.FORMAT);
            }
        }
        if (digits.length() != 10 && digits.length() != 12) {
            throw new InvalidPersonnummerException(Reason.LENGTH);
        }
        if (separator != 0 && text.indexOf(separator) != text.length() - 5) {
            throw new InvalidPersonnummerException(Reason.FORMAT);
        }
        String twelve;
        if (digits.length() == 12) {
            if (separator == '+') {
                throw new InvalidPersonnummerException(Reason.PLUS_WITH_CENTURY);
            }
            twelve = digits.toString();
        } else {
            int year = inferYear(digits.toString(), separator == '+', today);
            twelve = String.format("%04d", year) + digits.substring(2);
        }
        Personnummer personnummer = new Personnummer(twelve);
        if (personnummer.birthDate().isAfter(today)) {
            throw new InvalidPersonnummerException(Reason.FUTURE_DATE);
        }
        return personnummer;
    }

    /** Whether {@code input} is a valid personnummer or samordningsnummer on {@code today}. */
    public static boolean isValid(String input, LocalDate today) {
        try {
            parse(input, today);
            return true;
        } catch (InvalidPersonnummerException e) {
            return false;
        }
    }

    /** Whether this is a samordningsnummer (the day of birth increased by 60). */
    public boolean isSamordningsnummer() {
        return Integer.parseInt(value.substring(6, 8)) > SAMORDNING_DAY_OFFSET;
    }

    /** The date of birth, for a samordningsnummer with the 60 taken off the day. */
    public LocalDate birthDate() {
        return birthDateOf(Integer.parseInt(value.substring(0, 4)), value.substring(4, 6), value.substring(6, 8));
    }

    /** The twelve digits with a hyphen before the last four, {@code YYYYMMDD-NNNC}, for display. */
    public String formatted() {
        return value.substring(0, 8) + "-" + value.substring(8);
    }

    /** A masked form that only shows the birth year: {@code Personnummer[1981****-****]}. */
    @Override
    public String toString() {
        return "Personnummer[" + value.substring(0, 4) + "****-****]";
    }

    /** Computes the Luhn check digit for the first nine of the ten-digit form {@code YYMMDDNNN}. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int product = (nineDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    private static boolean hasValidCheckDigit(String tenDigits) {
        return checkDigit(tenDigits.substring(0, 9)) == tenDigits.charAt(9) - '0';
    }

    private static int inferYear(String tenDigits, boolean hundredOrOlder, LocalDate today) {
        int yy = Integer.parseInt(tenDigits.substring(0, 2));
        int month = Integer.parseInt(tenDigits.substring(2, 4));
        int day = Integer.parseInt(tenDigits.substring(4, 6));
        if (day > SAMORDNING_DAY_OFFSET) {
            day -= SAMORDNING_DAY_OFFSET;
        }
        int year = today.getYear() / 100 * 100 + yy;
        if (year > today.getYear()
                || (year == today.getYear() && isValidMonthDay(month, day)
                        && MonthDay.of(month, day).isAfter(MonthDay.from(today)))) {
            year -= 100;
        }
        return hundredOrOlder ? year - 100 : year;
    }

    private static boolean isValidMonthDay(int month, int day) {
        try {
            MonthDay.of(month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static LocalDate birthDateOf(int year, String month, String day) {
        int dayOfMonth = Integer.parseInt(day);
        if (dayOfMonth > SAMORDNING_DAY_OFFSET) {
            dayOfMonth -= SAMORDNING_DAY_OFFSET;
        }
        if (year < 1800) {
            throw new InvalidPersonnummerException(Reason.DATE);
        }
        try {
            return LocalDate.of(year, Integer.parseInt(month), dayOfMonth);
        } catch (DateTimeException e) {
            throw new InvalidPersonnummerException(Reason.DATE);
        }
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
