package se.stegvis.norm.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** The official riksnorm amounts, the tests' oracle: {@code src/test/resources/norm/riksnorm-belopp.csv}. */
public final class RiksnormReference {

    public static final String RESOURCE = "/norm/riksnorm-belopp.csv";
    public static final String PERSONAL = "person";
    public static final String HOUSEHOLD = "hushall";
    /** The lower amount of a child who does not eat lunch at home every weekday (2026 only). */
    public static final String PERSONAL_WITHOUT_LUNCH = "person_utan_lunch";

    /** One amount: a personal row (role, age band; no ages for adults) or a household row (size in {@code key}). */
    public record Row(int year, String table, String key, Integer ageFrom, Integer ageTo, long amount) {

        public PersonRole role() {
            return PersonRole.valueOf(key);
        }

        /** False for the rows of a child who does not eat lunch at home. */
        public boolean lunchAtHome() {
            return !PERSONAL_WITHOUT_LUNCH.equals(table);
        }

        public boolean personal() {
            return PERSONAL.equals(table) || PERSONAL_WITHOUT_LUNCH.equals(table);
        }

        public int householdSize() {
            return Integer.parseInt(key);
        }

        @Override
        public String toString() {
            return year + " " + table + " " + key + (ageFrom == null ? "" : " " + ageFrom + "–" + ageTo) + " = "
                    + amount;
        }
    }

    public static List<Row> rows() {
        try (var in = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(RiksnormReference.class.getResourceAsStream(RESOURCE), RESOURCE),
                StandardCharsets.UTF_8))) {
            return in.lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("ar,"))
                    .map(line -> line.split(",", -1))
                    .map(f -> new Row(Integer.parseInt(f[0]), f[1], f[2], integer(f[3]), integer(f[4]),
                            Long.parseLong(f[5])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Integer> years() {
        return rows().stream().map(Row::year).distinct().sorted().toList();
    }

    /** The personal amount for a role and age (null for adults) in a year, from the reference. */
    public static long personal(int year, PersonRole role, Integer age) {
        return personal(year, role, age, true);
    }

    /** The amount for a child who does (true) or does not (false) eat lunch at home, from the reference. */
    public static long personal(int year, PersonRole role, Integer age, boolean lunchAtHome) {
        String table = lunchAtHome ? PERSONAL : PERSONAL_WITHOUT_LUNCH;
        return rows().stream()
                .filter(r -> r.year() == year && table.equals(r.table()) && r.role() == role)
                .filter(r -> r.ageFrom() == null || (age >= r.ageFrom() && age <= r.ageTo()))
                .mapToLong(Row::amount).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference for " + year + " " + role + " " + age
                        + (lunchAtHome ? "" : " without lunch at home")));
    }

    public static long household(int year, int size) {
        return rows().stream()
                .filter(r -> r.year() == year && HOUSEHOLD.equals(r.table()) && r.householdSize() == size)
                .mapToLong(Row::amount).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reference for " + year + " size " + size));
    }

    private static Integer integer(String field) {
        return field.isEmpty() ? null : Integer.valueOf(field);
    }

    private RiksnormReference() {}
}
