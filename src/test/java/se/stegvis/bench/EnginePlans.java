package se.stegvis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plans PostgreSQL makes for the engine's own SQL of a request: Stegvis runs with the task mapper's statements
 * logged at DEBUG ({@link #LOGGERS}; MyBatis writes each statement and its parameters), the benchmark sends the request
 * once more, reads the statements it caused from the log and runs each with its values under
 * {@code EXPLAIN (ANALYZE, BUFFERS)}. So the plan is that of the engine's exact statement, as Stegvis' connections
 * plans a task query ({@code plan_cache_mode = force_custom_plan} for the query's transaction, config/TaskQueryPlans:
 * with its values).
 */
final class EnginePlans {

    /**
     * The loggers of the engine's task statements (MyBatis names them by the mapper's namespace): the engine's own, and
     * Stegvis' form of its task query ({@code config/TaskGrantLookup}), which the task lists run.
     */
    static final List<String> LOGGERS = List.of("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity",
            "se.stegvis.engine.TaskGrantLookup");

    private static final Pattern TEXT_LINE = Pattern.compile("([\\w.]+) - (==>.*)$");
    private static final Pattern PREPARING = Pattern.compile("^==>\\s+Preparing: (.*)$");
    private static final Pattern PARAMETERS = Pattern.compile("^==> Parameters: ?(.*)$");
    private static final Pattern PARAMETER = Pattern.compile("null(?:, |$)|(.*?)\\((\\w+)\\)(?:, |$)");

    /** One statement with its values, and its plan. */
    record Plan(String statement, String sql, List<String> plan) {

        /** The plan's own execution time line ("Execution Time: 1234.567 ms"), or "". */
        String executionTime() {
            return plan.stream().filter(l -> l.startsWith("Execution Time")).findFirst().orElse("");
        }
    }

    private final Path log;

    EnginePlans(Path log) {
        this.log = log;
    }

    /** Where the log ends now: the statements of the next request are written after it. */
    long mark() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            return f.length();
        }
    }

    /** The task statements written to the log since {@code mark}, each explained with its values on {@code c}. */
    List<Plan> explainSince(long mark, Connection c) throws IOException, SQLException {
        List<Plan> plans = new ArrayList<>();
        String statement = null;
        String sql = null;
        for (String line : readSince(mark).split("\n")) {
            String[] entry = loggerAndMessage(line);
            if (entry == null) {
                continue;
            }
            Matcher p = PREPARING.matcher(entry[1]);
            if (p.find()) {
                statement = entry[0].substring(entry[0].lastIndexOf('.') + 1);
                sql = p.group(1).strip();
                continue;
            }
            Matcher v = PARAMETERS.matcher(entry[1]);
            if (v.find() && sql != null) {
                String bound = bind(sql, v.group(1));
                plans.add(new Plan(statement, bound, explain(c, bound)));
                sql = null;
            }
        }
        return plans;
    }

    /**
     * Logger and message of a log line: a JSON line (profile {@code postgres} logs JSON: {@code log.logger},
     * {@code message}; only those of a web request's thread, {@code http-*}) or a text line
     * ({@code ... logger - message}); null for any other line.
     */
    static String[] loggerAndMessage(String line) {
        if (line.startsWith("{")) {
            try {
                JsonNode json = Api.JSON.readTree(line);
                String logger = json.path("log").path("logger").asText("");
                String message = json.path("message").asText("");
                // Only the web requests' statements: the scheduler's own task queries run beside them.
                String thread = json.path("process").path("thread").path("name").asText("");
                boolean request = thread.isEmpty() || thread.startsWith("http-");
                return request && message.startsWith("==>") ? new String[] {logger, message} : null;
            } catch (IOException notJson) {
                return null;
            }
        }
        Matcher m = TEXT_LINE.matcher(line);
        return m.find() ? new String[] {m.group(1), m.group(2)} : null;
    }

    private String readSince(long mark) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long length = f.length();
            byte[] bytes = new byte[(int) Math.max(0, length - mark)];
            f.seek(mark);
            f.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The statement with each {@code ?} replaced by its logged value as an SQL literal. */
    static String bind(String sql, String parameters) {
        List<String> literals = new ArrayList<>();
        Matcher m = PARAMETER.matcher(parameters.strip());
        while (m.find() && m.end() > m.start()) {
            if (m.group(2) == null) {
                literals.add("null");
                continue;
            }
            String value = m.group(1);
            literals.add(switch (m.group(2)) {
                case "Integer", "Long", "Short", "Double", "BigDecimal", "Boolean" -> value;
                case "Timestamp" -> "timestamp '" + value + "'";
                default -> "'" + value.replace("'", "''") + "'";
            });
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                if (next >= literals.size()) {
                    throw new IllegalStateException("fewer logged values (" + literals.size() + ") than ? in " + sql);
                }
                out.append(literals.get(next++));
            } else {
                out.append(ch);
            }
        }
        if (next != literals.size()) {
            throw new IllegalStateException(literals.size() + " logged values for " + next + " ? in " + sql);
        }
        return out.toString();
    }

    private static List<String> explain(Connection c, String sql) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (var s = c.createStatement(); var rs = s.executeQuery("explain (analyze, buffers) " + sql)) {
            while (rs.next()) {
                plan.add(rs.getString(1));
            }
        }
        return plan;
    }
}
