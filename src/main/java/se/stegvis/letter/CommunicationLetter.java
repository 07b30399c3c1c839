package se.stegvis.letter;

import java.time.LocalDate;
import se.stegvis.letter.DecisionLetter.Recipient;

/**
 * The kommunicering before a decision on a reduction of försörjningsstöd: what the office considers deciding and
 * why, the amount, the day by which the client may answer, and that the client may answer in writing or orally
 * (SoL 2025:400 14 kap. 8 §; förvaltningslagen 25 §). Not a decision, and not appealable.
 *
 * @param caseReference  printed as "Ärende"
 * @param recipient      who the letter is addressed to (personnummer masked)
 * @param sentOn         the day it is sent; also selects the law (juridik.yaml)
 * @param ground         why a reduction is considered
 * @param proposedAmount the reduction considered, whole kronor
 * @param occasion       what happened (the absence)
 * @param responseDue    the last day to answer
 * @param contactName    whom to call or meet to answer orally
 */
public record CommunicationLetter(
        String caseReference,
        Recipient recipient,
        LocalDate sentOn,
        ReductionGround ground,
        long proposedAmount,
        String occasion,
        LocalDate responseDue,
        String contactName) {

    public CommunicationLetter {
        require(caseReference != null && !caseReference.isBlank(), "Ärendenummer saknas");
        require(recipient != null, "Mottagare saknas");
        require(sentOn != null, "Datum saknas");
        require(ground != null, "Grunden för nedsättningen saknas");
        require(proposedAmount > 0, "Den föreslagna nedsättningen ska vara större än 0 kr");
        require(occasion != null && !occasion.isBlank(), "Vad som hänt saknas");
        require(responseDue != null && !responseDue.isBefore(sentOn), "Sista svarsdag saknas eller är före brevets datum");
        require(contactName != null && !contactName.isBlank(), "Kontaktperson saknas");
        occasion = occasion.strip();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
