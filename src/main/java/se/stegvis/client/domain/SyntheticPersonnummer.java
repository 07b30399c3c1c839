package se.stegvis.client.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Random;

/**
 * Makes personnummer-shaped numbers for tests, demo data and simulations: each passes
 * {@link Personnummer#parse(String, LocalDate)}, and the same {@link Random} seed gives the same
 * sequence.
 *
 * <h2>Why these numbers do not identify anyone</h2>
 * Skatteverket publishes a list of test personnummer that will never be assigned (the open data set
 * "Testpersonnummer"), but the list is not available offline, so Stegvis cannot ship or fetch it. No range
 * of ordinary personnummer is reserved for testing, so an invented ordinary number may belong to a real
 * person. This generator therefore makes <strong>samordningsnummer</strong> (day of birth + 60) for
 * people <strong>born 1890–1899</strong>:
 * <ul>
 *   <li>samordningsnummer exist only since 1 January 2000 (folkbokföringslagen 18 a §, SKV 707), and are
 *       given to people who are not registered in Sweden;</li>
 *   <li>a person born in the 1890s was at least 100 years old by then, so a samordningsnummer with such a
 *       birth date is, in practice, never assigned.</li>
 * </ul>
 * That is a strong practical argument, not a guarantee issued by Skatteverket. When the official test
 * numbers can be shipped with the project, prefer them. In the ten-digit form these numbers take the
 * {@code +} separator (the person would be over 100).
 */
public final class SyntheticPersonnummer {

    /** First birth year the generator uses. */
    public static final int FIRST_BIRTH_YEAR = 1890;
    /** Last birth year the generator uses. */
    public static final int LAST_BIRTH_YEAR = 1899;

    private static final LocalDate FIRST = LocalDate.of(FIRST_BIRTH_YEAR, 1, 1);
    private static final int DAYS = (int) (LocalDate.of(LAST_BIRTH_YEAR + 1, 1, 1).toEpochDay() - FIRST.toEpochDay());

    private final Random random;

    public SyntheticPersonnummer(Random random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A generator with its own {@link Random} seeded with {@code seed}. */
    public static SyntheticPersonnummer withSeed(long seed) {
        return new SyntheticPersonnummer(new Random(seed));
    }

    /** The next synthetic samordningsnummer. */
    public Personnummer next() {
        LocalDate birth = FIRST.plusDays(random.nextInt(DAYS));
        int individnummer = 1 + random.nextInt(999);
        String nine = String.format("%02d%02d%02d%03d",
                birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth() + 60, individnummer);
        return new Personnummer(String.format("%04d", birth.getYear()).substring(0, 2) + nine
                + Personnummer.checkDigit(nine));
    }

    /** Whether {@code personnummer} lies in the range this generator uses (useful to guard test data). */
    public static boolean isSynthetic(Personnummer personnummer) {
        int year = personnummer.birthDate().getYear();
        return personnummer.isSamordningsnummer() && year >= FIRST_BIRTH_YEAR && year <= LAST_BIRTH_YEAR;
    }
}
