package se.stegvis.activity;

import java.time.YearMonth;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of the national aktivitetskrav (in force 2026-07-01, prop. 2025/26:207). Figures the law does not give
 * with certainty are settings a process owner changes, never constants (see docs/aktivitetskrav.md).
 *
 * @param firstMonth           the first month of försörjningsstöd the requirement can apply to: 2026-10 (verified as
 *                             proposed: it bites on försörjningsstöd for October 2026)
 * @param consecutiveMonths    how many consecutive months with försörjningsstöd granted make a person covered, from
 *                             the month after them (3; single source)
 * @param adultAge             below this age a person is exempt (18)
 * @param pensionAge           at or above this age (the pension riktålder, 67 in 2026) a person is exempt; the
 *                             riktålder rises with the years: change it when it does
 * @param fullTimeHoursPerWeek full time in hours per week, the normal extent of the activities. UNVERIFIED: the
 *                             figure is not in the verified law text (one third party says 40); the municipality sets it
 */
@ConfigurationProperties("stegvis.aktivitetskrav")
public record ActivityRequirementSettings(YearMonth firstMonth, Integer consecutiveMonths, Integer adultAge,
                                          Integer pensionAge, Integer fullTimeHoursPerWeek) {

    public ActivityRequirementSettings {
        firstMonth = firstMonth == null ? YearMonth.of(2026, 10) : firstMonth;
        consecutiveMonths = consecutiveMonths == null ? 3 : consecutiveMonths;
        adultAge = adultAge == null ? 18 : adultAge;
        pensionAge = pensionAge == null ? 67 : pensionAge;
        fullTimeHoursPerWeek = fullTimeHoursPerWeek == null ? 40 : fullTimeHoursPerWeek;
        if (consecutiveMonths < 1 || adultAge < 0 || pensionAge <= adultAge || fullTimeHoursPerWeek < 1
                || fullTimeHoursPerWeek > 60) {
            throw new IllegalArgumentException("stegvis.aktivitetskrav: consecutive-months >= 1, adult-age < pension-age,"
                    + " full-time-hours-per-week 1..60");
        }
    }

    /** The defaults, for tests and tools. */
    public static ActivityRequirementSettings defaults() {
        return new ActivityRequirementSettings(null, null, null, null, null);
    }
}
