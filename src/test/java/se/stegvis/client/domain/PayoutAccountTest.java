package se.stegvis.client.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PayoutAccountTest {

    @Test
    void masksAllButTheLastFourDigits() {
        assertThat(PayoutAccount.swedish("Testa Testsson", "8327-9", "987 654 3210").masked()).isEqualTo("konto ****3210");
        assertThat(PayoutAccount.iban("Testa Testsson", "SE4550000000058398257466").masked()).isEqualTo("IBAN ****7466");
        assertThat(PayoutAccount.swedish("Testa Testsson", "5000", "123").masked()).isEqualTo("konto ****123");
        assertThat(PayoutAccount.swedish("Testa Testsson", "5000", "1234567").toString())
                .doesNotContain("Testa").doesNotContain("1234567");
    }

    @Test
    void theSameAccountWrittenDifferentlyIsTheSame() {
        PayoutAccount account = PayoutAccount.swedish("Testa Testsson", "5000", "1234567");
        assertThat(account.sameAs(PayoutAccount.swedish(" testa testsson ", "5000", "123-45 67"))).isTrue();
        assertThat(account.sameAs(PayoutAccount.swedish("Testa Testsson", "5000", "1234568"))).isFalse();
        assertThat(account.sameAs(PayoutAccount.swedish("Annan Person", "5000", "1234567"))).isFalse();
        assertThat(account.sameAs(PayoutAccount.iban("Testa Testsson", "SE4550000000058398257466"))).isFalse();
        assertThat(PayoutAccount.iban("A", "SE4550000000058398257466")
                .sameAs(PayoutAccount.iban("A", "se45 5000 0000 0583 9825 7466"))).isTrue();
        assertThat(account.sameAs(null)).isFalse();
    }

    @Test
    void anAccountIsAnIbanOrAClearingAndAccountNumber() {
        assertThatThrownBy(() -> new PayoutAccount("Testa Testsson", null, "5000", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PayoutAccount("A", "SE4550000000058398257466", "5000", "1").clearingNumber()).isNull();
    }
}
