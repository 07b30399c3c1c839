package se.stegvis.letter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.stegvis.letter.DecisionLetter.Recipient;

/**
 * The template variables of the letters about a reduction of försörjningsstöd, already formatted: the kommunicering
 * ({@code kommunicering.html}) and the decision ({@code nedsattning.html}). The lists are documented at the top of
 * each template; change both together.
 */
final class SanctionLetterVariables {

    private SanctionLetterVariables() {}

    static Map<String, Object> of(CommunicationLetter letter, LegalReferences legal) {
        Map<String, Object> v = common(letter.caseReference(), letter.recipient(), letter.ground(), letter.sentOn(),
                legal);
        v.put("datum", SwedishFormat.date(letter.sentOn()));
        v.put("belopp", SwedishFormat.kronor(letter.proposedAmount()));
        v.put("handelse", letter.occasion());
        v.put("svaraSenast", SwedishFormat.date(letter.responseDue()));
        v.put("kontaktperson", letter.contactName());
        v.put("kommunicering", legal.section("kommunicering", letter.sentOn()).templateValue());
        return v;
    }

    static Map<String, Object> of(ReductionLetter letter, LegalReferences legal) {
        Map<String, Object> v = common(letter.caseReference(), letter.recipient(), letter.ground(),
                letter.decisionDate(), legal);
        v.put("beslutsdatum", SwedishFormat.date(letter.decisionDate()));
        v.put("beslut", letter.outcome().label());
        v.put("utfall", letter.outcome().name());
        v.put("belopp", letter.appealable() ? SwedishFormat.kronor(letter.amount()) : null);
        v.put("manad", letter.month() == null ? null : SwedishFormat.month(letter.month()));
        v.put("handelse", letter.occasion());
        v.put("skal", DecisionLetterRenderer.paragraphs(letter.reasons()));
        v.put("handlaggare", letter.caseworkerName());
        v.put("visaOverklagande", letter.appealable());
        v.put("overklagande", legal.section("overklagande-nedsattning", letter.decisionDate()).templateValue());
        return v;
    }

    private static Map<String, Object> common(String caseReference, Recipient recipient, ReductionGround ground,
                                              java.time.LocalDate date, LegalReferences legal) {
        LegalReferences.Period law = legal.on(date);
        Map<String, Object> v = new HashMap<>();
        v.put("arende", caseReference);
        v.put("mottagare", Map.of(
                "namn", recipient.displayName(),
                "adressrader", List.copyOf(recipient.addressLines()),
                "personnummer", recipient.maskedPersonnummer()));
        v.put("lagrum", Map.of("hanvisning", law.cite(ground.provision())));
        v.put("grund", legal.section(ground.section(), date).templateValue());
        v.put("hanvisningar", law.references());
        return v;
    }
}
