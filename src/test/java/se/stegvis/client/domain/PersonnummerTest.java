package se.stegvis.client.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import se.stegvis.client.domain.InvalidPersonnummerException.Reason;

class PersonnummerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @ParameterizedTest
    @ValueSource(strings = {"811218-9876", "8112189876", "19811218-9876", "198112189876", "  811218-9876\t", "\n19811218-9876 "})
    void acceptsTheSameNumberInEveryWrittenForm(String input) {
        Personnummer pnr = Personnummer.parse(input, TODAY);

        assertThat(pnr.value()).isEqualTo("198112189876");
        assertThat(pnr.birthDate()).isEqualTo(LocalDate.of(1981, 12, 18));
        assertThat(pnr.isSamordningsnummer()).isFalse();
        assertThat(pnr.formatted()).isEqualTo("19811218-9876");
    }

    @Test
    void knownSkatteverketExamplesHaveValidCheckDigits() {
        assertThat(Personnummer.parse("640823-3234", TODAY).value()).isEqualTo("196408233234");
        assertThat(Personnummer.parse("811218-9876", TODAY).value()).isEqualTo("198112189876");
    }

    @Test
    void samordningsnummerHasDayPlusSixty() {
        // SKV 707's example: a man born 3 October 1970 with individnummer 239
        Personnummer snr = Personnummer.parse("701063-2391", TODAY);

        assertThat(snr.isSamordningsnummer()).isTrue();
        assertThat(snr.birthDate()).isEqualTo(LocalDate.of(1970, 10, 3));
        assertThat(snr.value()).isEqualTo("197010632391");
    }

    @Test
    void samordningsnummerOnLeapDayNeedsALeapYear() {
        // 000289 = 29 February 00 + 60; 2000 is a leap year, 1900 is not
        assertThat(Personnummer.parse("000289-1232", TODAY).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThatThrownBy(() -> Personnummer.parse("000289+1232", TODAY))
                .isInstanceOf(InvalidPersonnummerException.class)
                .extracting("reason").isEqualTo(Reason.DATE);
    }

    @Test
    void plusMeansOneHundredYearsOrOlder() {
        Personnummer centenarian = Personnummer.parse("811218+9876", TODAY);

        assertThat(centenarian.value()).isEqualTo("188112189876");
        assertThat(centenarian.birthDate()).isEqualTo(LocalDate.of(1881, 12, 18));
    }

    @Test
    void tenDigitNumberBelongsToTheLatestCenturyNotInTheFuture() {
        // today is 15 January 2026: born on 15 January 26 is a newborn, on 16 January 26 is 99 years old
        assertThat(Personnummer.parse("260115-1232", TODAY).birthDate()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(Personnummer.parse("260116-1231", TODAY).birthDate()).isEqualTo(LocalDate.of(1926, 1, 16));
        assertThat(Personnummer.parse("260115+1232", TODAY).birthDate()).isEqualTo(LocalDate.of(1926, 1, 15));
        // the same ten digits read a day later belong to someone else's century
        assertThat(Personnummer.parse("260116-1231", TODAY.plusDays(1)).birthDate())
                .isEqualTo(LocalDate.of(2026, 1, 16));
    }

    @Test
    void readsTodayFromTheClock() {
        Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant(),
                ZoneId.of("Europe/Stockholm"));

        assertThat(Personnummer.parse("260116-1231", clock).birthDate()).isEqualTo(LocalDate.of(1926, 1, 16));
    }

    @ParameterizedTest
    @CsvSource({
            "811218-9875, CHECK_DIGIT",
            "19811218-9870, CHECK_DIGIT",
            "640823-3235, CHECK_DIGIT",
            "900230-1234, DATE",      // 30 February
            "900229-1234, DATE",      // 1990 is not a leap year
            "901301-1234, DATE",      // month 13
            "900100-1234, DATE",      // day 0
            "701060-2391, DATE",      // samordningsnummer day 60 = day 0
            "700992-1234, DATE",      // samordningsnummer 32 September
            "17000101-1234, DATE",    // before any personnummer
            "20270101-2342, FUTURE_DATE",
            "81121-9876, LENGTH",
            "81121898765, LENGTH",
            "1981121898765, LENGTH",
            "81121A-9876, FORMAT",
            "abc, FORMAT",
            "811218--9876, FORMAT",
            "8112-189876, FORMAT",
            "811218 9876, FORMAT",
            "811218/9876, FORMAT",
            "19811218+9876, PLUS_WITH_CENTURY",
    })
    void refusesInvalidNumbersSayingWhatIsWrong(String input, Reason reason) {
        assertThatThrownBy(() -> Personnummer.parse(input, TODAY))
                .isInstanceOf(InvalidPersonnummerException.class)
                .hasMessage(reason.message())
                .extracting("reason").isEqualTo(reason);
        assertThat(Personnummer.isValid(input, TODAY)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void refusesMissingNumber(String input) {
        assertThatThrownBy(() -> Personnummer.parse(input, TODAY))
                .isInstanceOf(InvalidPersonnummerException.class)
                .hasMessage("Personnummer saknas.");
    }

    @Test
    void messagesAreSwedishAndSayWhatIsWrong() {
        assertThat(Reason.CHECK_DIGIT.message()).isEqualTo("Kontrollsiffran i personnumret stämmer inte.");
        assertThat(Reason.LENGTH.message()).contains("10 eller 12 siffror");
        assertThat(Reason.DATE.message()).contains("födelsedatum");
    }

    @Test
    void messageNeverRepeatsTheNumber() {
        assertThatThrownBy(() -> Personnummer.parse("811218-9875", TODAY))
                .message().doesNotContain("811218").doesNotContain("9875");
    }

    @Test
    void toStringDoesNotRevealTheNumber() {
        Personnummer pnr = Personnummer.parse("811218-9876", TODAY);

        assertThat(pnr.toString()).isEqualTo("Personnummer[1981****-****]")
                .doesNotContain("1218").doesNotContain("9876");
    }

    @Test
    void storedValueIsCheckedWhenLoaded() {
        assertThat(new Personnummer("198112189876")).isEqualTo(Personnummer.parse("811218-9876", TODAY));
        assertThatThrownBy(() -> new Personnummer("8112189876"))
                .isInstanceOf(InvalidPersonnummerException.class).extracting("reason").isEqualTo(Reason.LENGTH);
        assertThatThrownBy(() -> new Personnummer("198112189875"))
                .isInstanceOf(InvalidPersonnummerException.class).extracting("reason").isEqualTo(Reason.CHECK_DIGIT);
        assertThatThrownBy(() -> new Personnummer("19811218-987"))
                .isInstanceOf(InvalidPersonnummerException.class).extracting("reason").isEqualTo(Reason.FORMAT);
    }

    @Test
    void isValidForGoodNumbers() {
        assertThat(Personnummer.isValid("811218-9876", TODAY)).isTrue();
        assertThat(Personnummer.isValid("701063-2391", TODAY)).isTrue();
    }
}
