package se.stegvis.letter;

import java.time.LocalDate;
import java.time.YearMonth;
import se.stegvis.letter.DecisionLetter.Recipient;

/**
 * Everything a decision letter on a reduction of försörjningsstöd (beslut om nedsättning) shows: the outcome, the
 * amount and the month it applies to, what happened, the reasons, the legal ground (chosen by the decision date) and,
 * for a reduction, how to appeal (35 kap. 1 § p. 2 SoL 2025:400). The constructor refuses a letter that would be wrong
 * on paper: no reasons, a reduction without a positive amount or month, an amount when nothing is reduced.
 *
 * @param caseReference  printed as "Ärende"
 * @param recipient      who the letter is addressed to (personnummer masked)
 * @param decisionDate   the date of the decision; also selects the law (juridik.yaml)
 * @param ground         why a reduction was considered
 * @param outcome        reduced, or not
 * @param amount         the reduction in whole kronor; 0 when not reduced
 * @param month          the month of försörjningsstöd the reduction applies to; null when not reduced
 * @param occasion       what happened (the absence), as recorded when the reduction was proposed
 * @param reasons        the written reasons (förvaltningslagen 32 §); blank lines separate paragraphs
 * @param caseworkerName the caseworker who decided
 */
public record ReductionLetter(
        String caseReference,
        Recipient recipient,
        LocalDate decisionDate,
        ReductionGround ground,
        Outcome outcome,
        long amount,
        YearMonth month,
        String occasion,
        String reasons,
        String caseworkerName) {

    /** The decision on a proposed reduction, with the label the letter shows. */
    public enum Outcome {
        REDUCED("Nedsättning"),
        NOT_REDUCED("Ingen nedsättning");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ReductionLetter {
        requireText(caseReference, "Ärendenummer saknas");
        require(recipient != null, "Mottagare saknas");
        require(decisionDate != null, "Beslutsdatum saknas");
        require(ground != null, "Grunden för nedsättningen saknas");
        require(outcome != null, "Beslutet saknas");
        requireText(occasion, "Vad som hänt saknas");
        requireText(reasons, "Skäl för beslutet måste anges (förvaltningslagen 32 §)");
        requireText(caseworkerName, "Handläggarens namn saknas");
        if (outcome == Outcome.REDUCED) {
            require(amount > 0, "En nedsättning ska vara större än 0 kr");
            require(month != null, "Månaden som nedsättningen gäller saknas");
        } else {
            require(amount == 0 && month == null, "Utan nedsättning ska belopp och månad saknas");
        }
        reasons = reasons.strip();
        occasion = occasion.strip();
    }

    /** A reduction is appealable (35 kap. 1 § p. 2); a decision not to reduce goes the client's way. */
    public boolean appealable() {
        return outcome == Outcome.REDUCED;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireText(String s, String message) {
        require(s != null && !s.isBlank(), message);
    }
}
