package se.stegvis.journey;

import static se.stegvis.journey.process.JourneyProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.stegvis.config.InvalidRequestException;
import se.stegvis.journey.domain.AcceptableReason;
import se.stegvis.journey.domain.Sanction;
import se.stegvis.journey.domain.SanctionDecision;

/**
 * What "Besluta om nedsättning" must hold, checked on the server when the task is completed (400 naming the form
 * field) and again when the decision is registered. For every sanction: a decision, written reasons, and for a
 * reduction a positive amount no larger than the one communicated. Under the aktivitetskrav the reduction is
 * mandatory (prop. 2025/26:207: the nämnd "ska" refuse or reduce): it is dropped only for a recorded godtagbart skäl
 * — a ground from {@link AcceptableReason} and a text —, and illness as the ground needs the date of a läkarintyg when
 * the absence is longer than {@code stegvis.aktivitetskrav.dagar-utan-lakarintyg} days (a setting; the law's figure
 * was not found). A client not covered keeps the caseworker's free choice; a ground given for one is recorded too.
 */
@Component
public class SanctionDecisionRules {

    static final int MAX_TEXT = 1000;
    static final int MAX_REASONS = 4000;

    private final int daysWithoutCertificate;
    private final Clock clock;

    public SanctionDecisionRules(@Value("${stegvis.aktivitetskrav.dagar-utan-lakarintyg:7}") int daysWithoutCertificate,
                                 Clock clock) {
        if (daysWithoutCertificate < 0) {
            throw new IllegalArgumentException("stegvis.aktivitetskrav.dagar-utan-lakarintyg ska vara 0 eller fler dagar");
        }
        this.daysWithoutCertificate = daysWithoutCertificate;
        this.clock = clock;
    }

    /** The form's values as submitted; parsing is the caller's (a malformed value is refused there, naming it). */
    public record Input(String decision, Integer amount, String reasons, String acceptableReason, String reasonText,
                        Integer illnessDays, LocalDate medicalCertificateDate) {}

    /** A checked decision: what SanctionService records. */
    public record Checked(SanctionDecision decision, long amount, String reasons, Sanction.Excuse excuse) {}

    public int daysWithoutCertificate() {
        return daysWithoutCertificate;
    }

    public Checked check(Sanction sanction, Input in) {
        SanctionDecision decision = decision(in.decision());
        if (in.reasons() == null || in.reasons().isBlank()) {
            throw new InvalidRequestException(SANCTION_REASONS, "Skriv motiveringen till beslutet (förvaltningslagen 32 §).");
        }
        if (in.reasons().strip().length() > MAX_REASONS) {
            throw new InvalidRequestException(SANCTION_REASONS, "Motiveringen får vara högst " + MAX_REASONS + " tecken.");
        }
        if (decision == SanctionDecision.UPHELD) {
            if (in.amount() == null || in.amount() <= 0) {
                throw new InvalidRequestException(SANCTION_AMOUNT, "Ange nedsättningens belopp i hela kronor.");
            }
            if (in.amount() > sanction.getProposedAmount()) {
                throw new InvalidRequestException(SANCTION_AMOUNT, "Klienten har fått veta om en nedsättning med "
                        + sanction.getProposedAmount() + " kr; ett högre belopp kräver ett nytt förslag och ny kommunicering.");
            }
            return new Checked(decision, in.amount(), in.reasons().strip(), null);
        }
        boolean given = in.acceptableReason() != null && !in.acceptableReason().isBlank();
        if (!given && !sanction.isUnderActivityRequirement()) {
            return new Checked(decision, 0, in.reasons().strip(), null);
        }
        if (!given) {
            throw new InvalidRequestException(ACCEPTABLE_REASON, "Klienten omfattas av aktivitetskravet: nedsättningen"
                    + " får bara avstå med ett godtagbart skäl. Välj skälet (" + AcceptableReason.allowed() + ").");
        }
        return new Checked(decision, 0, in.reasons().strip(), excuse(sanction, in));
    }

    private Sanction.Excuse excuse(Sanction sanction, Input in) {
        AcceptableReason reason;
        try {
            reason = AcceptableReason.valueOf(in.acceptableReason().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(ACCEPTABLE_REASON, "Okänt skäl \"" + in.acceptableReason()
                    + "\". Tillåtna: " + AcceptableReason.allowed() + ".");
        }
        if (in.reasonText() == null || in.reasonText().isBlank()) {
            throw new InvalidRequestException(ACCEPTABLE_REASON_TEXT, "Beskriv det godtagbara skälet.");
        }
        if (in.reasonText().strip().length() > MAX_TEXT) {
            throw new InvalidRequestException(ACCEPTABLE_REASON_TEXT, "Beskrivningen får vara högst " + MAX_TEXT + " tecken.");
        }
        if (reason != AcceptableReason.SJUKDOM) {
            return new Sanction.Excuse(reason, in.reasonText(), null, null);
        }
        // The absence's length: the attendance report's days when known, else the days the caseworker states.
        Integer days = sanction.getAbsenceDays().orElse(in.illnessDays());
        if (days == null || days <= 0 || days > 366) {
            throw new InvalidRequestException(ILLNESS_DAYS, "Ange hur många dagar frånvaron på grund av sjukdom"
                    + " varade (1–366).");
        }
        LocalDate certificate = in.medicalCertificateDate();
        if (days > daysWithoutCertificate && certificate == null) {
            throw new InvalidRequestException(EXCUSE_CERTIFICATE_DATE, "Frånvaron varade " + days + " dagar: sjukdom"
                    + " som skäl kräver läkarintyg efter " + daysWithoutCertificate + " dagar. Ange intygets datum.");
        }
        if (certificate != null && certificate.isAfter(LocalDate.now(clock))) {
            throw new InvalidRequestException(EXCUSE_CERTIFICATE_DATE, "Läkarintyget kan inte vara daterat i framtiden.");
        }
        return new Sanction.Excuse(reason, in.reasonText(), days, certificate);
    }

    private static SanctionDecision decision(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(SANCTION_DECISION, "Välj beslut: UPHELD eller DROPPED.");
        }
        try {
            return SanctionDecision.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(SANCTION_DECISION, "Okänt beslut \"" + value + "\": UPHELD eller DROPPED.");
        }
    }
}
