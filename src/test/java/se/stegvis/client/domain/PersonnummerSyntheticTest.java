package se.stegvis.client.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PersonnummerSyntheticTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Test
    void everyGeneratedNumberPassesValidationInAllForms() {
        SyntheticPersonnummer generator = SyntheticPersonnummer.withSeed(42);

        for (int i = 0; i < 2_000; i++) {
            Personnummer pnr = generator.next();
            String v = pnr.value();

            assertThat(Personnummer.parse(v, TODAY)).isEqualTo(pnr);
            assertThat(Personnummer.parse(pnr.formatted(), TODAY)).isEqualTo(pnr);
            // ten-digit form: over 100 years old, so the separator is +
            assertThat(Personnummer.parse(v.substring(2, 8) + "+" + v.substring(8), TODAY)).isEqualTo(pnr);
        }
    }

    @Test
    void generatesSamordningsnummerBornInTheEighteenNineties() {
        SyntheticPersonnummer generator = SyntheticPersonnummer.withSeed(7);

        for (int i = 0; i < 2_000; i++) {
            Personnummer pnr = generator.next();
            assertThat(pnr.isSamordningsnummer()).isTrue();
            assertThat(pnr.birthDate()).isBetween(LocalDate.of(1890, 1, 1), LocalDate.of(1899, 12, 31));
            assertThat(SyntheticPersonnummer.isSynthetic(pnr)).isTrue();
        }
    }

    @Test
    void sameSeedGivesSameSequenceAndOtherSeedAnother() {
        assertThat(sequence(new Random(1))).isEqualTo(sequence(new Random(1)));
        assertThat(sequence(new Random(1))).isNotEqualTo(sequence(new Random(2)));
    }

    @Test
    void numbersAreVaried() {
        SyntheticPersonnummer generator = SyntheticPersonnummer.withSeed(3);
        Set<String> seen = new HashSet<>();
        IntStream.range(0, 1_000).forEach(i -> seen.add(generator.next().value()));

        assertThat(seen).hasSizeGreaterThan(990);
    }

    @Test
    void ordinaryNumbersAreNotSynthetic() {
        assertThat(SyntheticPersonnummer.isSynthetic(Personnummer.parse("811218-9876", TODAY))).isFalse();
        assertThat(SyntheticPersonnummer.isSynthetic(Personnummer.parse("701063-2391", TODAY))).isFalse();
    }

    private static List<String> sequence(Random random) {
        SyntheticPersonnummer generator = new SyntheticPersonnummer(random);
        return IntStream.range(0, 20).mapToObj(i -> generator.next().value()).toList();
    }
}
