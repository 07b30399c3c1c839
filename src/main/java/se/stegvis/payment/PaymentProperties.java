package se.stegvis.payment;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.stegvis.payment.domain.Iban;

/**
 * Payment settings, {@code stegvis.payment.*}.
 *
 * @param day    the day of the month the money is paid (1–31, default 27); moved to the previous banking
 *               day when banks are closed, see {@link se.stegvis.payment.domain.BankingCalendar#paymentDate}
 * @param debtor the municipality's own account the payments are made from
 */
@ConfigurationProperties("stegvis.payment")
public record PaymentProperties(@DefaultValue("27") int day, @DefaultValue Debtor debtor) {

    public PaymentProperties {
        if (day < 1 || day > 31) {
            throw new IllegalArgumentException("stegvis.payment.day ska vara mellan 1 och 31, var " + day);
        }
        Objects.requireNonNull(debtor, "stegvis.payment.debtor");
    }

    /**
     * The payer in the payment file. The defaults in {@code application.yaml} are <strong>examples</strong>
     * (Norrköpings kommun's organisationsnummer with an example IBAN and BIC), not a real account: every
     * municipality sets its own.
     *
     * @param name               the name shown to the bank (at most 70 characters)
     * @param organisationsnummer ten digits, with or without hyphen, with a valid check digit
     * @param bic                the bank's BIC, 8 or 11 characters
     * @param iban               the municipality's account as an IBAN
     * @param identificationScheme the code under which the bank knows the organisationsnummer in the file
     *                           ({@code InitgPty/Id/OrgId/Othr/SchmeNm/Cd}); the bank's implementation guide
     *                           says which, commonly {@code BANK}
     */
    public record Debtor(
            @DefaultValue("Norrköpings kommun") String name,
            @DefaultValue("212000-0514") String organisationsnummer,
            @DefaultValue("ESSESESS") String bic,
            @DefaultValue("SE4550000000058398257466") String iban,
            @DefaultValue("BANK") String identificationScheme) {

        public Debtor {
            if (name == null || name.isBlank() || name.length() > 70) {
                throw new IllegalArgumentException("stegvis.payment.debtor.name ska vara 1–70 tecken");
            }
            organisationsnummer = normaliseOrganisationsnummer(organisationsnummer);
            if (bic == null || !bic.matches("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?")) {
                throw new IllegalArgumentException("stegvis.payment.debtor.bic är ingen giltig BIC");
            }
            iban = Iban.parse(iban).value();
            if (identificationScheme == null || !identificationScheme.matches("[A-Z]{4}")) {
                throw new IllegalArgumentException("stegvis.payment.debtor.identification-scheme ska vara fyra versaler");
            }
        }

        private static String normaliseOrganisationsnummer(String input) {
            String digits = input == null ? "" : input.replace("-", "").strip();
            if (!digits.matches("\\d{10}")) {
                throw new IllegalArgumentException("stegvis.payment.debtor.organisationsnummer ska ha 10 siffror");
            }
            int sum = 0;
            for (int i = 0; i < 10; i++) {
                int product = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
                sum += product > 9 ? product - 9 : product;
            }
            if (sum % 10 != 0) {
                throw new IllegalArgumentException("Kontrollsiffran i stegvis.payment.debtor.organisationsnummer stämmer inte");
            }
            return digits;
        }
    }
}
