package se.stegvis.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class SwedishFormatTest {

    @Test
    void groupsKronorWithNonBreakingSpaces() {
        assertThat(SwedishFormat.kronor(15_420)).isEqualTo("15\u00A0420\u00A0kr");
        assertThat(SwedishFormat.kronor(0)).isEqualTo("0\u00A0kr");
        assertThat(SwedishFormat.kronor(999)).isEqualTo("999\u00A0kr");
        assertThat(SwedishFormat.kronor(1_000)).isEqualTo("1\u00A0000\u00A0kr");
        assertThat(SwedishFormat.kronor(1_234_567)).isEqualTo("1\u00A0234\u00A0567\u00A0kr");
    }

    @Test
    void writesNegativeAmountsWithMinusSign() {
        assertThat(SwedishFormat.kronor(-1_000)).isEqualTo("\u22121\u00A0000\u00A0kr");
    }

    @Test
    void writesDatesAndMonthsInSwedish() {
        assertThat(SwedishFormat.date(LocalDate.of(2026, 11, 22))).isEqualTo("22 november 2026");
        assertThat(SwedishFormat.date(LocalDate.of(2025, 7, 1))).isEqualTo("1 juli 2025");
        assertThat(SwedishFormat.month(YearMonth.of(2026, 12))).isEqualTo("december 2026");
    }
}
