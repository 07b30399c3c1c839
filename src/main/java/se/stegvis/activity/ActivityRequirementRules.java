package se.stegvis.activity;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;
import se.stegvis.activity.domain.ExemptionGround;
import se.stegvis.client.domain.Personnummer;
import se.stegvis.client.domain.SyntheticPersonnummer;

/**
 * Who is covered by the aktivitetskrav, from the months with försörjningsstöd granted (pure; no database).
 *
 * <p>The rule: the latest run of consecutive granted months must be at least {@code consecutiveMonths} long and still
 * running (its last month is the current month or the one before). The person is covered from the month after the
 * {@code consecutiveMonths}-th month of the run, and never before {@code firstMonth}: three months July–September 2026
 * make a person covered from October 2026, the first month the law bites on. The requirement is shown as covering a
 * person from the current month or the next; a later start is not yet a coverage.
 */
public final class ActivityRequirementRules {

    /** Covered (from a month), with the run of months that made it. */
    public record Coverage(YearMonth coveredFrom, YearMonth runStart, YearMonth lastGranted) {}

    /** A derived or recorded exemption's ground and days ({@code to} the last day, null when open-ended). */
    public record ExemptionPeriod(ExemptionGround ground, LocalDate from, LocalDate to) {

        public boolean appliesOn(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    private final ActivityRequirementSettings settings;

    public ActivityRequirementRules(ActivityRequirementSettings settings) {
        this.settings = settings;
    }

    /** The coverage on {@code today} from the months with försörjningsstöd granted; empty when not covered. */
    public Optional<Coverage> coverage(Collection<YearMonth> grantedMonths, YearMonth today) {
        TreeSet<YearMonth> granted = new TreeSet<>(grantedMonths);
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        YearMonth last = granted.last();
        if (last.isBefore(today.minusMonths(1))) {
            return Optional.empty(); // the assistance has stopped
        }
        YearMonth runStart = last;
        while (granted.contains(runStart.minusMonths(1))) {
            runStart = runStart.minusMonths(1);
        }
        long length = runStart.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        if (length < settings.consecutiveMonths()) {
            return Optional.empty();
        }
        YearMonth from = runStart.plusMonths(settings.consecutiveMonths());
        if (from.isBefore(settings.firstMonth())) {
            from = settings.firstMonth();
        }
        if (from.isAfter(today.plusMonths(1))) {
            return Optional.empty();
        }
        return Optional.of(new Coverage(from, runStart, last));
    }

    /**
     * The exemption the person's age gives on {@code day}: under {@code adultAge} (until the day before that
     * birthday) or from the {@code pensionAge} birthday on.
     */
    public Optional<ExemptionPeriod> ageExemption(Personnummer personnummer, LocalDate day) {
        return ageExemption(birthDateForAgeRules(personnummer), day);
    }

    /** The same, from the birth date the age rules use. */
    public Optional<ExemptionPeriod> ageExemption(LocalDate birth, LocalDate day) {
        LocalDate adult = birth.plusYears(settings.adultAge());
        if (day.isBefore(adult)) {
            return Optional.of(new ExemptionPeriod(ExemptionGround.UNDER_18, birth, adult.minusDays(1)));
        }
        LocalDate pension = birth.plusYears(settings.pensionAge());
        if (!day.isBefore(pension)) {
            return Optional.of(new ExemptionPeriod(ExemptionGround.PENSIONSALDER, pension, null));
        }
        return Optional.empty();
    }

    /** The age in whole years on {@code day}, by the same birth date as the age exemptions. */
    public int age(Personnummer personnummer, LocalDate day) {
        return java.time.Period.between(birthDateForAgeRules(personnummer), day).getYears();
    }

    /**
     * The birth date the age rules use. The synthetic numbers of tests, the demo and the simulation are samordningsnummer
     * of people born 1890–1899, which are never given out ({@link SyntheticPersonnummer}); they count as born a century
     * later, so synthetic clients are of working age. No real applicant was born in the 1890s.
     */
    public static LocalDate birthDateForAgeRules(Personnummer personnummer) {
        LocalDate birth = personnummer.birthDate();
        return SyntheticPersonnummer.isSynthetic(personnummer) ? birth.plusYears(100) : birth;
    }

    public ActivityRequirementSettings settings() {
        return settings;
    }
}
