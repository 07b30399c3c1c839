package se.stegvis.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * What one computation of the key figures counts, shared by every figure group's queries: the period of whole months
 * and, optionally, the clients of one unit (enhet). Dates are Swedish time (docs/nyckeltal.md). The parameters every
 * query may use:
 * <ul>
 *   <li>{@code :fromMonth}, {@code :toMonth} — the period's months as {@code YYYY-MM} (as {@code application.for_month});
 *   <li>{@code :first}, {@code :last} — its first and last day;
 *   <li>{@code :start}, {@code :end} — the instants its first day begins and the day after its last begins, so that
 *       "a timestamp's Swedish day lies in the period" is {@code t >= :start and t < :end};
 *   <li>{@code :now} — the time of the computation; {@code :unit} — the unit, when there is one.
 * </ul>
 * {@link #clients(String)} restricts a query to the unit's clients.
 */
record FigureScope(YearMonth from, YearMonth to, String unit, ZoneId zone, Instant now, SqlDialect dialect) {

    boolean perUnit() {
        return unit != null;
    }

    LocalDate first() {
        return from.atDay(1);
    }

    LocalDate last() {
        return to.atEndOfMonth();
    }

    /** The instant {@code day} begins, Swedish time, as a JDBC parameter. */
    OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant().atOffset(ZoneOffset.UTC);
    }

    MapSqlParameterSource parameters() {
        return new MapSqlParameterSource()
                .addValue("fromMonth", from.toString())
                .addValue("toMonth", to.toString())
                .addValue("first", first())
                .addValue("last", last())
                .addValue("start", startOf(first()))
                .addValue("end", startOf(last().plusDays(1)))
                .addValue("now", now.atOffset(ZoneOffset.UTC))
                .addValue("unit", unit);
    }

    /**
     * A join that keeps only the rows whose client ({@code clientIdColumn}) belongs to the unit; nothing for the whole
     * municipality. Each query uses it once, with the alias {@code uc}.
     */
    String clients(String clientIdColumn) {
        return unit == null ? "" : " join client uc on uc.id = " + clientIdColumn + " and uc.unit = :unit ";
    }

    /** The Swedish calendar day of a timestamp column or expression. */
    String localDate(String timestamp) {
        return dialect.localDate(timestamp, zone);
    }

    String daysBetween(String earlier, String later) {
        return dialect.daysBetween(earlier, later);
    }

    /** A month {@code YYYY-MM} column as a number that goes up by one each month (year × 12 + month). */
    static String monthNumber(String monthColumn) {
        return "(cast(substring(" + monthColumn + ", 1, 4) as integer) * 12 + cast(substring(" + monthColumn
                + ", 6, 2) as integer))";
    }

    static int monthNumber(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue();
    }
}
