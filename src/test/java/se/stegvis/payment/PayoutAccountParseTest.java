package se.stegvis.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.stegvis.client.domain.PayoutAccount;
import se.stegvis.config.InvalidRequestException;

/** The checks where an account is registered: refusals name the field, so nothing the bank file cannot carry is stored. */
class PayoutAccountParseTest {

    @Test
    void aSwedishAccountAndAnIbanAreTakenCleaned() {
        PayoutAccount swedish = PayoutAccountService.parse("", " Åsa Öberg ", null, "8327-9", "987 654 3210");
        assertThat(swedish).isEqualTo(PayoutAccount.swedish("Åsa Öberg", "83279", "9876543210"));
        PayoutAccount iban = PayoutAccountService.parse("", "José Núñez", "SE45 5000 0000 0583 9825 7466", null, null);
        assertThat(iban.iban()).isEqualTo("SE4550000000058398257466");
    }

    @Test
    void refusalsNameTheField() {
        assertField(() -> PayoutAccountService.parse("", "\u0645\u062d\u0645\u062f \u0639\u0644\u064a", null, "5000",
                "1234567"), "accountHolder");
        assertField(() -> PayoutAccountService.parse("payoutAccount.", "\u0418\u0432\u0430\u043d", null, "5000",
                "1234567"), "payoutAccount.accountHolder");
        assertField(() -> PayoutAccountService.parse("", " ", null, "5000", "1234567"), "accountHolder");
        assertField(() -> PayoutAccountService.parse("", "A".repeat(71), null, "5000", "1234567"), "accountHolder");
        assertField(() -> PayoutAccountService.parse("", "Testa", "SE4550000000058398257467", null, null), "iban");
        assertField(() -> PayoutAccountService.parse("", "Testa", null, "500", "1234567"), "clearingNumber");
        assertField(() -> PayoutAccountService.parse("", "Testa", null, "5000", "12x"), "accountNumber");
        assertField(() -> PayoutAccountService.parse("", "Testa", null, null, null), "iban");
        assertField(() -> PayoutAccountService.parse("payoutAccount.", "Testa", null, "5000", null), "payoutAccount");
    }

    @Test
    void theNoticeShowsTheAccountsMaskedOnly() {
        String text = PayoutAccountService.noticeText(Optional.of(PayoutAccount.swedish("Testa", "5000", "1234567")),
                PayoutAccount.iban("Testa", "SE4550000000058398257466"), LocalDate.of(2026, 11, 30));
        assertThat(text).contains("konto ****4567", "IBAN ****7466", "2026-11-30")
                .doesNotContain("1234567").doesNotContain("SE455").doesNotContain("Testa");
        assertThat(PayoutAccountService.noticeText(Optional.empty(), PayoutAccount.iban("Testa",
                "SE4550000000058398257466"), LocalDate.of(2026, 11, 30))).contains("registrerades: IBAN ****7466");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
