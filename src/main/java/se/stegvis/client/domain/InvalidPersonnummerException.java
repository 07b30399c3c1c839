package se.stegvis.client.domain;

/**
 * Thrown when a text is not a valid personnummer or samordningsnummer. The message is Swedish and
 * says what is wrong, so that it can be shown to the person who typed the number; it never repeats
 * the number itself (personal data stays out of logs).
 */
public class InvalidPersonnummerException extends IllegalArgumentException {

    /** What is wrong with the number. */
    public enum Reason {
        /** Nothing given. */
        EMPTY("Personnummer saknas."),
        /** Characters other than digits and one separator, or the separator in the wrong place. */
        FORMAT("Personnumret får bara innehålla siffror och ett bindestreck eller plustecken före de fyra sista "
                + "siffrorna."),
        /** Neither 10 nor 12 digits. */
        LENGTH("Personnumret ska ha 10 eller 12 siffror."),
        /** A plus sign in the 12-digit form, where the century is already written out. */
        PLUS_WITH_CENTURY("Plustecken används bara i det tiosiffriga formatet (för den som fyllt 100 år)."),
        /** The birth date (for a samordningsnummer: the day minus 60) is not a calendar date. */
        DATE("Personnumret innehåller inget giltigt födelsedatum."),
        /** The birth date lies after today. */
        FUTURE_DATE("Födelsedatumet i personnumret ligger i framtiden."),
        /** The Luhn check digit does not match. */
        CHECK_DIGIT("Kontrollsiffran i personnumret stämmer inte.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The Swedish text for a user. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public InvalidPersonnummerException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
