package se.stegvis.payment.domain;

import java.math.BigInteger;
import java.util.Map;

/**
 * An International Bank Account Number, checked by length (for the countries listed) and the ISO 13616
 * modulus-97 check digits. Held in its electronic form: upper case, no spaces.
 * {@link #toString()} masks the account: an account number tells whose it is.
 *
 * @param value the electronic form, e.g. {@code SE4550000000058398257466}
 */
public record Iban(String value) {

    private static final Map<String, Integer> LENGTHS = Map.of(
            "SE", 24, "NO", 15, "DK", 18, "FI", 18, "DE", 22, "GB", 22, "FR", 27, "NL", 18, "EE", 20, "PL", 28);

    public Iban {
        if (value == null || !value.matches("[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}")) {
            throw new IllegalArgumentException("IBAN ska börja med landskod och två kontrollsiffror och bara innehålla A–Z och 0–9");
        }
        Integer length = LENGTHS.get(value.substring(0, 2));
        if (length != null && value.length() != length) {
            throw new IllegalArgumentException("IBAN för " + value.substring(0, 2) + " ska ha " + length + " tecken");
        }
        String rearranged = value.substring(4) + value.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        if (new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() != 1) {
            throw new IllegalArgumentException("Kontrollsiffrorna i IBAN stämmer inte");
        }
    }

    /** Accepts the printed form too: spaces removed, letters upper-cased. */
    public static Iban parse(String input) {
        if (input == null) {
            throw new IllegalArgumentException("IBAN saknas");
        }
        return new Iban(input.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT));
    }

    /** The country code and the last four characters only. */
    @Override
    public String toString() {
        return "Iban[" + value.substring(0, 2) + "**…" + value.substring(value.length() - 4) + "]";
    }
}
