package se.stegvis.placement.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's right to SFI (svenska för invandrare) from 2026-01-01 (prop. 2025/26:10): it lasts three years from the
 * first admission — for an admission before 2026-01-01, three years from 2026-01-01 — and the huvudman may extend it
 * for special reasons, at most six months at a time and at most three more years. To take part in SFI when needed is
 * part of being at the labour market's disposal (SoL 2025:400 12 kap. 3 §), so the plan must know when the right ends.
 *
 * @param firstAdmission the first admission to SFI, as in the study plan
 * @param extensions     the end dates of the granted extensions, in the order they were granted
 */
public record SfiRight(LocalDate firstAdmission, List<LocalDate> extensions) {

    /** The day the three-year rule came into force; earlier admissions count from it. */
    public static final LocalDate RULE_IN_FORCE = LocalDate.of(2026, 1, 1);
    public static final Period RIGHT = Period.ofYears(3);
    /** One extension: at most six months beyond the right's end before it. */
    public static final Period EXTENSION_STEP = Period.ofMonths(6);
    /** All extensions together: at most three years beyond the right's first end. */
    public static final Period EXTENSIONS_IN_ALL = Period.ofYears(3);
    /** The coach is reminded this long before the right ends. */
    public static final Period FOLLOW_UP_BEFORE_END = Period.ofMonths(3);

    public SfiRight {
        if (firstAdmission == null) {
            throw new IllegalArgumentException("Första antagningen till SFI saknas");
        }
        extensions = List.copyOf(extensions);
        LocalDate end = clockStart(firstAdmission).plus(RIGHT);
        for (LocalDate until : extensions) {
            checkExtension(firstAdmission, end, until);
            end = until;
        }
    }

    /** The right as it is before any extension. */
    public static SfiRight from(LocalDate firstAdmission) {
        return new SfiRight(firstAdmission, List.of());
    }

    /** The day the three years start counting: the first admission, or 2026-01-01 for an earlier one. */
    public LocalDate clockStart() {
        return clockStart(firstAdmission);
    }

    /** The end of the three years, before any extension. */
    public LocalDate baseEnd() {
        return clockStart().plus(RIGHT);
    }

    /** The last day with the right: the latest extension's end, else the end of the three years. */
    public LocalDate endsOn() {
        return extensions.isEmpty() ? baseEnd() : extensions.get(extensions.size() - 1);
    }

    /** The latest day the right can ever be extended to: three years beyond the first end. */
    public LocalDate latestPossibleEnd() {
        return baseEnd().plus(EXTENSIONS_IN_ALL);
    }

    /** The furthest the next extension may reach: six months beyond the current end, within the three more years. */
    public Optional<LocalDate> nextExtensionLimit() {
        LocalDate limit = min(endsOn().plus(EXTENSION_STEP), latestPossibleEnd());
        return limit.isAfter(endsOn()) ? Optional.of(limit) : Optional.empty();
    }

    public boolean extended() {
        return !extensions.isEmpty();
    }

    /** Whether the person has the right on this day (up to and including {@link #endsOn()}). */
    public boolean coversDay(LocalDate day) {
        return !day.isAfter(endsOn());
    }

    /** The day the coach is told that the right is about to end: three months before it does. */
    public LocalDate followUpOn() {
        return endsOn().minus(FOLLOW_UP_BEFORE_END);
    }

    /**
     * The right extended to {@code until}.
     *
     * @throws IllegalArgumentException with the reason in Swedish when the extension is not allowed
     */
    public SfiRight extendedTo(LocalDate until) {
        checkExtension(firstAdmission, endsOn(), until);
        List<LocalDate> more = new ArrayList<>(extensions);
        more.add(until);
        return new SfiRight(firstAdmission, more);
    }

    private static void checkExtension(LocalDate firstAdmission, LocalDate currentEnd, LocalDate until) {
        if (until == null) {
            throw new IllegalArgumentException("Förlängningens slutdatum saknas");
        }
        if (!until.isAfter(currentEnd)) {
            throw new IllegalArgumentException("En förlängning ska sluta efter den dag rätten till SFI slutar nu ("
                    + currentEnd + ")");
        }
        if (until.isAfter(currentEnd.plus(EXTENSION_STEP))) {
            throw new IllegalArgumentException("Rätten till SFI förlängs högst sex månader i taget: senast "
                    + currentEnd.plus(EXTENSION_STEP) + " den här gången");
        }
        LocalDate latest = clockStart(firstAdmission).plus(RIGHT).plus(EXTENSIONS_IN_ALL);
        if (until.isAfter(latest)) {
            throw new IllegalArgumentException("Rätten till SFI kan förlängas med högst tre år sammanlagt: senast "
                    + latest);
        }
    }

    private static LocalDate clockStart(LocalDate firstAdmission) {
        return firstAdmission.isBefore(RULE_IN_FORCE) ? RULE_IN_FORCE : firstAdmission;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
