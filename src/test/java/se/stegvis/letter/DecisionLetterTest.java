package se.stegvis.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static se.stegvis.letter.SampleLetters.DECISION_DATE;
import static se.stegvis.letter.SampleLetters.MONTH;
import static se.stegvis.letter.SampleLetters.NEED;
import static se.stegvis.letter.SampleLetters.PAYMENT_DATE;
import static se.stegvis.letter.SampleLetters.RECIPIENT;
import static se.stegvis.letter.SampleLetters.SURPLUS;
import static se.stegvis.letter.SampleLetters.line;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.stegvis.letter.DecisionLetter.Calculation;
import se.stegvis.letter.DecisionLetter.Recipient;

class DecisionLetterTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void refusalWithoutReasonsIsRejected(String reasons) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.AVSLAG, 0, SURPLUS, reasons, null))
                .withMessage("Skäl för beslutet måste anges vid avslag (förvaltningslagen 32 §)");
    }

    @Test
    void partialGrantWithoutReasonsIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.DELVIS_BIFALL, 14_020, NEED, null, PAYMENT_DATE))
                .withMessage("Skäl för beslutet måste anges vid delvis bifall (förvaltningslagen 32 §)");
    }

    @Test
    void grantNeedsNoReasons() {
        assertThat(letter(DecisionKind.BIFALL, 14_020, NEED, " ", PAYMENT_DATE).reasons()).isNull();
    }

    @Test
    void totalsThatAreNotTheSumOfTheLinesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Calculation(List.of(line("Personliga kostnader", 3_000)), List.of(), List.of(),
                        3_100, 0, 0, 3_100))
                .withMessageContaining("riksnormen");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Calculation(List.of(line("Personliga kostnader", 3_000)), List.of(),
                        List.of(line("Lön", 1_000)), 3_000, 0, 1_000, 3_000))
                .withMessageContaining("Beräknat bistånd 3000");
    }

    @Test
    void assistanceIsNeverNegative() {
        assertThat(SURPLUS.assistance()).isZero();
        assertThat(SURPLUS.incomesTotal()).isEqualTo(21_610);
    }

    @Test
    void grantedAmountMustFollowTheDecisionKind() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.AVSLAG, 500, SURPLUS, "skäl", null))
                .withMessageContaining("avslag");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.BIFALL, 14_000, NEED, null, PAYMENT_DATE))
                .withMessageContaining("14020");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.DELVIS_BIFALL, 15_000, NEED, "skäl", PAYMENT_DATE))
                .withMessageContaining("inte vara större");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.DELVIS_BIFALL, 0, NEED, "skäl", PAYMENT_DATE))
                .withMessageContaining("större än 0 kr");
    }

    @Test
    void paymentDateIsRequiredForGrantsAndRefusedForRefusals() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.BIFALL, 14_020, NEED, null, null))
                .withMessage("Utbetalningsdag saknas");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> letter(DecisionKind.AVSLAG, 0, SURPLUS, "skäl", PAYMENT_DATE))
                .withMessageContaining("ingen utbetalning");
    }

    @ParameterizedTest
    @ValueSource(strings = {"198503121234", "19850312-1234", "850312-1234", "8503121234"})
    void fullPersonnummerIsRefused(String personnummer) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Recipient("Namn", List.of(), personnummer))
                .withMessageContaining("maskerat");
    }

    @Test
    void maskedPersonnummerIsAccepted() {
        assertThat(new Recipient("Namn", null, "19850312-XXXX").addressLines()).isEmpty();
    }

    private static DecisionLetter letter(DecisionKind kind, long granted, Calculation calculation, String reasons,
            java.time.LocalDate paymentDate) {
        return new DecisionLetter("EB-1", RECIPIENT, DECISION_DATE, MONTH, kind, granted, calculation, reasons, null,
                "Handläggare", null, paymentDate);
    }
}
