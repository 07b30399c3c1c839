package se.stegvis.payment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IbanTest {

    @ParameterizedTest
    @ValueSource(strings = {"SE45 5000 0000 0583 9825 7466", "se4550000000058398257466", "GB82 WEST 1234 5698 7654 32",
            "DE89 3704 0044 0532 0130 00", "NO93 8601 1117 947"})
    void acceptsPublishedExampleIbans(String iban) {
        assertThat(Iban.parse(iban).value()).doesNotContain(" ").isUpperCase();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SE4550000000058398257467", "GB82WEST12345698765433", "SE5450000000058398257466"})
    void refusesWrongCheckDigits(String iban) {
        assertThatThrownBy(() -> Iban.parse(iban)).hasMessage("Kontrollsiffrorna i IBAN stämmer inte");
    }

    @Test
    void refusesMalformedIbans() {
        assertThatThrownBy(() -> Iban.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iban.parse(null)).hasMessage("IBAN saknas");
        assertThatThrownBy(() -> Iban.parse("SE45-5000")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Iban.parse("SE455000000005839825746")).hasMessage("IBAN för SE ska ha 24 tecken");
    }

    @Test
    void toStringMasksTheAccount() {
        assertThat(Iban.parse("SE4550000000058398257466").toString()).isEqualTo("Iban[SE**…7466]")
                .doesNotContain("583982");
    }
}
