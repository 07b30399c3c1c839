package se.stegvis.payment.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Swedish banking days: every day except Saturdays, Sundays, the public holidays (allmänna helgdagar,
 * lagen 1989:253) and the eves on which Swedish banks are closed (midsommarafton, julafton, nyårsafton).
 * The days are computed for each year, never listed by hand; Easter by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher).
 *
 * <p>The same days count as working days for the office's promises ("a decision within 10 working days").
 */
@Component
public class BankingCalendar {

    private final Map<Integer, Map<LocalDate, String>> closedDaysByYear = new ConcurrentHashMap<>();

    /** Whether banks are open: a weekday that is neither a public holiday nor a bank-closed eve. */
    public boolean isBankingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !closedDays(date.getYear()).containsKey(date);
    }

    /** {@code date} if it is a banking day, otherwise the nearest banking day before it. */
    public LocalDate previousBankingDayOnOrBefore(LocalDate date) {
        LocalDate d = Objects.requireNonNull(date, "date");
        while (!isBankingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** {@code date} if it is a banking day, otherwise the nearest banking day after it. */
    public LocalDate nextBankingDayOnOrAfter(LocalDate date) {
        LocalDate d = Objects.requireNonNull(date, "date");
        while (!isBankingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The day that is {@code workingDays} working days after {@code date} (before it, when negative):
     * counting starts with the day after {@code date}, and only banking days count. With 0 the date itself
     * is returned. "A decision within 10 working days of a complete application on Friday 19 December 2025"
     * is {@code addWorkingDays(2025-12-19, 10)} = Monday 12 January 2026.
     */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        LocalDate d = Objects.requireNonNull(date, "date");
        int step = workingDays >= 0 ? 1 : -1;
        int remaining = Math.abs(workingDays);
        while (remaining > 0) {
            d = d.plusDays(step);
            if (isBankingDay(d)) {
                remaining--;
            }
        }
        return d;
    }

    /**
     * The day the money for {@code month} is paid: day {@code paymentDay} of the month (the last day when
     * the month is shorter), moved to the previous banking day when banks are closed that day.
     *
     * @param paymentDay 1–31, normally the setting {@code stegvis.payment.day}
     */
    public LocalDate paymentDate(YearMonth month, int paymentDay) {
        Objects.requireNonNull(month, "month");
        if (paymentDay < 1 || paymentDay > 31) {
            throw new IllegalArgumentException("Utbetalningsdagen ska vara mellan 1 och 31, var " + paymentDay);
        }
        return previousBankingDayOnOrBefore(month.atDay(Math.min(paymentDay, month.lengthOfMonth())));
    }

    /**
     * The public holidays and bank-closed eves of {@code year} with their Swedish names, in date order.
     * Holidays that always fall on a Sunday (påskdagen, pingstdagen) are included for completeness.
     */
    public Map<LocalDate, String> closedDays(int year) {
        return closedDaysByYear.computeIfAbsent(year, BankingCalendar::computeClosedDays);
    }

    /** Easter Sunday of {@code year} in the Gregorian calendar (anonymous Gregorian algorithm). */
    public static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }

    private static Map<LocalDate, String> computeClosedDays(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        LocalDate easter = easterSunday(year);
        days.put(LocalDate.of(year, 1, 1), "Nyårsdagen");
        days.put(LocalDate.of(year, 1, 6), "Trettondedag jul");
        days.put(easter.minusDays(2), "Långfredagen");
        days.put(easter.minusDays(1), "Påskafton");
        days.put(easter, "Påskdagen");
        days.put(easter.plusDays(1), "Annandag påsk");
        days.put(LocalDate.of(year, 5, 1), "Första maj");
        days.put(easter.plusDays(39), "Kristi himmelsfärdsdag");
        days.put(easter.plusDays(49), "Pingstdagen");
        days.put(LocalDate.of(year, 6, 6), "Sveriges nationaldag");
        LocalDate midsommarafton = LocalDate.of(year, 6, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        days.put(midsommarafton, "Midsommarafton");
        days.put(midsommarafton.plusDays(1), "Midsommardagen");
        days.put(LocalDate.of(year, 10, 31).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)), "Alla helgons dag");
        days.put(LocalDate.of(year, 12, 24), "Julafton");
        days.put(LocalDate.of(year, 12, 25), "Juldagen");
        days.put(LocalDate.of(year, 12, 26), "Annandag jul");
        days.put(LocalDate.of(year, 12, 31), "Nyårsafton");
        return Collections.unmodifiableMap(days);
    }
}
