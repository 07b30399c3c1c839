package se.stegvis.metrics;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code figure_decision_month} (V15_90): the decision facts ({@code figure_decision}) counted per month, unit, first
 * decision or not and days to a first decision — what "Handläggning" reads ({@link CaseHandlingFigures}), a few
 * hundred rows a year instead of every decision. Kept by taking away and adding: {@link FigureFacts#refresh} takes an
 * application's (or a moved client's) decision facts out before it recomputes them and adds them again after, in the
 * writing transaction; {@link FigureFacts#rebuild} counts them all.
 */
final class DecisionMonths {

    /** The key of a row, as {@code figure_decision} gives it ({@code f}). */
    private static final String KEY = "f.decided_month, coalesce(f.unit, ''), f.first_decision,"
            + " coalesce(f.days_to_decision, 0)";

    private static final String COUNTS = "count(*), sum(case when f.in_time then 1 else 0 end),"
            + " sum(case when f.with_supplement then 1 else 0 end), sum(case when f.attested then 1 else 0 end)";

    private DecisionMonths() {}

    static Totals totals() {
        return new Totals("figure_decision_month", List.of("for_month", "unit", "first_decision", "days_to_decision"),
                List.of("decisions", "in_time", "with_supplement", "attested"));
    }

    /** Every row, from all decision facts. */
    static String insertAll() {
        return "insert into figure_decision_month (for_month, unit, first_decision, days_to_decision, decisions,"
                + " in_time, with_supplement, attested) select " + KEY + ", " + COUNTS
                + " from figure_decision f group by " + KEY;
    }

    /**
     * Adds ({@code sign} 1) or takes away (-1) the decision facts {@code f} selected by {@code where} with its
     * parameters to the changes {@code totals} will write.
     */
    static void add(Connection c, Totals totals, int sign, String where, List<Object> parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select " + KEY + ", " + COUNTS + " from figure_decision f where "
                + where + " group by " + KEY)) {
            for (int i = 0; i < parameters.size(); i++) {
                ps.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.add(List.of(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)), sign,
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8));
                }
            }
        }
    }
}
