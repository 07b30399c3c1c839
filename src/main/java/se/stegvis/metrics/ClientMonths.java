package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The facts per client and calendar year ({@code figure_household_year}: the persons of the household in each month
 * with assistance; {@code figure_payment_year}: the confirmed payments of each month) counted per month and unit
 * (V15_92) — what "Bistånd" reads ({@link AssistanceFigures}), 12 rows a year per unit at any volume:
 * <ul>
 *   <li>{@code figure_household_month}: households with assistance, their persons, inflow (assistance in the month
 *       and none in the month before), outflow (none in the month, some in the month before), and in December's row
 *       the households with assistance in at least 10 months of that year (long-term);</li>
 *   <li>{@code figure_payment_month}: the kronor paid and the households paid.</li>
 * </ul>
 * A client's contribution is computed here, in Java, from all of the client's year rows; {@link FigureFacts#refresh}
 * takes the contribution out before it changes a client's rows (or the client moves to another unit) and adds the new
 * one after; {@link FigureFacts#rebuild} adds every client's.
 */
final class ClientMonths {

    private ClientMonths() {}

    static Totals households() {
        return new Totals("figure_household_month", List.of("for_month", "unit"),
                List.of("households", "persons", "inflow", "outflow", "long_term"));
    }

    static Totals payments() {
        return new Totals("figure_payment_month", List.of("for_month", "unit"), List.of("amount", "households"));
    }

    /** A client's rows of one table: per year its unit and the 12 months' values. */
    record Years(Map<Integer, String> units, Map<Integer, long[]> months) {
        static Years empty() {
            return new Years(new TreeMap<>(), new TreeMap<>());
        }

        long value(int year, int month) {
            long[] m = months.get(year);
            return m == null ? 0 : m[month - 1];
        }

        /** The unit of a year's row, or of the year before's (January's outflow after a December). */
        String unit(int year) {
            String unit = units.get(year);
            return unit != null ? unit : units.getOrDefault(year - 1, "");
        }
    }

    /** The client's rows of {@code table} ({@code figure_household_year}: p01–p12, {@code figure_payment_year}: a01–a12). */
    static Years read(Connection c, String table, UUID client) throws SQLException {
        Years years = Years.empty();
        try (PreparedStatement ps = c.prepareStatement("select " + columns(table) + " from " + table
                + " where client_id = ?")) {
            ps.setObject(1, client);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    put(years, rs);
                }
            }
        }
        return years;
    }

    private static String columns(String table) {
        String p = table.equals("figure_household_year") ? "p" : "a";
        StringBuilder s = new StringBuilder("client_id, for_year, coalesce(unit, '')");
        for (int m = 1; m <= 12; m++) {
            s.append(", ").append(p).append("%02d".formatted(m));
        }
        return s.toString();
    }

    private static void put(Years years, ResultSet rs) throws SQLException {
        int year = rs.getInt(2);
        years.units().put(year, rs.getString(3));
        long[] months = new long[12];
        for (int m = 0; m < 12; m++) {
            months[m] = rs.getLong(4 + m);
        }
        years.months().put(year, months);
    }

    /** Adds {@code sign} × a client's contribution to households per month and unit (docs/nyckeltal.md, Bistånd). */
    static void addHouseholds(Totals totals, Years years, int sign) {
        java.util.SortedSet<Integer> affected = new java.util.TreeSet<>();
        for (int year : years.months().keySet()) {
            affected.add(year);
            affected.add(year + 1);
        }
        for (int year : affected) {
            String unit = years.unit(year);
            int monthsWith = 0;
            for (int m = 1; m <= 12; m++) {
                long now = years.value(year, m);
                long before = m == 1 ? years.value(year - 1, 12) : years.value(year, m - 1);
                if (now > 0 || before > 0) {
                    totals.add(List.of(year * 12 + m, unit), sign, now > 0 ? 1 : 0, now, now > 0 && before == 0 ? 1 : 0,
                            now == 0 && before > 0 ? 1 : 0, 0);
                }
                monthsWith += now > 0 ? 1 : 0;
            }
            if (monthsWith >= 10) {
                totals.add(List.of(year * 12 + 12, unit), sign, 0, 0, 0, 0, 1);
            }
        }
    }

    /** Adds {@code sign} × a client's confirmed payments per month and unit. */
    static void addPayments(Totals totals, Years years, int sign) {
        for (Map.Entry<Integer, long[]> y : years.months().entrySet()) {
            for (int m = 1; m <= 12; m++) {
                long amount = y.getValue()[m - 1];
                if (amount != 0) {
                    totals.add(List.of(y.getKey() * 12 + m, years.unit(y.getKey())), sign, amount, amount > 0 ? 1 : 0);
                }
            }
        }
    }

    /** Every client's contribution, from the year rows of {@code table} read in client order. */
    static void addAll(Connection c, String table, Totals totals) throws SQLException {
        boolean households = table.equals("figure_household_year");
        try (PreparedStatement ps = c.prepareStatement("select " + columns(table) + " from " + table
                + " order by client_id, for_year")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                Object client = null;
                Years years = Years.empty();
                while (rs.next()) {
                    if (client != null && !client.equals(rs.getObject(1))) {
                        add(totals, years, households);
                        years = Years.empty();
                    }
                    client = rs.getObject(1);
                    put(years, rs);
                }
                add(totals, years, households);
            }
        }
    }

    private static void add(Totals totals, Years years, boolean households) {
        if (households) {
            addHouseholds(totals, years, 1);
        } else {
            addPayments(totals, years, 1);
        }
    }
}
