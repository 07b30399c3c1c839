package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Changes to one table of counts kept per key (month, unit, …) — the key figures' facts per month and unit
 * (V15_90, V15_92) — collected over a transaction and written once, in key order: so that two transactions that
 * change the same rows take their locks in the same order and never wait for each other crosswise. A row that falls
 * to all zeros is removed, so that the rows kept up to date are exactly the rows a rebuild counts.
 */
final class Totals {

    /** Orders keys column by column (each a number, a string or a boolean). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Comparator<List<Object>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = ((Comparable) a.get(i)).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private final String table;
    private final List<String> keys;
    private final List<String> values;
    private final boolean signed;
    private final Map<List<Object>, long[]> changes = new TreeMap<>(KEY_ORDER);

    Totals(String table, List<String> keys, List<String> values) {
        this(table, keys, values, false);
    }

    /** {@code signed}: the values are sums of changes that may be negative, so any change may bring a row to zero. */
    Totals(String table, List<String> keys, List<String> values, boolean signed) {
        this.table = table;
        this.keys = keys;
        this.values = values;
        this.signed = signed;
    }

    /** Adds {@code sign} × {@code counts} to the row {@code key}. */
    void add(List<Object> key, int sign, long... counts) {
        long[] row = changes.computeIfAbsent(List.copyOf(key), k -> new long[values.size()]);
        for (int i = 0; i < counts.length; i++) {
            row[i] += sign * counts[i];
        }
    }

    /** Writes the changes collected (in key order) and forgets them. */
    void write(Connection c, SqlDialect dialect) throws SQLException {
        String keyColumns = String.join(", ", keys);
        String valueColumns = String.join(", ", values);
        String marks = String.join(", ", Collections.nCopies(keys.size() + values.size(), "?"));
        String whereKey = keys.stream().map(k -> k + " = ?").collect(Collectors.joining(" and "));
        for (Map.Entry<List<Object>, long[]> e : changes.entrySet()) {
            long[] delta = e.getValue();
            if (Arrays.stream(delta).allMatch(v -> v == 0)) {
                continue;
            }
            List<Object> keyThenValues = new ArrayList<>(e.getKey());
            Arrays.stream(delta).forEach(keyThenValues::add);
            if (dialect == SqlDialect.POSTGRESQL) {
                // Adds to the row or creates it in one statement, also when another transaction creates it first.
                FigureFacts.update(c, "insert into " + table + " as t (" + keyColumns + ", " + valueColumns + ") values (" + marks
                        + ") on conflict (" + keyColumns + ") do update set " + values.stream()
                        .map(v -> v + " = t." + v + " + excluded." + v).collect(Collectors.joining(", ")),
                        keyThenValues);
            } else {
                List<Object> valuesThenKey = new ArrayList<>();
                Arrays.stream(delta).forEach(valuesThenKey::add);
                valuesThenKey.addAll(e.getKey());
                if (FigureFacts.update(c, "update " + table + " set " + values.stream().map(v -> v + " = " + v + " + ?")
                        .collect(Collectors.joining(", ")) + " where " + whereKey, valuesThenKey) == 0) {
                    FigureFacts.update(c, "insert into " + table + " (" + keyColumns + ", " + valueColumns + ") values (" + marks
                            + ")", keyThenValues);
                }
            }
            if (signed || Arrays.stream(delta).anyMatch(v -> v < 0)) {
                FigureFacts.update(c, "delete from " + table + " where " + whereKey + " and " + values.stream()
                        .map(v -> v + " = 0").collect(Collectors.joining(" and ")), e.getKey());
            }
        }
        changes.clear();
    }
}
