package se.stegvis.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SFI three-year clock (prop. 2025/26:10): three years from first admission, extensions of at most 6 months. */
class SfiRightTest {

    @ParameterizedTest(name = "admitted {0} → the right ends {1}")
    @CsvSource({
            "2026-03-15, 2029-03-15",   // admitted under the new rule: three years from the admission
            "2026-01-01, 2029-01-01",
            "2025-12-31, 2029-01-01",   // admitted before 2026: three years from 2026-01-01
            "2019-08-20, 2029-01-01",
            "2028-02-29, 2031-02-28"})  // a leap day: the same day three years on, or the day before
    void theRightEndsThreeYearsAfterTheFirstAdmissionOrAfter2026(LocalDate admitted, LocalDate ends) {
        SfiRight right = SfiRight.from(admitted);

        assertThat(right.endsOn()).isEqualTo(ends);
        assertThat(right.coversDay(ends)).isTrue();
        assertThat(right.coversDay(ends.plusDays(1))).isFalse();
        assertThat(right.extended()).isFalse();
    }

    @Test
    void theFollowUpIsThreeMonthsBeforeTheEnd() {
        assertThat(SfiRight.from(LocalDate.of(2026, 3, 15)).followUpOn()).isEqualTo(LocalDate.of(2028, 12, 15));
        assertThat(SfiRight.from(LocalDate.of(2020, 1, 1)).followUpOn()).isEqualTo(LocalDate.of(2028, 10, 1));
    }

    @Test
    void anExtensionIsAtMostSixMonthsAtATime() {
        SfiRight right = SfiRight.from(LocalDate.of(2026, 3, 15));

        SfiRight once = right.extendedTo(LocalDate.of(2029, 9, 15));
        assertThat(once.endsOn()).isEqualTo(LocalDate.of(2029, 9, 15));
        assertThat(once.extended()).isTrue();
        assertThat(once.followUpOn()).isEqualTo(LocalDate.of(2029, 6, 15));
        assertThat(once.extendedTo(LocalDate.of(2029, 12, 1)).endsOn()).isEqualTo(LocalDate.of(2029, 12, 1));

        assertThatIllegalArgumentException().isThrownBy(() -> right.extendedTo(LocalDate.of(2029, 9, 16)))
                .withMessage("Rätten till SFI förlängs högst sex månader i taget: senast 2029-09-15 den här gången");
        assertThatIllegalArgumentException().isThrownBy(() -> right.extendedTo(LocalDate.of(2029, 3, 15)))
                .withMessage("En förlängning ska sluta efter den dag rätten till SFI slutar nu (2029-03-15)");
        assertThatIllegalArgumentException().isThrownBy(() -> right.extendedTo(null))
                .withMessage("Förlängningens slutdatum saknas");
    }

    @Test
    void extensionsReachAtMostThreeMoreYears() {
        SfiRight right = SfiRight.from(LocalDate.of(2026, 3, 15));
        for (int i = 1; i <= 6; i++) {
            assertThat(right.nextExtensionLimit()).contains(LocalDate.of(2029, 3, 15).plusMonths(6L * i));
            right = right.extendedTo(right.nextExtensionLimit().orElseThrow());
        }
        assertThat(right.endsOn()).isEqualTo(LocalDate.of(2032, 3, 15)).isEqualTo(right.latestPossibleEnd());
        assertThat(right.extensions()).hasSize(6);
        assertThat(right.nextExtensionLimit()).isEmpty();
        SfiRight full = right;
        assertThatIllegalArgumentException().isThrownBy(() -> full.extendedTo(LocalDate.of(2032, 3, 16)))
                .withMessageContaining("högst");
    }

    @Test
    void theLastStepStopsAtTheThreeMoreYears() {
        SfiRight right = new SfiRight(LocalDate.of(2026, 3, 15), List.of(LocalDate.of(2029, 9, 15),
                LocalDate.of(2030, 3, 15), LocalDate.of(2030, 9, 15), LocalDate.of(2031, 3, 15),
                LocalDate.of(2031, 6, 1), LocalDate.of(2031, 12, 1)));

        assertThat(right.nextExtensionLimit()).contains(LocalDate.of(2032, 3, 15));
        assertThatIllegalArgumentException().isThrownBy(() -> right.extendedTo(LocalDate.of(2032, 5, 1)))
                .withMessage("Rätten till SFI kan förlängas med högst tre år sammanlagt: senast 2032-03-15");
    }

    @Test
    void aRecordedChainOfExtensionsMustKeepTheRules() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SfiRight(LocalDate.of(2026, 3, 15),
                List.of(LocalDate.of(2030, 3, 15))))
                .withMessageStartingWith("Rätten till SFI förlängs högst sex månader i taget");
        assertThatIllegalArgumentException().isThrownBy(() -> new SfiRight(null, List.of()))
                .withMessage("Första antagningen till SFI saknas");
    }
}
