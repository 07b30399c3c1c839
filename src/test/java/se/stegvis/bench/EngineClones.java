package se.stegvis.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.stegvis.identity.StegvisGroups;

/**
 * Open tasks and engine history at a nation's volume, made the honest way round: a few real process instances are
 * driven by the running application to the state wanted (waiting at "Utred ansökan", at "Attestera beslut", a new
 * journey at "Kartläggning"), and then every engine row of such a template instance — executions, tasks, candidate
 * groups, the per-task authorizations Camunda writes, variables, jobs, event subscriptions and all its history — is
 * copied N times in SQL, each copy with ids of its own. Id-like values (every {@code ID_} of the template's rows,
 * and its activity-instance ids) are rewritten consistently in every column that holds them, by replacing their last
 * 12 characters with the copy's number in hex; everything else (process definition, names, candidate groups,
 * variables' values) is copied as it is, except that the per-task grants to a unit-role group can be spread over
 * many units ({@link #EngineClones(Connection, List)}). The copies are what the engine's own queries then see: same
 * tables, same indexes, same authorization rows per task.
 */
final class EngineClones {

    /** Runtime tables in an order that keeps their foreign keys satisfied (bytearrays first, executions by depth). */
    private static final List<String> RUNTIME = List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task",
            "act_ru_identitylink", "act_ru_variable", "act_ru_job", "act_ru_ext_task", "act_ru_event_subscr",
            "act_ru_incident", "act_ru_authorization");

    private final Connection c;
    private final Map<String, Long> rows = new LinkedHashMap<>();
    /** Unit-role group ({@code handlaggare-hageby}) of every configured unit → its role. */
    private final Map<String, String> roleOfUnitRoleGroup = new LinkedHashMap<>();
    /** The units' part of a unit-role group ({@code hageby}), as an SQL array literal, in the order of the units. */
    private final String unitSuffixes;
    private final int units;
    /** The business key of copy {@code g} as an SQL expression, for the copy being made; null keeps the template's. */
    private String businessKeySql;

    /** Copies as they are: every copy's grants go to the same groups as the template's. */
    EngineClones(Connection c) {
        this(c, List.of());
    }

    /**
     * Copies whose tasks are spread over {@code unitNames}: a template's grant and candidate group to a unit-role
     * group ({@code handlaggare-hageby}, see {@link StegvisGroups#unitRoleGroup}) go, in copy {@code g}, to the same
     * role in unit {@code unitNames[(g - 1) % n]} — as if the copies were tasks of clients of every unit, evenly, as
     * the product routes them ({@code ClientTaskRouting#candidateGroupsFor}).
     */
    EngineClones(Connection c, List<String> unitNames) {
        this.c = c;
        this.units = unitNames.size();
        List<String> suffixes = new ArrayList<>();
        for (String unit : unitNames) {
            for (String role : StegvisGroups.CASE_WORK) {
                roleOfUnitRoleGroup.put(StegvisGroups.unitRoleGroup(role, unit), role);
            }
            String any = StegvisGroups.unitRoleGroup(StegvisGroups.HANDLAGGARE, unit);
            suffixes.add("'" + any.substring(StegvisGroups.HANDLAGGARE.length() + 1).replace("'", "''") + "'");
        }
        this.unitSuffixes = "(array[" + String.join(", ", suffixes) + "]::text[])";
    }


    /** Rows written per table so far. */
    Map<String, Long> rows() {
        return rows;
    }

    /**
     * Copies the process instance {@code root} (with everything under it) {@code copies} times; its history only
     * {@code historyCopies} times. Returns the number of history rows one copy has.
     */
    long copy(String root, int copies, int historyCopies) throws SQLException {
        return copy(root, copies, historyCopies, null);
    }

    /**
     * {@link #copy(String, int, int)}, with the business key of copy {@code g} given by {@code businessKeySql}, an SQL
     * expression in {@code g} (null: the template's), so that each copy belongs to a case of its own.
     */
    long copy(String root, int copies, int historyCopies, String businessKeySql) throws SQLException {
        this.businessKeySql = businessKeySql;
        c.setAutoCommit(false);
        List<String> instances = column("select id_ from act_ru_execution where root_proc_inst_id_ = ? and id_ = proc_inst_id_", root);
        List<String> tasks = column("select id_ from act_ru_task where proc_inst_id_ in (" + marks(instances) + ")",
                instances.toArray());

        Map<String, List<Map<String, Object>>> template = new LinkedHashMap<>();
        for (String table : RUNTIME) {
            template.put(table, switch (table) {
                case "act_ge_bytearray" -> select(table, "root_proc_inst_id_ = ? or id_ in (select bytearray_id_ from"
                        + " act_ru_variable where proc_inst_id_ in (" + marks(instances) + "))", concat(root, instances));
                case "act_ru_execution" -> byDepth(select(table, "root_proc_inst_id_ = ?", List.of(root)));
                case "act_ru_job" -> select(table, "root_proc_inst_id_ = ?", List.of(root));
                case "act_ru_authorization" -> authorizations(root, tasks, instances);
                case "act_ru_identitylink" -> tasks.isEmpty() ? List.of()
                        : select(table, "task_id_ in (" + marks(tasks) + ")", tasks);
                default -> select(table, "proc_inst_id_ in (" + marks(instances) + ")", instances);
            });
        }
        Map<String, List<Map<String, Object>>> history = new LinkedHashMap<>();
        for (String table : tables("act_hi_")) {
            if (hasColumn(table, "root_proc_inst_id_")) {
                history.put(table, select(table, "root_proc_inst_id_ = ?", List.of(root)));
            }
        }
        // Bytearrays of the history (variable values, decision inputs) that the runtime does not hold.
        Set<Object> runtimeBytes = new HashSet<>();
        template.get("act_ge_bytearray").forEach(r -> runtimeBytes.add(r.get("id_")));

        Set<String> ids = new HashSet<>();
        for (var rowsOf : List.of(template, history)) {
            for (List<Map<String, Object>> list : rowsOf.values()) {
                for (Map<String, Object> r : list) {
                    for (String col : List.of("id_", "act_inst_id_", "parent_act_inst_id_")) {
                        if (r.get(col) instanceof String s) {
                            ids.add(s);
                        }
                    }
                }
            }
        }
        for (var e : template.entrySet()) {
            for (Map<String, Object> r : e.getValue()) {
                insertCopies(e.getKey(), r, ids, copies);
            }
        }
        long historyRows = 0;
        for (var e : history.entrySet()) {
            for (Map<String, Object> r : e.getValue()) {
                insertCopies(e.getKey(), r, ids, historyCopies);
                historyRows++;
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return historyRows;
    }

    private void insertCopies(String table, Map<String, Object> row, Set<String> ids, int copies) throws SQLException {
        if (copies <= 0) {
            return;
        }
        List<String> columns = new ArrayList<>(row.keySet());
        List<String> values = new ArrayList<>();
        for (String col : columns) {
            Object v = row.get(col);
            if (v instanceof String s && ids.contains(s) && s.length() >= 12) {
                values.add("overlay(t." + col + " placing lpad(to_hex(g), 12, '0') from char_length(t." + col + ") - 11)");
            } else if (units > 0 && (table.equals("act_ru_authorization") || table.equals("act_ru_identitylink"))
                    && col.equals("group_id_") && v instanceof String group && roleOfUnitRoleGroup.containsKey(group)) {
                // The grant and the candidate group of copy g go to the role in unit (g - 1) % n.
                String role = roleOfUnitRoleGroup.get(group).replace("'", "''");
                values.add("'" + role + "-' || " + unitSuffixes + "[1 + (g - 1) % " + units + "]");
            } else if (businessKeySql != null && col.equals("business_key_") && v != null) {
                values.add(businessKeySql);
            } else if (table.equals("act_ru_task") && col.equals("create_time_")) {
                // Spread the copies over the weeks before, as tasks arrive: Tasklist sorts by it.
                values.add("t.create_time_ - g * interval '7 seconds'");
            } else {
                values.add("t." + col);
            }
        }
        String sql = "insert into " + table + " (" + String.join(", ", columns) + ") select " + String.join(", ", values)
                + " from " + table + " t cross join generate_series(1, ?) g where t.id_ = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, copies);
            ps.setString(2, (String) row.get("id_"));
            rows.merge(table, (long) ps.executeUpdate(), Long::sum);
        }
    }

    /** Executions ordered so that each comes after its parent and its super execution. */
    private static List<Map<String, Object>> byDepth(List<Map<String, Object>> executions) {
        List<Map<String, Object>> ordered = new ArrayList<>();
        Set<Object> placed = new HashSet<>();
        List<Map<String, Object>> left = new ArrayList<>(executions);
        while (!left.isEmpty()) {
            boolean progress = false;
            for (var it = left.iterator(); it.hasNext(); ) {
                Map<String, Object> e = it.next();
                Object parent = e.get("parent_id_");
                Object superExecution = e.get("super_exec_");
                Object instance = e.get("proc_inst_id_");
                boolean ready = (parent == null || placed.contains(parent))
                        && (superExecution == null || placed.contains(superExecution) || !contains(executions, superExecution))
                        && (instance == null || instance.equals(e.get("id_")) || placed.contains(instance));
                if (ready) {
                    ordered.add(e);
                    placed.add(e.get("id_"));
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("executions form a cycle: " + left);
            }
        }
        return ordered;
    }

    private static boolean contains(List<Map<String, Object>> executions, Object id) {
        return executions.stream().anyMatch(e -> id.equals(e.get("id_")));
    }

    private List<Map<String, Object>> select(String table, String where, List<?> parameters) throws SQLException {
        return query("select * from " + table + " where " + where, parameters.toArray());
    }

    /** The authorizations Camunda wrote for the instance tree: on its tasks (candidates, assignee) or instances. */
    private List<Map<String, Object>> authorizations(String root, List<String> tasks, List<String> instances)
            throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(root);
        parameters.addAll(tasks);
        parameters.addAll(instances);
        return query("select * from act_ru_authorization where root_proc_inst_id_ = ? or resource_id_ in ("
                + marks(parameters.subList(1, parameters.size())) + ")", parameters.toArray());
    }

    private List<Map<String, Object>> query(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int k = 1; k <= md.getColumnCount(); k++) {
                        row.put(md.getColumnName(k).toLowerCase(Locale.ROOT), rs.getObject(k));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    private List<String> column(String sql, Object... parameters) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> r : query(sql, parameters)) {
            out.add((String) r.values().iterator().next());
        }
        return out;
    }

    private List<String> tables(String prefix) throws SQLException {
        return column("select table_name from information_schema.tables where table_schema = current_schema()"
                + " and table_name like ? order by table_name", prefix + "%");
    }

    private boolean hasColumn(String table, String column) throws SQLException {
        return !column("select column_name from information_schema.columns where table_schema = current_schema()"
                + " and table_name = ? and column_name = ?", table, column).isEmpty();
    }

    private static List<Object> concat(String first, List<String> rest) {
        List<Object> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static String marks(List<?> values) {
        return values.isEmpty() ? "null" : String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
    }
}
