package se.stegvis.norm.domain;

import java.time.YearMonth;
import java.util.Objects;

/**
 * One income of the month (whole kronor, after tax). Create one with the factory method of its kind.
 *
 * @param description             what the income is, shown on the result line ("Lön", "Barnbidrag")
 * @param kind                    how it is counted
 * @param amount                  the amount this month, never negative
 * @param jobbstimulansStart      {@link IncomeKind#EMPLOYMENT} only: the first month jobbstimulans was applied to
 *                                this earner, or {@code null} if it has not been applied yet
 * @param exemptEarlierThisYear   {@link IncomeKind#CHILD_WORK} only: how much of this child's work income has already
 *                                been left uncounted earlier in the same calendar year
 */
public record Income(String description, IncomeKind kind, long amount, YearMonth jobbstimulansStart,
        long exemptEarlierThisYear) {

    public Income {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        if (amount < 0) {
            throw new IllegalArgumentException("an income must not be negative, was " + amount);
        }
        if (jobbstimulansStart != null && kind != IncomeKind.EMPLOYMENT) {
            throw new IllegalArgumentException("jobbstimulans applies to employment income only");
        }
        if (exemptEarlierThisYear != 0 && kind != IncomeKind.CHILD_WORK) {
            throw new IllegalArgumentException("exemptEarlierThisYear applies to a child's work income only");
        }
        if (exemptEarlierThisYear < 0) {
            throw new IllegalArgumentException("exemptEarlierThisYear must not be negative");
        }
    }

    /** Income counted in full. */
    public static Income other(String description, long amount) {
        return new Income(description, IncomeKind.OTHER, amount, null, 0);
    }

    /**
     * An adult's employment income; jobbstimulans has not been applied to this earner before. It starts this month if
     * the household has had försörjningsstöd for at least 6 consecutive months before it (see
     * {@link NormInput#consecutiveMonthsWithSupport()}); the caller then stores this month as the earner's start.
     */
    public static Income employment(String description, long amount) {
        return new Income(description, IncomeKind.EMPLOYMENT, amount, null, 0);
    }

    /**
     * An adult's employment income when jobbstimulans was first applied to this earner in {@code jobbstimulansStart}:
     * it applies for 24 months from that month, then no more.
     */
    public static Income employment(String description, long amount, YearMonth jobbstimulansStart) {
        return new Income(description, IncomeKind.EMPLOYMENT, amount, Objects.requireNonNull(jobbstimulansStart), 0);
    }

    /**
     * A child's or school-going youth's own work income; {@code exemptEarlierThisYear} of it has already been left
     * uncounted in earlier months of the calendar year (0 in the trial calculation or the year's first income).
     */
    public static Income childWork(String description, long amount, long exemptEarlierThisYear) {
        return new Income(description, IncomeKind.CHILD_WORK, amount, null, exemptEarlierThisYear);
    }
}
