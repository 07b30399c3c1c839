package se.stegvis.letter;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Everything a decision letter (beslutsbrev) shows. Amounts are whole kronor. The constructor refuses a letter that
 * would be wrong on paper: missing reasons for delvis bifall or avslag, sums that do not add up, a granted amount
 * that does not follow from the calculation, an unmasked personnummer.
 *
 * @param caseReference   the application id or diarienummer printed as "Ärende"
 * @param recipient       who the letter is addressed to
 * @param decisionDate    the date of the decision; also selects the legal ground (juridik.yaml)
 * @param monthApplied    the month applied for
 * @param kind            bifall, delvis bifall or avslag
 * @param grantedAmount   the amount granted and paid; 0 for avslag
 * @param calculation     the calculation, line by line, with totals
 * @param reasons         the reasons (skäl); required for delvis bifall and avslag, optional for bifall.
 *                        Paragraphs are separated by blank lines
 * @param reduction       an optional nedsättning decided separately (frånvaro utan godtagbart skäl), or null
 * @param caseworkerName  the caseworker (handläggare) who investigated
 * @param approverName    the team leader who attested the decision, or null when the caseworker decided alone
 * @param paymentDate     the payment day; required when money is granted, null for avslag
 * @param emergencyAidOnly a decision on nödbistånd only (not lawfully resident, from 2027-01): the letter explains
 *                        that instead of the calculation by the riksnorm; the amount granted is the acute need as the
 *                        caseworker decided it (delvis bifall, with reasons) or nothing (avslag), never bifall
 */
public record DecisionLetter(
        String caseReference,
        Recipient recipient,
        LocalDate decisionDate,
        YearMonth monthApplied,
        DecisionKind kind,
        long grantedAmount,
        Calculation calculation,
        String reasons,
        Reduction reduction,
        String caseworkerName,
        String approverName,
        LocalDate paymentDate,
        boolean emergencyAidOnly) {

    /** A decision on the ordinary calculation (not nödbistånd only). */
    public DecisionLetter(String caseReference, Recipient recipient, LocalDate decisionDate, YearMonth monthApplied,
                          DecisionKind kind, long grantedAmount, Calculation calculation, String reasons,
                          Reduction reduction, String caseworkerName, String approverName, LocalDate paymentDate) {
        this(caseReference, recipient, decisionDate, monthApplied, kind, grantedAmount, calculation, reasons, reduction,
                caseworkerName, approverName, paymentDate, false);
    }

    public DecisionLetter {
        requireText(caseReference, "Ärendenummer saknas");
        requirePresent(recipient, "Mottagare saknas");
        requirePresent(decisionDate, "Beslutsdatum saknas");
        requirePresent(monthApplied, "Ansökningsmånad saknas");
        requirePresent(kind, "Beslutstyp saknas");
        requirePresent(calculation, "Beräkning saknas");
        requireText(caseworkerName, "Handläggarens namn saknas");
        if (kind.requiresReasons() && isBlank(reasons)) {
            throw new IllegalArgumentException("Skäl för beslutet måste anges vid " + kind.label().toLowerCase()
                    + " (förvaltningslagen 32 §)");
        }
        long afterReduction = Math.max(0, calculation.assistance() - (reduction == null ? 0 : reduction.amount()));
        if (emergencyAidOnly && kind == DecisionKind.BIFALL) {
            throw new IllegalArgumentException("Ett beslut om endast nödbistånd är delvis bifall eller avslag, inte bifall");
        }
        switch (kind) {
            case AVSLAG -> {
                if (grantedAmount != 0) {
                    throw new IllegalArgumentException("Vid avslag ska beviljat belopp vara 0 kr, inte " + grantedAmount);
                }
            }
            case BIFALL -> {
                if (grantedAmount != afterReduction) {
                    throw new IllegalArgumentException("Vid bifall ska beviljat belopp (" + grantedAmount
                            + ") vara det beräknade biståndet efter eventuell nedsättning (" + afterReduction + ")");
                }
            }
            case DELVIS_BIFALL -> {
                // Partly granted: either less than the calculation, or the calculation itself left out what was
                // applied for (a cost found unreasonable). Never more than the calculation.
                if (!emergencyAidOnly && grantedAmount > afterReduction) {
                    throw new IllegalArgumentException("Vid delvis bifall får beviljat belopp (" + grantedAmount
                            + ") inte vara större än det beräknade biståndet efter eventuell nedsättning ("
                            + afterReduction + ")");
                }
            }
        }
        if (kind.grantsMoney()) {
            if (grantedAmount <= 0) {
                throw new IllegalArgumentException("Vid " + kind.label().toLowerCase()
                        + " ska beviljat belopp vara större än 0 kr");
            }
            requirePresent(paymentDate, "Utbetalningsdag saknas");
        } else if (paymentDate != null) {
            throw new IllegalArgumentException("Vid avslag görs ingen utbetalning; utbetalningsdag ska saknas");
        }
        reasons = isBlank(reasons) ? null : reasons.strip();
        approverName = isBlank(approverName) ? null : approverName.strip();
    }

    /**
     * The addressee. Names and addresses are not in Stegvis's data model yet; the caller passes what the letter
     * shows. The personnummer is shown masked (e.g. {@code 19850312-XXXX}); a full personnummer is refused.
     */
    public record Recipient(String displayName, List<String> addressLines, String maskedPersonnummer) {

        private static final Pattern FULL_PERSONNUMMER = Pattern.compile("(\\d{2})?\\d{6}[-+]?\\d{4}");

        public Recipient {
            requireText(displayName, "Mottagarens namn saknas");
            addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
            requireText(maskedPersonnummer, "Maskerat personnummer saknas");
            if (FULL_PERSONNUMMER.matcher(maskedPersonnummer.strip()).matches()) {
                throw new IllegalArgumentException("Personnumret ska vara maskerat i brevet (t.ex. 19850312-XXXX)");
            }
        }
    }

    /** One line of the calculation: what it is and the amount per month in whole kronor. */
    public record CalculationLine(String description, long amount) {

        public CalculationLine {
            requireText(description, "Beskrivning saknas på en beräkningsrad");
        }
    }

    /**
     * The calculation as the norm service made it: the riksnorm lines, the reasonable costs outside the norm, the
     * incomes, and their totals. The totals must be the sums of the lines, and the assistance must be
     * norm + costs − incomes (never below 0), so the letter never shows arithmetic that does not add up.
     */
    public record Calculation(
            List<CalculationLine> normLines,
            List<CalculationLine> costLines,
            List<CalculationLine> incomeLines,
            long normTotal,
            long costsTotal,
            long incomesTotal,
            long assistance) {

        public Calculation {
            normLines = List.copyOf(requirePresent(normLines, "Normrader saknas"));
            costLines = List.copyOf(requirePresent(costLines, "Kostnadsrader saknas"));
            incomeLines = List.copyOf(requirePresent(incomeLines, "Inkomstrader saknas"));
            requireSum("riksnormen", normLines, normTotal);
            requireSum("skäliga kostnader", costLines, costsTotal);
            requireSum("inkomster", incomeLines, incomesTotal);
            long expected = Math.max(0, normTotal + costsTotal - incomesTotal);
            if (assistance != expected) {
                throw new IllegalArgumentException("Beräknat bistånd " + assistance + " stämmer inte med norm + kostnader"
                        + " − inkomster = " + expected);
            }
        }

        /** A calculation whose totals are computed from the lines. */
        public static Calculation of(List<CalculationLine> normLines, List<CalculationLine> costLines,
                List<CalculationLine> incomeLines) {
            long norm = sum(normLines);
            long costs = sum(costLines);
            long incomes = sum(incomeLines);
            return new Calculation(normLines, costLines, incomeLines, norm, costs, incomes,
                    Math.max(0, norm + costs - incomes));
        }

        private static void requireSum(String what, List<CalculationLine> lines, long total) {
            if (sum(lines) != total) {
                throw new IllegalArgumentException("Summan för " + what + " (" + total + ") stämmer inte med raderna ("
                        + sum(lines) + ")");
            }
        }

        private static long sum(List<CalculationLine> lines) {
            return lines.stream().mapToLong(CalculationLine::amount).sum();
        }
    }

    /** A nedsättning of försörjningsstödet decided separately; the amount (positive) is deducted. */
    public record Reduction(String description, long amount) {

        public Reduction {
            requireText(description, "Beskrivning av nedsättningen saknas");
            if (amount <= 0) {
                throw new IllegalArgumentException("Nedsättningen ska vara större än 0 kr");
            }
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T requirePresent(T value, String message) {
        if (value == null) {
            throw new IllegalArgumentException(message);
        }
        return value;
    }

    private static void requireText(String s, String message) {
        if (isBlank(s)) {
            throw new IllegalArgumentException(message);
        }
    }
}
